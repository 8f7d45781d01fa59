/**
 * Compound indexes used in order: equalities on leading fields, a range on the next, walks in the
 * requested order that stop at the page, and counts from positions. Checked two ways: the planner
 * against a brute-force scan over random data (same matches, same order, same counts, and how many
 * documents it read), and through the real wx-server-sdk on a schema index.
 */
import { Query } from 'mingo'
import { Collection } from '../../tools/local-cloud/db/store'
import { count, find } from '../../tools/local-cloud/db/query'
import { type RunningCloud, type SdkDatabase, databaseOf, sdkFor, startCloud } from '../support/local-cloud'

type Doc = Record<string, unknown>

/** A deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
}

function boardCollection(n: number, seed = 7): Collection {
  const rand = random(seed)
  const coll = new Collection('board')
  coll.ensureIndex({ name: 'board', keys: { c: 1, ranked: 1, wk: 1, score: -1 } })
  coll.ensureIndex({ name: 'c_at', keys: { c: 1, at: -1 } })
  for (let i = 0; i < n; i++) {
    const doc: Doc = {
      _id: `m${i}`,
      c: ['a', 'b', 'c'][Math.floor(rand() * 3)],
      ranked: rand() < 0.9,
      wk: ['w1', 'w2'][Math.floor(rand() * 2)],
      at: new Date(Date.UTC(2026, 10, 1) + Math.floor(rand() * 1e6) * 1000),
      tags: ['x'],
    }
    const r = rand()
    // Ties, a missing score, and another BSON type (a range on numbers must not match strings).
    if (r < 0.9) doc.score = Math.floor(rand() * 40)
    else if (r < 0.95) doc.score = `s${Math.floor(rand() * 9)}`
    coll.put(doc._id as string, doc)
  }
  return coll
}

function bruteForce(coll: Collection, query: Doc, order?: Record<string, 1 | -1>): Doc[] {
  let cursor = new Query(query).find<Doc>([...coll.docs.values()])
  if (order) cursor = cursor.sort(order)
  return cursor.all()
}

/** Count the documents the planner fetches by id while answering. */
function reads(coll: Collection, run: () => void): number {
  const spy = jest.spyOn(coll.docs, 'get')
  try {
    run()
    return spy.mock.calls.length
  } finally {
    spy.mockRestore()
  }
}

