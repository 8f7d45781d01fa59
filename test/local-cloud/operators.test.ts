/**
 * Every query command and every update command of db.command, through the real wx-server-sdk,
 * checked against the documents they should select or produce.
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

let cloud: RunningCloud
let db: Db

const PEOPLE = [
  { _id: 'p1', name: 'Ann', age: 20, tags: ['a', 'b'], scores: [{ k: 'x', v: 5 }], addr: { city: 'SH' } },
  {
    _id: 'p2',
    name: 'Ben',
    age: 30,
    tags: ['b', 'c'],
    scores: [
      { k: 'x', v: 1 },
      { k: 'y', v: 9 },
    ],
  },
  { _id: 'p3', name: 'Cai', age: 40, tags: [], addr: { city: 'BJ' } },
  { _id: 'p4', name: 'Dan', age: 25, tags: ['a', 'b', 'c'], nick: null },
  { _id: 'p5', name: 'Eve', age: 35, limit: 30 },
]

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await db.createCollection('people')
  await db.collection('people').add({ data: PEOPLE } as never)
})

afterAll(async () => {
  await cloud?.stop()
})

async function ids(where: object): Promise<string[]> {
  const res = await db.collection('people').where(where).get()
  return res.data.map((d) => d._id as string).sort()
}

describe('query commands', () => {
  test('comparison: eq neq lt lte gt gte', async () => {
    const _ = db.command
    expect(await ids({ age: _.eq(30) })).toEqual(['p2'])
    expect(await ids({ age: _.neq(30) })).toEqual(['p1', 'p3', 'p4', 'p5'])
    expect(await ids({ age: _.lt(25) })).toEqual(['p1'])
    expect(await ids({ age: _.lte(25) })).toEqual(['p1', 'p4'])
    expect(await ids({ age: _.gt(35) })).toEqual(['p3'])
    expect(await ids({ age: _.gte(35) })).toEqual(['p3', 'p5'])
  })

  test('plain equality on nested paths and array membership', async () => {
    expect(await ids({ addr: { city: 'SH' } })).toEqual(['p1'])
    expect(await ids({ 'addr.city': 'BJ' })).toEqual(['p3'])
    expect(await ids({ tags: 'c' })).toEqual(['p2', 'p4'])
    expect(await ids({ 'scores.k': 'y' })).toEqual(['p2'])
  })

  test('in, nin, all, size, exists, mod', async () => {
    const _ = db.command
    expect(await ids({ name: _.in(['Ann', 'Eve', 'Zed']) })).toEqual(['p1', 'p5'])
    expect(await ids({ age: _.nin([20, 30, 40]) })).toEqual(['p4', 'p5'])
    expect(await ids({ tags: _.all(['a', 'c']) })).toEqual(['p4'])
    expect(await ids({ tags: _.size(0) })).toEqual(['p3'])
    expect(await ids({ addr: _.exists(true) })).toEqual(['p1', 'p3'])
    expect(await ids({ nick: _.exists(true) })).toEqual(['p4'])
    expect(await ids({ age: _.mod(10, 5) })).toEqual(['p4', 'p5'])
  })

  test('null matches null and missing fields', async () => {
    expect(await ids({ nick: null })).toEqual(['p1', 'p2', 'p3', 'p4', 'p5'])
  })

  test('elemMatch on arrays of objects', async () => {
    const _ = db.command
    expect(await ids({ scores: _.elemMatch({ k: 'x', v: _.gt(3) }) })).toEqual(['p1'])
  })

  test('field-level and/or, top-level and/or/nor, not', async () => {
    const _ = db.command
    expect(await ids({ age: _.gt(20).and(_.lt(35)) })).toEqual(['p2', 'p4'])
    expect(await ids({ age: _.eq(20).or(_.eq(40)) })).toEqual(['p1', 'p3'])
    expect(await ids(_.and([{ tags: 'b' }, _.or([{ age: 20 }, { age: 25 }])]))).toEqual(['p1', 'p4'])
    expect(await ids(_.or([{ name: 'Ann' }, { 'addr.city': 'BJ' }]))).toEqual(['p1', 'p3'])
    expect(await ids(_.nor([{ age: _.lt(30) }, { tags: 'c' }]))).toEqual(['p3', 'p5'])
    expect(await ids({ age: _.not(_.gt(25)) })).toEqual(['p1', 'p4'])
  })

  test('expr compares fields of the same document', async () => {
    const _ = db.command
    const $ = _.aggregate
    expect(await ids(_.expr($.gt(['$age', '$limit'])))).toEqual(['p5'])
  })

  test('regular expressions via db.RegExp with options', async () => {
    expect(await ids({ name: db.RegExp({ regexp: 'n$', options: '' }) })).toEqual(['p1', 'p2', 'p4'])
    expect(await ids({ name: db.RegExp({ regexp: '^[ae]', options: 'i' }) })).toEqual(['p1', 'p5'])
  })
})

describe('update commands', () => {
  const fresh = async (id: string, data: Record<string, unknown>): Promise<void> => {
    await db.collection('people').doc(id).set({ data })
  }
  const read = async (id: string): Promise<Record<string, unknown>> =>
    (await db.collection('people').doc(id).get()).data as Record<string, unknown>

  test('set (whole value), remove, inc, mul, min, max, rename', async () => {
    const _ = db.command
    await fresh('u1', { obj: { a: 1, b: 2 }, gone: 1, n: 10, m: 3, lo: 5, hi: 5, old: 'v' })
    await db
      .collection('people')
      .doc('u1')
      .update({
        data: {
          obj: _.set({ c: 3 }),
          gone: _.remove(),
          n: _.inc(-4),
          m: _.mul(7),
          lo: _.min(2),
          hi: _.max(9),
          old: _.rename('renamed'),
          created: _.inc(1),
        },
      })
    expect(await read('u1')).toEqual({
      _id: 'u1',
      obj: { c: 3 },
      n: 6,
      m: 21,
      lo: 2,
      hi: 9,
      renamed: 'v',
      created: 1,
    })
  })

  test('push plain and with each/position/slice/sort; pop; shift; unshift', async () => {
    const _ = db.command
    await fresh('u2', { a: [1], b: [5, 1], c: [1, 2, 3], d: [1, 2, 3], e: [3] })
    await db
      .collection('people')
      .doc('u2')
      .update({
        data: {
          a: _.push(2, 3),
          b: _.push({ each: [4, 2], sort: 1, slice: 3 }),
          c: _.pop(),
          d: _.shift(),
          e: _.unshift(1, 2),
          f: _.push({ each: [9], position: 0 }),
        },
      })
    expect(await read('u2')).toEqual({
      _id: 'u2',
      a: [1, 2, 3],
      b: [1, 2, 4],
      c: [1, 2],
      d: [2, 3],
      e: [1, 2, 3],
      f: [9],
    })
  })

  test('addToSet (one and each), pull (value and condition), pullAll', async () => {
    const _ = db.command
    await fresh('u3', { s: ['a'], t: ['a'], p: [1, 5, 2, 8], q: [{ x: 1 }, { x: 3 }], r: [1, 2, 1, 3] })
    await db
      .collection('people')
      .doc('u3')
      .update({
        data: {
          s: _.addToSet('a'),
          t: _.addToSet({ $each: ['a', 'b', 'c'] }),
          p: _.pull(_.gt(4)),
          q: _.pull({ x: _.gte(2) }),
          r: _.pullAll([1, 3]),
        },
      })
    expect(await read('u3')).toEqual({
      _id: 'u3',
      s: ['a'],
      t: ['a', 'b', 'c'],
      p: [1, 2],
      q: [{ x: 1 }],
      r: [2],
    })
  })

  test('serverDate inside update and a where().update with commands', async () => {
    const _ = db.command
    await fresh('u4', { n: 1 })
    const before = now().getTime()
    await db
      .collection('people')
      .where({ _id: 'u4' })
      .update({ data: { n: _.inc(1), at: db.serverDate() } })
    const doc = await read('u4')
    expect(doc.n).toBe(2)
    expect(doc.at).toBeInstanceOf(Date)
    expect((doc.at as Date).getTime()).toBeGreaterThanOrEqual(before)
  })

  test('an invalid update (inc on a string) fails and changes nothing', async () => {
    const _ = db.command
    await fresh('u5', { s: 'text', n: 1 })
    await expect(
      db
        .collection('people')
        .doc('u5')
        .update({ data: { s: _.inc(1), n: _.inc(1) } }),
    ).rejects.toMatchObject({ errCode: -502001 })
    expect(await read('u5')).toEqual({ _id: 'u5', s: 'text', n: 1 })
  })
})
