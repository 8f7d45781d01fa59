/**
 * Fidelity of the basic database calls: the real wx-server-sdk against the local cloud, checking
 * result shapes, limits on what comes back, and the errors the SDK throws.
 */
import {
  type RunningCloud,
  type SdkDatabase,
  databaseOf,
  now,
  sdkFor,
  startCloud,
} from '../support/local-cloud'

jest.setTimeout(60_000)

type Db = SdkDatabase
interface SdkError {
  errCode: number
  errMsg: string
}

async function failure(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call
  } catch (err) {
    return err as SdkError
  }
  throw new Error('expected the call to fail')
}

let cloud: RunningCloud
let db: Db

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await db.createCollection('items')
})

afterAll(async () => {
  await cloud?.stop()
})

describe('collections', () => {
  test('createCollection makes a collection once; a second create fails', async () => {
    const created = await db.createCollection('fresh')
    expect(created.errMsg).toBe('createCollection:ok')
    expect(await db.collection('fresh').count()).toMatchObject({ total: 0 })
    const again = await failure(db.createCollection('fresh'))
    expect(again.errMsg).toMatch(/Table exist/)
  })

  test('every call on a missing collection throws DATABASE_COLLECTION_NOT_EXIST (-502005)', async () => {
    const missing = db.collection('no_such_collection')
    const calls = [
      missing.get(),
      missing.count(),
      missing.add({ data: { a: 1 } }),
      missing.doc('x').get(),
      missing.doc('x').set({ data: { a: 1 } }),
      missing.doc('x').update({ data: { a: 1 } }),
      missing.doc('x').remove(),
      missing.where({ a: 1 }).update({ data: { a: 2 } }),
      missing.where({ a: 1 }).remove(),
    ]
    // Every call is already in flight: each gets its handler now, or one failing while an earlier one
    // is awaited would be an unhandled rejection (which failed this test on a busy machine).
    for (const err of await Promise.all(calls.map(failure))) {
      expect(err.errCode).toBe(-502005)
      expect(err.errMsg).toMatch(/Db or Table not exist: no_such_collection/)
    }
    // aggregate().end() (like createCollection) skips the SDK's code mapping: errCode -1, same message.
    const aggregated = await failure(missing.aggregate().match({ a: 1 }).end())
    expect(aggregated.errCode).toBe(-1)
    expect(aggregated.errMsg).toMatch(
      /DATABASE_COLLECTION_NOT_EXIST|Db or Table not exist: no_such_collection/,
    )
    // Nothing created it on the way.
    expect((await failure(missing.count())).errCode).toBe(-502005)
  })
})

