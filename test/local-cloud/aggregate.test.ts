/**
 * Aggregation through the real wx-server-sdk: the stages the product uses, both $lookup forms, and
 * the service's default of 20 results when a pipeline sets no limit.
 */
import { type RunningCloud, type SdkDatabase, databaseOf, sdkFor, startCloud } from '../support/local-cloud'

jest.setTimeout(60_000)

type Db = SdkDatabase
// end() is typed with its callback form (`void |`); the promise form answers this.
type AggResult = { list: Record<string, unknown>[]; errMsg: string }

let cloud: RunningCloud
let db: Db

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await db.createCollection('agg_orders')
  await db.createCollection('agg_users')
  await db.createCollection('many')
  await db.collection('agg_users').add({
    data: [
      { _id: 'u1', name: 'Ann', city: 'SH' },
      { _id: 'u2', name: 'Ben', city: 'BJ' },
    ],
  } as never)
  await db.collection('agg_orders').add({
    data: [
      { _id: 'o1', user: 'u1', amount: 10, items: ['a', 'b'], at: new Date('2024-01-01T00:00:00Z') },
      { _id: 'o2', user: 'u1', amount: 30, items: ['c'], at: new Date('2024-01-02T00:00:00Z') },
      { _id: 'o3', user: 'u2', amount: 5, items: [], at: new Date('2024-01-03T00:00:00Z') },
      { _id: 'o4', user: 'u2', amount: 50, items: ['a'], at: new Date('2024-01-04T00:00:00Z') },
    ],
  } as never)
  await db.collection('many').add({ data: Array.from({ length: 25 }, (_, i) => ({ i })) } as never)
})

afterAll(async () => {
  await cloud?.stop()
})

test('match, group, sort answer {list} with accumulators', async () => {
  const _ = db.command
  const $ = _.aggregate
  const res = (await db
    .collection('agg_orders')
    .aggregate()
    .match({ amount: _.gte(10) })
    .group({ _id: '$user', total: $.sum('$amount'), n: $.sum(1), last: $.max('$at') })
    .sort({ total: -1 })
    .end()) as AggResult
  expect(res.errMsg).toBe('collection.aggregate:ok')
  expect(res.list).toEqual([
    { _id: 'u2', total: 50, n: 1, last: new Date('2024-01-04T00:00:00Z') },
    { _id: 'u1', total: 40, n: 2, last: new Date('2024-01-02T00:00:00Z') },
  ])
})

test('project, addFields, skip, limit', async () => {
  const $ = db.command.aggregate
  const res = (await db
    .collection('agg_orders')
    .aggregate()
    .sort({ amount: 1 })
    .skip(1)
    .limit(2)
    .addFields({ double: $.multiply(['$amount', 2]) })
    .project({ _id: 0, amount: 1, double: 1 })
    .end()) as AggResult
  expect(res.list).toEqual([
    { amount: 10, double: 20 },
    { amount: 30, double: 60 },
  ])
  // addFields never reaches the stored documents.
  expect((await db.collection('agg_orders').doc('o1').get()).data).not.toHaveProperty('double')
})

test('lookup with localField/foreignField, then unwind', async () => {
  const res = (await db
    .collection('agg_orders')
    .aggregate()
    .sort({ _id: 1 })
    .lookup({ from: 'agg_users', localField: 'user', foreignField: '_id', as: 'buyer' })
    .unwind('$buyer')
    .project({ _id: 1, city: '$buyer.city' })
    .end()) as AggResult
  expect(res.list).toEqual([
    { _id: 'o1', city: 'SH' },
    { _id: 'o2', city: 'SH' },
    { _id: 'o3', city: 'BJ' },
    { _id: 'o4', city: 'BJ' },
  ])
})

test('lookup with let + pipeline', async () => {
  const _ = db.command
  const $ = _.aggregate
  const res = (await db
    .collection('agg_users')
    .aggregate()
    .sort({ _id: 1 })
    .lookup({
      from: 'agg_orders',
      let: { uid: '$_id' },
      pipeline: $.pipeline()
        .match(_.expr($.and([$.eq(['$user', '$$uid']), $.gte(['$amount', 30])])))
        .project({ _id: 1 })
        .done(),
      as: 'big',
    })
    .project({ big: 1 })
    .end()) as AggResult
  expect(res.list).toEqual([
    { _id: 'u1', big: [{ _id: 'o2' }] },
    { _id: 'u2', big: [{ _id: 'o4' }] },
  ])
})

test('unwind of arrays, count, sortByCount', async () => {
  const counted = (await db
    .collection('agg_orders')
    .aggregate()
    .unwind('$items')
    .count('n')
    .end()) as AggResult
  expect(counted.list).toEqual([{ n: 4 }])
  const byItem = (await db
    .collection('agg_orders')
    .aggregate()
    .unwind('$items')
    .sortByCount('$items')
    .end()) as AggResult
  expect(byItem.list[0]).toEqual({ _id: 'a', count: 2 })
})

test('replaceRoot, bucket and sample', async () => {
  const roots = (await db
    .collection('agg_users')
    .aggregate()
    .sort({ _id: 1 })
    .replaceRoot({ newRoot: { who: '$name' } })
    .end()) as AggResult
  expect(roots.list).toEqual([{ who: 'Ann' }, { who: 'Ben' }])
  const buckets = (await db
    .collection('agg_orders')
    .aggregate()
    .bucket({ groupBy: '$amount', boundaries: [0, 20, 100], output: { n: db.command.aggregate.sum(1) } })
    .end()) as AggResult
  expect(buckets.list).toEqual([
    { _id: 0, n: 2 },
    { _id: 20, n: 2 },
  ])
  const sample = (await db.collection('agg_orders').aggregate().sample({ size: 2 }).end()) as AggResult
  expect(sample.list).toHaveLength(2)
})

test('without a limit stage a pipeline returns 20 documents; with one, as many as asked', async () => {
  expect(((await db.collection('many').aggregate().match({}).end()) as AggResult).list).toHaveLength(20)
  expect(
    ((await db.collection('many').aggregate().match({}).limit(25).end()) as AggResult).list,
  ).toHaveLength(25)
})