describe('the planner against a brute-force scan', () => {
  const coll = boardCollection(6000)

  const queries: Doc[] = [
    { c: 'a', ranked: true, wk: 'w1' },
    { c: 'b', ranked: true, wk: 'w2', score: { $gt: 20 } },
    { c: 'a', ranked: true, wk: 'w1', score: { $gte: 10, $lt: 12 } },
    { c: 'c', ranked: false },
    { c: 'a', ranked: true, wk: 'w1', score: { $lte: 3 } },
    { c: 'a', ranked: true, wk: 'w1', score: { $gt: 's3' } },
    { c: 'b', ranked: true, wk: 'w1', score: null },
    { $and: [{ c: 'c' }, { ranked: true }, { wk: 'w2' }, { score: { $gt: 30 } }] },
    { c: 'a', ranked: true, wk: 'w1', score: { $gt: 5 }, tags: 'x' },
    { c: 'a', at: { $gte: new Date(Date.UTC(2026, 10, 5)), $lt: new Date(Date.UTC(2026, 10, 8)) } },
    { c: { $in: ['a', 'b'] }, ranked: true },
    { c: 'a', ranked: true, wk: { $in: ['w1', 'w2'] } },
    { c: 'b', ranked: true, wk: { $in: ['w2', 'w1', 'w2'] }, score: { $gt: 20 } },
    { c: 'a', ranked: { $in: [true, false] }, wk: 'w1', score: { $gte: 10 } },
    { _id: { $gt: 'm4000' } },
    { $and: [{ _id: 'm17' }, { c: { $exists: true } }] },
  ]

  test.each(queries.map((q) => [JSON.stringify(q), q]))('count %s', (_label, query) => {
    expect(count(coll, query as Doc)).toBe(bruteForce(coll, query as Doc).length)
  })

  test.each(queries.map((q) => [JSON.stringify(q), q]))('top 50 by score %s', (_label, query) => {
    for (const order of [{ score: -1 }, { score: 1 }] as Record<string, 1 | -1>[]) {
      for (const offset of [0, 17]) {
        const got = find(coll, { query: query as Doc, order, offset, limit: 50 })
        const want = bruteForce(coll, query as Doc, order).slice(offset, offset + 50)
        // Ties may come in another order (index order vs insertion order); the values may not.
        expect(got.map((d) => d.score)).toEqual(want.map((d) => d.score))
        const test = new Query(query as Doc)
        expect(got.every((d) => test.test(d))).toBe(true)
        expect(new Set(got.map((d) => d._id)).size).toBe(got.length)
      }
    }
  })

  test.each([
    ['one period key', { c: 'a', ranked: true, wk: 'w1' }],
    [
      'an $in of two keys (one range each, merged in order)',
      { c: 'a', ranked: true, wk: { $in: ['w1', 'w2'] } },
    ],
  ])('a board page over %s reads only the page, and a covered count reads nothing', (_label, board) => {
    const page = reads(coll, () => find(coll, { query: board, order: { score: -1 }, limit: 50 }))
    expect(page).toBe(50)
    const above = { ...board, score: { $gt: 12 } }
    let n = 0
    expect(reads(coll, () => (n = count(coll, above)))).toBe(0)
    expect(n).toBe(bruteForce(coll, above).length)
  })

  test('a count the index does not cover reads the range, but only the range', () => {
    // tags is not in the index.
    const above = { c: 'a', ranked: true, wk: 'w1', score: { $gt: 12 } }
    const range = bruteForce(coll, above).length
    expect(reads(coll, () => count(coll, { ...above, tags: 'x' }))).toBe(range)
  })

  test('paging by _id walks the _id index: a page reads the page, in _id order', () => {
    const after = { _id: { $gt: 'm2500' } }
    let page: Doc[] = []
    expect(reads(coll, () => (page = find(coll, { query: after, order: { _id: 1 }, limit: 100 })))).toBe(100)
    expect(page.map((d) => d._id)).toEqual(
      bruteForce(coll, after, { _id: 1 })
        .slice(0, 100)
        .map((d) => d._id),
    )
  })

  test('the order stays right while documents move', () => {
    const moving = boardCollection(500, 11)
    const rand = random(3)
    for (let i = 0; i < 2000; i++) {
      const id = `m${Math.floor(rand() * 500)}`
      const doc = moving.docs.get(id) as Doc
      if (rand() < 0.05) moving.remove(id)
      else moving.put(id, { ...doc, score: Math.floor(rand() * 40), wk: rand() < 0.5 ? 'w1' : 'w2' })
    }
    const query = { c: 'a', ranked: true, wk: 'w1', score: { $gte: 5 } }
    expect(count(moving, query)).toBe(bruteForce(moving, query).length)
    const got = find(moving, { query, order: { score: -1 }, limit: 1000 })
    expect(got.map((d) => d.score)).toEqual(bruteForce(moving, query, { score: -1 }).map((d) => d.score))
  })

  test('a change that leaves the indexed fields alone keeps answers exact; one that makes them an array too', () => {
    const few = boardCollection(200, 9)
    const doc = few.docs.get('m1') as Doc
    const query = { c: doc.c, ranked: doc.ranked, wk: doc.wk }
    few.put('m1', { ...doc, note: 'x' })
    expect(count(few, query)).toBe(bruteForce(few, query).length)
    few.put('m1', { ...doc, wk: [doc.wk] })
    expect(count(few, query)).toBe(bruteForce(few, query).length)
    expect(find(few, { query, order: { score: -1 }, limit: 500 }).map((d) => d._id)).toContain('m1')
  })

  test('an array at an indexed path makes the index multikey: answers stay exact', () => {
    const multi = boardCollection(300, 5)
    multi.put('arr', { _id: 'arr', c: 'a', ranked: true, wk: ['w1', 'w2'], score: 99 })
    const query = { c: 'a', ranked: true, wk: 'w1' }
    expect(count(multi, query)).toBe(bruteForce(multi, query).length)
    const top = find(multi, { query, order: { score: 1 }, limit: 400 }).map((d) => d.score)
    expect(top).toEqual(bruteForce(multi, query, { score: 1 }).map((d) => d.score))
    expect(top).toContain(99)
  })
})

describe('through the real SDK on a schema index (checkins: communityId, openid, dayKey)', () => {
  jest.setTimeout(60_000)
  let cloud: RunningCloud
  let db: SdkDatabase

  beforeAll(async () => {
    cloud = await startCloud()
    db = databaseOf(sdkFor(cloud))
    const data = Array.from({ length: 400 }, (_, i) => ({
      _id: `c:${i % 4}:d${i}`,
      communityId: 'c',
      openid: `o${i % 4}`,
      dayKey: `2026-${String(1 + Math.floor(i / 40)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    }))
    for (let i = 0; i < data.length; i += 100)
      await db.collection('checkins').add({ data: data.slice(i, i + 100) } as never)
  })

  afterAll(async () => {
    await cloud?.stop()
  })

  test('range + order + limit and a range count agree with the data', async () => {
    const _ = db.command
    const where = { communityId: 'c', openid: 'o1', dayKey: _.gte('2026-03-01').and(_.lt('2026-06-01')) }
    const page = (await db
      .collection('checkins')
      .where(where)
      .orderBy('dayKey', 'desc')
      .limit(5)
      .get()) as unknown as {
      data: { dayKey: string }[]
    }
    const all = Array.from({ length: 400 }, (_v, i) => i)
      .filter((i) => i % 4 === 1)
      .map(
        (i) =>
          `2026-${String(1 + Math.floor(i / 40)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      )
      .filter((k) => k >= '2026-03-01' && k < '2026-06-01')
      .sort()
      .reverse()
    expect(page.data.map((d) => d.dayKey)).toEqual(all.slice(0, 5))
    const counted = (await db.collection('checkins').where(where).count()) as { total: number }
    expect(counted.total).toBe(all.length)
  })
})