describe('add and doc', () => {
  test('add returns the new _id (generated: 32 hex digits) and the document reads back', async () => {
    const added = await db.collection('items').add({ data: { name: 'first', n: 1 } })
    expect(added.errMsg).toBe('collection.add:ok')
    expect(added._id).toMatch(/^[0-9a-f]{32}$/)
    const got = await db
      .collection('items')
      .doc(added._id as string)
      .get()
    expect(got.data).toEqual({ _id: added._id, name: 'first', n: 1 })
  })

  test('add keeps a given _id, and a batch add returns every _id in order', async () => {
    expect(await db.collection('items').add({ data: { _id: 'given', n: 2 } })).toMatchObject({ _id: 'given' })
    const batch = (await db.collection('items').add({
      data: [{ _id: 'b1', n: 3 }, { n: 4 }, { _id: 'b3', n: 5 }],
    } as never)) as unknown as { _ids: string[] }
    expect(batch._ids).toHaveLength(3)
    expect(batch._ids[0]).toBe('b1')
    expect(batch._ids[2]).toBe('b3')
    const got = await db.collection('items').doc(batch._ids[1]).get()
    expect(got.data).toMatchObject({ n: 4 })
  })

  test('doc(id).get on a missing id throws errCode -1 "document with _id … does not exist"', async () => {
    const err = await failure(db.collection('items').doc('nobody').get())
    expect(err.errCode).toBe(-1)
    expect(err.errMsg).toBe('document.get:fail document with _id nobody does not exist')
  })

  test('doc(id).field() projects the single document', async () => {
    await db.collection('items').add({ data: { _id: 'proj', a: 1, b: 2, c: { d: 3, e: 4 } } })
    const got = await db.collection('items').doc('proj').field({ a: true, 'c.d': true }).get()
    expect(got.data).toEqual({ _id: 'proj', a: 1, c: { d: 3 } })
  })

  test('doc(id).set creates, then replaces the whole document (stats.created / stats.updated)', async () => {
    const col = db.collection('items')
    const created = await col.doc('setme').set({ data: { a: 1, b: { c: 2 } } })
    expect(created).toMatchObject({ _id: 'setme', stats: { updated: 0, created: 1 } })
    const replaced = await col.doc('setme').set({ data: { z: true } })
    expect(replaced).toMatchObject({ _id: 'setme', stats: { updated: 1, created: 0 } })
    expect((await col.doc('setme').get()).data).toEqual({ _id: 'setme', z: true })
    // Like the service, an unchanged document still counts as updated.
    const same = await col.doc('setme').set({ data: { z: true } })
    expect(same.stats).toEqual({ updated: 1, created: 0 })
  })

  test('doc(id).update merges nested objects field by field; a missing doc updates nothing', async () => {
    const col = db.collection('items')
    await col.add({ data: { _id: 'upd', profile: { name: 'A', age: 1 }, tags: ['x'] } })
    const res = await col.doc('upd').update({ data: { profile: { age: 2 }, extra: 'e' } })
    expect(res).toMatchObject({ stats: { updated: 1 }, errMsg: 'document.update:ok' })
    expect((await col.doc('upd').get()).data).toEqual({
      _id: 'upd',
      profile: { name: 'A', age: 2 },
      tags: ['x'],
      extra: 'e',
    })
    const unchanged = await col.doc('upd').update({ data: { extra: 'e' } })
    expect(unchanged.stats.updated).toBe(1)
    const missing = await col.doc('ghost').update({ data: { a: 1 } })
    expect(missing.stats.updated).toBe(0)
    expect((await failure(col.doc('ghost').get())).errCode).toBe(-1)
  })

  test('doc(id).remove answers stats.removed 1, then 0', async () => {
    const col = db.collection('items')
    await col.add({ data: { _id: 'gone' } })
    expect((await col.doc('gone').remove()).stats).toEqual({ removed: 1 })
    expect((await col.doc('gone').remove()).stats).toEqual({ removed: 0 })
  })

  test('numeric ids stay numbers and differ from their string form', async () => {
    const col = db.collection('items')
    await col.add({ data: { _id: 7 as unknown as string, kind: 'number' } })
    await col.add({ data: { _id: '7', kind: 'string' } })
    expect((await col.doc(7 as unknown as string).get()).data).toEqual({ _id: 7, kind: 'number' })
    expect((await col.doc('7').get()).data).toEqual({ _id: '7', kind: 'string' })
  })
})

