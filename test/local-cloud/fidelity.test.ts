/**
 * Where an outside check of the database found the local cloud answering differently from the real
 * service, through the real wx-server-sdk: each case is what the service does.
 */
import type { Database } from '../../cloudfunctions/runtime/cloud'
import { inTransaction } from '../../cloudfunctions/runtime/db'
import { type RunningCloud, type SdkDatabase, databaseOf, sdkFor, startCloud } from '../support/local-cloud'

jest.setTimeout(60_000)

type AggResult = { list: Record<string, unknown>[] }
// wx-server-sdk types transactions as `any`; this is the part of them these tests use.
interface Txn {
  collection(name: string): {
    doc(id: string): { get(): Promise<unknown>; update(o: object): Promise<unknown> }
  }
  commit(): Promise<unknown>
}

let cloud: RunningCloud
let db: SdkDatabase

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await db.createCollection('fid')
  await db.createCollection('fid_empty')
  await db.collection('fid').add({
    data: [
      { _id: 'plain', vals: [1, 2, 3] },
      { _id: 'docs', vals: [{ x: 1 }, { x: 5 }] },
      { _id: 'mixed', vals: [7, { x: 9 }] },
    ],
  } as never)
})

afterAll(() => cloud?.stop())

const failure = (p: Promise<unknown>): Promise<{ errCode?: number; errMsg?: string; message?: string }> =>
  p.then(
    () => {
      throw new Error('expected a failure')
    },
    (err: { errCode?: number; errMsg?: string; message?: string }) => err,
  )
const messageOf = (err: { errMsg?: string; message?: string }): string => String(err.errMsg ?? err.message)

async function ids(where: object): Promise<string[]> {
  return (await db.collection('fid').where(where).get()).data.map((d) => String(d._id)).sort()
}

describe('queries', () => {
  test('$elemMatch with a field condition matches embedded documents only, never plain values', async () => {
    const _ = db.command
    expect(await ids({ vals: _.elemMatch({ x: _.exists(false) }) })).toEqual([])
    expect(await ids({ vals: _.elemMatch({ x: _.gte(1) }) })).toEqual(['docs', 'mixed'])
    expect(await ids({ vals: _.elemMatch({ x: _.lt(3) }) })).toEqual(['docs'])
    // A condition on the element itself still matches plain values.
    expect(await ids({ vals: _.elemMatch(_.gt(2)) })).toEqual(['mixed', 'plain'])
  })

  test('$jsonSchema answers an unsupported-operator error, not a configuration message', async () => {
    const err = await failure(
      db
        .collection('fid')
        .where({ $jsonSchema: { required: ['vals'] } })
        .get(),
    )
    expect(messageOf(err)).toMatch(/unknown operator: \$jsonSchema/)
    expect(messageOf(err)).not.toMatch(/jsonSchemaValidator|configure/)
  })
})

