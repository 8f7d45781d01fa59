/**
 * A multikey compound index (community, array of name grams): an `$all` of grams, an `$in` or an
 * equality on the array field is served from the index's (community, element) pairs, reading only
 * the documents that hold every named element — the directory's substring search at any size.
 */
import { Query } from 'mingo'
import { nameGrams, queryGrams } from '../../cloudfunctions/core/nickname'
import { Collection } from '../../tools/local-cloud/db/store'
import { count, find } from '../../tools/local-cloud/db/query'

type Doc = Record<string, unknown>

const NAMES = [
  '林晓',
  '周宁',
  '陈一帆',
  '小雨',
  '晓雨',
  '林小雨',
  '阿哲跑步',
  '跑步的阿哲',
  'Mary-Jane',
  '雨林',
]

function people(n: number): Collection {
  const coll = new Collection('members')
  coll.ensureIndex({ name: 'community_nameGrams', keys: { communityId: 1, nameGrams: 1 } })
  for (let i = 0; i < n; i++) {
    const nickname = `${NAMES[i % NAMES.length]}${i % 3 ? i : ''}`
    const doc = {
      _id: `m${i}`,
      communityId: i % 4 === 0 ? 'b' : 'a',
      nickname,
      nameGrams: nameGrams(nickname),
    }
    coll.put(doc._id, doc)
  }
  return coll
}

function bruteForce(coll: Collection, query: Doc): Doc[] {
  return new Query(query).find<Doc>([...coll.docs.values()]).all()
}

function reads(coll: Collection, run: () => void): number {
  const spy = jest.spyOn(coll.docs, 'get')
  try {
    run()
    return spy.mock.calls.length
  } finally {
    spy.mockRestore()
  }
}

describe('multikey index on (communityId, nameGrams)', () => {
  const coll = people(4000)

  test.each(['小雨', '雨', '阿哲', '一帆', 'jane', '林小', '不存在'])(
    '`$all` of the grams of %s: exact, index-served',
    (q) => {
      const query = { communityId: 'a', nameGrams: { $all: queryGrams(q) } }
      const expected = bruteForce(coll, query)
      let got: Doc[] = []
      const read = reads(coll, () => (got = find(coll, { query, limit: 5000 })))
      expect(got.map((d) => d._id).sort()).toEqual(expected.map((d) => d._id).sort())
      // Only the documents holding every gram are read, not the community's 3000 members.
      expect(read).toBe(expected.length)
      expect(count(coll, query)).toBe(expected.length)
    },
  )

  test('`$in` and plain equality on the array field are served too', () => {
    for (const query of [
      { communityId: 'a', nameGrams: { $in: ['帆', '哲'] } },
      { communityId: 'b', nameGrams: '晓' },
    ]) {
      const expected = bruteForce(coll, query)
      expect(expected.length).toBeGreaterThan(0)
      let got: Doc[] = []
      expect(reads(coll, () => (got = find(coll, { query, limit: 5000 })))).toBe(expected.length)
      expect(got).toHaveLength(expected.length)
    }
  })

  test('the pairs follow writes after they were built', () => {
    const moving = people(200)
    const query = { communityId: 'a', nameGrams: { $all: queryGrams('星河') } }
    expect(find(moving, { query })).toHaveLength(0)
    moving.put('m1', { ...(moving.docs.get('m1') as Doc), nickname: '星河', nameGrams: nameGrams('星河') })
    expect(find(moving, { query }).map((d) => d._id)).toEqual(['m1'])
    moving.put('m1', { ...(moving.docs.get('m1') as Doc), nickname: '小雨', nameGrams: nameGrams('小雨') })
    expect(find(moving, { query })).toHaveLength(0)
    moving.remove('m2')
    expect(
      find(moving, { query: { communityId: 'a', nameGrams: { $all: queryGrams('周宁') } } }).map(
        (d) => d._id,
      ),
    ).not.toContain('m2')
  })
})
