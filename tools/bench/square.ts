/**
 * Square figures (issue 13): the feed's first page, newest and hot, in a community of 10,000 posts
 * and one of 1,000,000 (both in the one database), with database requests per call and the time
 * ratio; and requests per post (screening, payment, one member write). Both orders are index ranges
 * (`communityId, status, createdAt` and `communityId, status, hot`), so neither grows with the
 * collection. `SQUARE_BENCH_LARGE=100000 npm run bench -- square` runs a smaller large community.
 */
import { hotScore } from '../../cloudfunctions/core/square'
import { addCommunity, addMember } from '../../test/support/fixtures'
import { databaseOf, sdkFor, type RunningCloud, type SdkDatabase } from '../../test/support/local-cloud'
import { databaseRequests, measureCalls } from './measure'
import { bulkAdd, syntheticOpenid } from './synthetic'
import type { BenchRow } from './table'

const BULK = 1000
const IN_FLIGHT = 4
const CALLS = 50
const SMALL = 10_000
const LARGE = Number(process.env.SQUARE_BENCH_LARGE) || 1_000_000
const CATEGORIES = ['practical', 'interaction', 'interaction', 'practical', 'life'] as const
const START = Date.parse('2026-01-01T00:00:00Z')

async function insertPosts(db: SdkDatabase, communityId: string, posts: number): Promise<BenchRow> {
  await addCommunity(db, communityId, {
    name: '广场压测',
    inviteCode: `SQB${posts.toString(36).toUpperCase()}`,
    memberCount: 1000,
  })
  await addMember(db, communityId, `${communityId}-reader`, { nickname: '读者' })
  await addMember(db, communityId, `${communityId}-poster`, { nickname: '作者' })
  // Posts spread over a year, a few minutes apart; likes and replies from a long tail.
  const step = Math.floor((330 * 86_400_000) / posts)
  const t = performance.now()
  await bulkAdd(
    db,
    'posts',
    posts,
    (i) => {
      const createdAt = new Date(START + i * step)
      const likes = (i * 7919) % 31 === 0 ? i % 200 : i % 5
      const replies = i % 3
      return {
        _id: `${communityId}-p${String(i).padStart(7, '0')}`,
        communityId,
        authorId: syntheticOpenid(communityId, i % 1000),
        memberId: `${communityId}_${syntheticOpenid(communityId, i % 1000)}`,
        nickname: `成员${i % 1000}`,
        text: `第 ${i} 条帖子：今天读完了一本好书，想和大家分享。`,
        photos: [],
        photoStatus: [],
        category: CATEGORIES[i % CATEGORIES.length],
        themeId: null,
        themeTitle: null,
        day: createdAt.toISOString().slice(0, 10),
        createdAt,
        status: i % 97 === 0 ? 'hidden' : 'visible',
        likeCount: likes,
        replyCount: replies,
        hot: hotScore({ likes, replies, createdAt }),
        pinned: false,
        featured: i % 113 === 0,
        points: 20,
        unpaidReason: null,
        reportCount: 0,
      }
    },
    { perRequest: BULK, inFlight: IN_FLIGHT },
  )
  return {
    bench: `posts inserted @ ${posts.toLocaleString('en')}`,
    value: `${Math.round(performance.now() - t)} ms`,
    detail: `bulk add of ${BULK}, ${IN_FLIGHT} in flight`,
  }
}

async function benchFeed(
  cloud: RunningCloud,
  communityId: string,
  posts: number,
  order: 'newest' | 'hot',
): Promise<{ rows: BenchRow[]; meanMs: number; requests: number }> {
  const reader = `${communityId}-reader`
  const read = async () => {
    const res = await cloud.call<{ ok: boolean; data?: { items: unknown[] } }>(
      'square',
      { action: 'feed', order, _community: communityId },
      reader,
    )
    if (!res.ok || res.data?.items.length !== 10)
      throw new Error(`feed failed: ${JSON.stringify(res).slice(0, 300)}`)
  }
  for (let i = 0; i < 5; i++) await read()
  const rows = await measureCalls(
    cloud,
    `square.feed ${order} @ ${posts.toLocaleString('en')}`,
    CALLS,
    read,
    {
      latency: `${CALLS} sequential first pages (10 posts)`,
      requests: 'per call, incl. membership',
      goal: { requests: '≤ 3' },
    },
  )
  return { rows, meanMs: parseFloat(rows[0].value), requests: parseFloat(rows[2].value) }
}

async function benchPosting(cloud: RunningCloud, communityId: string): Promise<BenchRow[]> {
  const poster = `${communityId}-poster`
  let n = 0
  const post = async () => {
    const res = await cloud.call<{ ok: boolean }>(
      'square',
      {
        action: 'post',
        requestId: `bench-post-${String(n).padStart(6, '0')}`,
        text: `压测第 ${n++} 条：今天读完了一本好书，想和大家分享书里的一段话。`,
        category: 'practical',
        _community: communityId,
      },
      poster,
    )
    if (!res.ok) throw new Error(`post failed: ${JSON.stringify(res).slice(0, 300)}`)
  }
  await post()
  const before = await databaseRequests(cloud)
  const t = performance.now()
  const calls = 20
  for (let i = 0; i < calls; i++) await post()
  const ms = performance.now() - t
  const requests = ((await databaseRequests(cloud)) - before) / calls
  return [
    {
      bench: 'square.post (valued, screened, paid)',
      value: `${requests.toFixed(1)} requests`,
      detail: `per post incl. membership (with the word list); ${(ms / calls).toFixed(0)} ms mean over ${calls}`,
    },
  ]
}

export async function benchSquare(cloud: RunningCloud): Promise<BenchRow[]> {
  const db = databaseOf(sdkFor(cloud))
  const inserted = [
    await insertPosts(db, 'bench-sq-small', SMALL),
    await insertPosts(db, 'bench-sq-large', LARGE),
  ]
  const rows: BenchRow[] = [...inserted]
  for (const order of ['newest', 'hot'] as const) {
    const small = await benchFeed(cloud, 'bench-sq-small', SMALL, order)
    const large = await benchFeed(cloud, 'bench-sq-large', LARGE, order)
    rows.push(...small.rows, ...large.rows, {
      bench: `square.feed ${order} ${LARGE.toLocaleString('en')} / ${SMALL.toLocaleString('en')}`,
      value: `${(large.meanMs / small.meanMs).toFixed(2)}× time`,
      detail: `requests ${small.requests} → ${large.requests} (goal ≤ 3)`,
    })
  }
  rows.push(...(await benchPosting(cloud, 'bench-sq-small')))
  return rows
}