describe('writes', () => {
  test('an update or set that changes nothing still reports updated: 1', async () => {
    const col = db.collection('fid')
    await col.add({ data: { _id: 'same', a: 1, b: 'x' } })
    expect((await col.doc('same').update({ data: { a: 1 } })).stats.updated).toBe(1)
    expect((await col.doc('same').set({ data: { a: 1, b: 'x' } })).stats).toEqual({ updated: 1, created: 0 })
    expect((await col.where({ _id: 'same' }).update({ data: { b: 'x' } })).stats.updated).toBe(1)
    // updateAndReturn (modifyAndReturnDoc) as @cloudbase/database sends it; wx-server-sdk has no wrapper.
    const returned = await fetch(`${cloud.url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'database.modifyAndReturnDoc',
        envName: cloud.envId,
        collectionName: 'fid',
        queryType: 'WHERE',
        query: JSON.stringify({ _id: 'same' }),
        data: JSON.stringify({ $set: { a: 1 } }),
      }),
    }).then((res) => res.json() as Promise<{ data: { updated: number; doc: string } }>)
    expect(returned.data.updated).toBe(1)
    expect(JSON.parse(returned.data.doc)).toMatchObject({ _id: 'same', b: 'x' })
    await db.runTransaction(async (t: Txn) => {
      const res = (await (t as Txn)
        .collection('fid')
        .doc('same')
        .update({ data: { a: 1 } })) as { stats: { updated: number } }
      expect(res.stats.updated).toBe(1)
    })
    // A missing document is still not updated.
    expect((await col.doc('nobody').update({ data: { a: 1 } })).stats.updated).toBe(0)
  })

  test('a field name beginning with $ is refused on insert and nothing is stored', async () => {
    const col = db.collection('fid')
    const err = await failure(col.add({ data: { _id: 'dollar', ok: 1, nested: { $bad: 1 } } as never }))
    expect(messageOf(err)).toMatch(/\$ prefixed field names: \$bad/)
    expect((await col.where({ _id: 'dollar' }).get()).data).toEqual([])
  })

  test('an ObjectId stored in a field other than _id comes back as its hex string', async () => {
    const hex = '5f0c3a1b2c3d4e5f6a7b8c9d'
    // The SDK sends EJSON: a {$oid} value is stored as an ObjectId.
    await db
      .collection('fid')
      .add({ data: { _id: 'oid', ref: { $oid: hex }, list: [{ $oid: hex }] } as never })
    const got = (await db.collection('fid').doc('oid').get()).data as unknown as Record<string, unknown>
    expect(got.ref).toBe(hex)
    expect(got.list).toEqual([hex])
    expect(await ids({ _id: 'oid' })).toEqual(['oid'])
  })
})

describe('transactions', () => {
  test('a write conflict carries the real message', async () => {
    await db.collection('fid').add({ data: { _id: 'tc', v: 0 } })
    const t1: Txn = await db.startTransaction()
    const t2: Txn = await db.startTransaction()
    await t1
      .collection('fid')
      .doc('tc')
      .update({ data: { v: 1 } })
    const err = (await failure(
      t2
        .collection('fid')
        .doc('tc')
        .update({ data: { v: 2 } }),
    )) as { code?: string; errMsg?: string; message?: string }
    expect(messageOf(err)).toMatch(
      /\[ResourceUnavailable\.TransactionConflict\] Transaction is conflict, maybe resource operated by others\./,
    )
    await t1.commit()
  })

  test('runtime inTransaction still recognises a conflict by the real message and retries', async () => {
    await db.collection('fid').add({ data: { _id: 'tr', v: 0 } })
    let attempts = 0
    await inTransaction(db as unknown as Database, async (t) => {
      attempts++
      if (attempts === 1) {
        // Another transaction holds the document while this one writes it: a write-time conflict.
        const other: Txn = await db.startTransaction()
        await other
          .collection('fid')
          .doc('tr')
          .update({ data: { v: 10 } })
        try {
          await t
            .collection('fid')
            .doc('tr')
            .update({ data: { v: 1 } })
        } finally {
          await other.commit()
        }
      } else {
        const current = (await t.collection('fid').doc('tr').get()) as { data: { v: number } }
        await t
          .collection('fid')
          .doc('tr')
          .update({ data: { v: current.data.v + 1 } })
      }
    })
    expect(attempts).toBe(2)
    expect((await db.collection('fid').doc('tr').get()).data.v).toBe(11)
  })

  test('a transaction that is no longer open answers TransactionNotExist', async () => {
    const t: Txn = await db.startTransaction()
    await t.commit()
    const err = await failure(t.collection('fid').doc('tc').get())
    expect(messageOf(err)).toMatch(
      /\[ResourceUnavailable\.TransactionNotExist\] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds\./,
    )
  })
})

describe('aggregation', () => {
  const run = async (collection: string, build: (a: ReturnType<typeof agg>) => unknown): Promise<AggResult> =>
    (await (build(agg(collection)) as { end(): Promise<AggResult> }).end()) as AggResult
  const agg = (collection: string) => db.collection(collection).aggregate()

  test('$group and $count over no documents return no row', async () => {
    const $ = db.command.aggregate
    expect((await run('fid_empty', (a) => a.group({ _id: null, n: $.sum(1) }))).list).toEqual([])
    expect((await run('fid_empty', (a) => a.count('n'))).list).toEqual([])
    expect(
      (await run('fid', (a) => a.match({ _id: 'none' }).group({ _id: null, n: $.sum(1) }))).list,
    ).toEqual([])
    expect((await run('fid', (a) => a.match({ _id: 'none' }).count('n'))).list).toEqual([])
    // And a count over some documents still counts.
    expect((await run('fid', (a) => a.match({ _id: 'plain' }).count('n'))).list).toEqual([{ n: 1 }])
  })

  test('$week is the Sunday-based week, $indexOfCP exists, $substrBytes takes a negative length', async () => {
    const $ = db.command.aggregate
    const res = await run('fid', (a) =>
      a.match({ _id: 'plain' }).project({
        _id: 0,
        week: $.week(new Date('2019-05-14T00:00:00Z')),
        newYear: $.week(new Date('2019-01-05T00:00:00Z')),
        firstSunday: $.week(new Date('2019-01-06T00:00:00Z')),
        cp: $.indexOfCP(['cafétéria', 'é']),
        cpFrom: $.indexOfCP(['cafétéria', 'é', 4]),
        cpNone: $.indexOfCP(['cafétéria', 'z']),
        rest: $.substrBytes(['abcdef', 2, -1]),
        middle: $.substrBytes(['abcdef', 1, 2]),
      }),
    )
    expect(res.list).toEqual([
      { week: 19, newYear: 0, firstSunday: 1, cp: 3, cpFrom: 5, cpNone: -1, rest: 'cdef', middle: 'bc' },
    ])
  })
})