describe('queries', () => {
  beforeAll(async () => {
    await db.createCollection('rows')
    const data = Array.from({ length: 10 }, (_, i) => ({
      _id: `r${i}`,
      n: i,
      even: i % 2 === 0,
      group: i % 3,
    }))
    await db.collection('rows').add({ data } as never)
  })

  test('where + orderBy + skip + limit + field, as one page', async () => {
    const _ = db.command
    const page = await db
      .collection('rows')
      .where({ n: _.gte(3) })
      .orderBy('n', 'desc')
      .skip(2)
      .limit(3)
      .field({ n: true })
      .get()
    expect(page.data).toEqual([
      { _id: 'r7', n: 7 },
      { _id: 'r6', n: 6 },
      { _id: 'r5', n: 5 },
    ])
  })

  test('orderBy on two fields sorts by the first, then the second', async () => {
    const got = await db.collection('rows').orderBy('group', 'asc').orderBy('n', 'desc').field({ n: 1 }).get()
    expect(got.data.map((d) => d.n)).toEqual([9, 6, 3, 0, 7, 4, 1, 8, 5, 2])
  })

  test('field() excluding fields and count() of a where', async () => {
    const got = await db.collection('rows').where({ even: true }).field({ even: false, group: false }).get()
    expect(got.data).toHaveLength(5)
    expect(got.data[0]).toEqual({ _id: 'r0', n: 0 })
    expect(await db.collection('rows').where({ even: false }).count()).toMatchObject({ total: 5 })
    expect(await db.collection('rows').count()).toMatchObject({ total: 10, errMsg: 'collection.count:ok' })
  })

  test('where().update updates every match and reports how many', async () => {
    const _ = db.command
    const res = await db
      .collection('rows')
      .where({ n: _.lt(4) })
      .update({ data: { low: true } })
    expect(res).toMatchObject({ stats: { updated: 4 }, errMsg: 'collection.update:ok' })
    expect(await db.collection('rows').where({ low: true }).count()).toMatchObject({ total: 4 })
  })

  test('where().remove removes every match', async () => {
    await db.createCollection('scratch')
    await db.collection('scratch').add({ data: [{ k: 1 }, { k: 1 }, { k: 2 }] } as never)
    const res = await db.collection('scratch').where({ k: 1 }).remove()
    expect(res).toMatchObject({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' })
    expect((await db.collection('scratch').get()).data.map((d) => d.k)).toEqual([2])
  })

  test('dates go in and come back as Date; date ranges query correctly', async () => {
    await db.createCollection('events')
    const at = new Date('2024-05-01T08:30:00.123Z')
    await db.collection('events').add({ data: { _id: 'e1', at, nested: { list: [at] } } })
    await db.collection('events').add({ data: { _id: 'e2', at: new Date('2024-06-01T00:00:00Z') } })
    const got = (await db.collection('events').doc('e1').get()).data as { at: Date; nested: { list: Date[] } }
    expect(got.at).toBeInstanceOf(Date)
    expect(got.at.toISOString()).toBe('2024-05-01T08:30:00.123Z')
    expect(got.nested.list[0]).toBeInstanceOf(Date)
    const _ = db.command
    const before = await db
      .collection('events')
      .where({ at: _.lt(new Date('2024-05-15T00:00:00Z')) })
      .get()
    expect(before.data.map((d) => d._id)).toEqual(['e1'])
  })

  test('serverDate() is the server time plus its offset', async () => {
    // The server's time is the local stack's settable now (QUNHUO_NOW), not the machine clock.
    const t0 = now().getTime()
    await db
      .collection('events')
      .add({ data: { _id: 'sd', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } })
    const t1 = now().getTime()
    const got = (await db.collection('events').doc('sd').get()).data as { at: Date; later: Date }
    expect(got.at.getTime()).toBeGreaterThanOrEqual(t0)
    expect(got.at.getTime()).toBeLessThanOrEqual(t1)
    expect(got.later.getTime() - got.at.getTime()).toBe(60_000)
  })

  test('db.RegExp and a JS RegExp both match', async () => {
    await db.createCollection('names')
    await db
      .collection('names')
      .add({ data: [{ name: 'Alice' }, { name: 'alina' }, { name: 'Bob' }] } as never)
    const viaDb = await db
      .collection('names')
      .where({ name: db.RegExp({ regexp: '^ali', options: 'i' }) })
      .get()
    expect(viaDb.data.map((d) => d.name).sort()).toEqual(['Alice', 'alina'])
    const viaJs = await db.collection('names').where({ name: /^B/ }).get()
    expect(viaJs.data.map((d) => d.name)).toEqual(['Bob'])
  })
})
