/**
 * The square through the local cloud and the real wx-server-sdk: posting (valued posts pay once,
 * duplicates and short posts do not, mutes and quiet hours refuse with nothing written), a held
 * post paid on approval, replies and likes, reports to the point of hiding, staff pin / hide with
 * the author told, 精选 with the notes' rule, a paid post revoked with a compensating row, 200
 * parallel replies and likes on one post with exact counts, and each action's request budget.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { ModerationOutputs } from '../../cloudfunctions/core/contracts/moderation'
import type {
  DetailResult,
  FeedResult,
  LikeResult,
  MixResult,
  PostResult,
  ReplyResult,
  ReportResult,
  SquareOutputs,
} from '../../cloudfunctions/core/contracts/square'
import { hotScore } from '../../cloudfunctions/core/square'
import { databaseRequests } from '../../tools/bench/measure'
import { planRebuild, readDerivedDocs } from '../../tools/rebuild'
import { uploadFixture } from '../support/storage'
import { addCommunity, addMember, countWhere, data, errorCode, getDoc } from '../support/fixtures'
import {
  databaseOf,
  now,
  sdkFor,
  startCloud,
  type RunningCloud,
  type SdkDatabase,
} from '../support/local-cloud'

jest.setTimeout(300_000)

const C = 'c-sq'
const X = 'c-other'
const WEEK = '2026-11-16'
let cloud: RunningCloud
let db: SdkDatabase
let seq = 0
const rid = () => `req-${(seq++).toString(36).padStart(8, '0')}`

const call = <T>(event: Record<string, unknown>, openid: string, community = C) =>
  cloud.call<ActionResult<T>>('square', { ...event, _community: community }, openid)
const moderation = <T>(event: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>('moderation', { ...event, _community: C }, openid)
const member = async (openid: string) =>
  (await getDoc<{ balance: number; totalEarned: number; lastPostAt?: Date; lastActiveAt?: Date }>(
    db,
    'members',
    `${C}_${openid}`,
  ))!
const LONG = (n: number) => `第 ${n} 篇：今天读完了一本好书，想和大家分享书里关于坚持的一段话。`

async function requestsOf(run: () => Promise<unknown>): Promise<number> {
  const before = await databaseRequests(cloud)
  await run()
  return (await databaseRequests(cloud)) - before
}

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await cloud.setClock('2026-11-20T04:00:00.000Z') // Friday 12:00 in Shanghai
  await addCommunity(db, C, { memberCount: 10 })
  await addCommunity(db, X, { memberCount: 2 })
  for (const openid of ['o-a', 'o-b', 'o-c', 'o-d', 'o-e', 'o-muted', 'o-short'])
    await addMember(db, C, openid, { nickname: `成员${openid.slice(2)}` })
  await addMember(db, C, 'o-admin', { role: 'admin', nickname: '管理员' })
  await addMember(db, C, 'o-owner', { role: 'owner', nickname: '主理人' })
  await addMember(db, C, 'o-org', { role: 'organiser', nickname: '活动官' })
  await addMember(db, X, 'o-x', { role: 'admin', nickname: '别的社群' })
  await db
    .collection('word_lists')
    .doc(C)
    .set({ data: { communityId: C, words: [{ word: '团购', verdict: 'review' }], updatedAt: now() } })
})

afterAll(() => cloud?.stop())

let first: PostResult

describe('posting', () => {
  it('a valued post in a theme pays the post rule once, with lastPostAt and the week’s posts', async () => {
    const requestId = rid()
    first = data(
      await call<PostResult>(
        { action: 'post', requestId, text: LONG(1), category: 'practical', themeId: 'weekly-rant' },
        'o-a',
      ),
    )
    expect(first).toMatchObject({ points: 20, held: false, duplicate: false })
    expect(first.post).toMatchObject({ themeTitle: '吐槽大会', categoryName: '干货', points: 20, mine: true })
    const again = data(
      await call<PostResult>({ action: 'post', requestId, text: LONG(1), category: 'practical' }, 'o-a'),
    )
    expect(again).toMatchObject({ duplicate: true, points: 0 })
    expect(await countWhere(db, 'posts', { communityId: C, authorId: 'o-a' })).toBe(1)
    expect(await getDoc(db, 'ledger', `${C}:o-a:post:${first.post.id}`)).toMatchObject({
      delta: 20,
      rule: 'post',
      reason: '有效发言 · 在「吐槽大会」发帖',
    })
    const author = await member('o-a')
    expect(author.balance).toBe(20)
    // The test clock starts at 12:00 and runs on.
    expect(new Date(author.lastPostAt!).getTime() - Date.parse('2026-11-20T04:00:00Z')).toBeLessThan(60_000)
    expect(await getDoc(db, 'member_activity', `${C}:o-a:${WEEK}`)).toMatchObject({ posts: 1 })
    expect(await getDoc(db, 'posts', first.post.id)).toMatchObject({
      communityId: C,
      authorId: 'o-a',
      memberId: `${C}_o-a`,
      category: 'practical',
      day: '2026-11-20',
      status: 'visible',
      likeCount: 0,
      replyCount: 0,
    })
  })

  it('a repeat of a recent post or a too-short one is posted but not paid', async () => {
    const dup = data(
      await call<PostResult>(
        { action: 'post', requestId: rid(), text: `${LONG(1)}！！`, category: 'life' },
        'o-a',
      ),
    )
    expect(dup).toMatchObject({ points: 0, duplicate: false })
    expect(dup.post.unpaidReason).toBe('和你最近的帖子重复，不计有效发言')
    const short = data(
      await call<PostResult>(
        { action: 'post', requestId: rid(), text: '哈哈哈 👍', category: 'interaction' },
        'o-short',
      ),
    )
    expect(short.points).toBe(0)
    expect((await member('o-a')).balance).toBe(20)
    expect((await member('o-short')).balance).toBe(0)
  })

  it('refuses the muted and everyone in quiet hours, writing nothing', async () => {
    await db
      .collection('members')
      .doc(`${C}_o-muted`)
      .update({ data: { mutedUntil: new Date('2026-11-21T04:00:00Z') } })
    const muted = await call({ action: 'post', requestId: rid(), text: LONG(2), category: 'life' }, 'o-muted')
    expect(errorCode(muted)).toBe('MUTED')
    expect(
      await call({ action: 'reply', requestId: rid(), postId: first.post.id, text: '同意' }, 'o-muted'),
    ).toMatchObject({
      ok: false,
      error: { code: 'MUTED' },
    })
    await db
      .collection('sanction_settings')
      .doc(C)
      .set({ data: { quietHours: { enabled: true, start: '11:00', end: '13:00' } } })
    expect(
      errorCode(await call({ action: 'post', requestId: rid(), text: LONG(3), category: 'life' }, 'o-b')),
    ).toBe('QUIET_HOURS')
    await db.collection('sanction_settings').doc(C).remove()
    expect(await countWhere(db, 'posts', { communityId: C, authorId: 'o-muted' })).toBe(0)
    expect(await countWhere(db, 'posts', { communityId: C, authorId: 'o-b' })).toBe(0)
    expect(await countWhere(db, 'post_replies', { communityId: C, authorId: 'o-muted' })).toBe(0)
  })

  it('bad input and foreign posts are typed errors that change nothing', async () => {
    expect(
      errorCode(await call({ action: 'post', requestId: rid(), text: LONG(4), category: 'ads' }, 'o-b')),
    ).toBe('INVALID_INPUT')
    expect(
      errorCode(
        await call(
          { action: 'post', requestId: rid(), text: LONG(4), category: 'life', themeId: 'nope' },
          'o-b',
        ),
      ),
    ).toBe('INVALID_INPUT')
    expect(errorCode(await call({ action: 'like', postId: first.post.id }, 'o-x', X))).toBe('NOT_FOUND')
    expect(errorCode(await call({ action: 'like', postId: first.post.id }, 'o-a'))).toBe('LIKE_OWN_POST')
    expect(errorCode(await call({ action: 'moderate', postId: first.post.id, op: 'pin' }, 'o-b'))).toBe(
      'FORBIDDEN',
    )
    expect(errorCode(await call({ action: 'moderate', postId: first.post.id, op: 'pin' }, 'o-org'))).toBe(
      'FORBIDDEN',
    )
    expect(errorCode(await call({ action: 'moderate', postId: first.post.id, op: 'hide' }, 'o-admin'))).toBe(
      'INVALID_INPUT',
    )
    expect(await countWhere(db, 'posts', { communityId: C, authorId: 'o-b' })).toBe(0)
    expect(await getDoc(db, 'posts', first.post.id)).toMatchObject({
      likeCount: 0,
      status: 'visible',
      pinned: false,
    })
  })
})

describe('around a post', () => {
  it('replies @ the author, likes once, and the feeds show it', async () => {
    const r = data(
      await call<ReplyResult>(
        { action: 'reply', requestId: rid(), postId: first.post.id, text: '写得真好，收藏了' },
        'o-b',
      ),
    )
    expect(r.reply).toMatchObject({ mention: '成员a', nickname: '成员b' })
    for (let i = 0; i < 2; i++)
      expect(data(await call<LikeResult>({ action: 'like', postId: first.post.id }, 'o-b'))).toEqual({
        postId: first.post.id,
        liked: true,
        likes: 1,
      })
    expect((await member('o-b')).lastPostAt).toBeTruthy()
    expect(await getDoc(db, 'member_activity', `${C}:o-b:${WEEK}`)).toMatchObject({ replies: 1 })
    expect(await getDoc(db, 'member_activity', `${C}:o-a:${WEEK}`)).toMatchObject({
      posts: 2,
      likesReceived: 1,
    })
    const detail = data(await call<DetailResult>({ action: 'detail', postId: first.post.id }, 'o-b'))
    expect(detail.post).toMatchObject({ likes: 1, replies: 1, likedByMe: true, points: null })
    expect(detail.replies.map((x) => x.text)).toEqual(['写得真好，收藏了'])
    const hot = data(await call<FeedResult>({ action: 'feed', order: 'hot' }, 'o-c'))
    expect(hot.items[0].id).toBe(first.post.id)
    const theme = data(await call<FeedResult>({ action: 'feed', themeId: 'weekly-rant' }, 'o-c'))
    expect(theme.items.map((p) => p.id)).toEqual([first.post.id])
    const mine = data(await call<FeedResult>({ action: 'feed', scope: 'mine' }, 'o-a'))
    expect(mine.items).toHaveLength(2)
    // Staff hide the reply: the count is of the replies others read; restoring brings it back.
    data(
      await call(
        { action: 'moderate', postId: first.post.id, replyId: r.reply.id, op: 'hide', reason: '跑题了' },
        'o-admin',
      ),
    )
    expect(await getDoc(db, 'posts', first.post.id)).toMatchObject({ replyCount: 0 })
    expect(
      data(await call<DetailResult>({ action: 'detail', postId: first.post.id }, 'o-c')).replies,
    ).toEqual([])
    data(
      await call(
        { action: 'moderate', postId: first.post.id, replyId: r.reply.id, op: 'restore' },
        'o-admin',
      ),
    )
    expect(await getDoc(db, 'posts', first.post.id)).toMatchObject({ replyCount: 1 })
    expect(data(await call<LikeResult>({ action: 'unlike', postId: first.post.id }, 'o-b')).likes).toBe(0)
    expect(data(await call<LikeResult>({ action: 'like', postId: first.post.id }, 'o-b')).likes).toBe(1)
  })

  it('a held post is seen by its author only and pays on approval', async () => {
    const held = data(
      await call<PostResult>(
        { action: 'post', requestId: rid(), text: `${LONG(5)}周末团购好书`, category: 'life' },
        'o-c',
      ),
    )
    expect(held).toMatchObject({ held: true, points: 0 })
    expect(held.post.unpaidReason).toBe('审核通过后发放有效发言积分')
    const feed = data(await call<FeedResult>({ action: 'feed' }, 'o-b'))
    expect(feed.items.map((p) => p.id)).not.toContain(held.post.id)
    expect(errorCode(await call({ action: 'detail', postId: held.post.id }, 'o-b'))).toBe('NOT_FOUND')
    const queue = data(await moderation<ModerationOutputs['heldList']>({ action: 'heldList' }, 'o-admin'))
    const item = queue.items.find((i) => i.kind === 'post')!
    expect(item.kindName).toBe('广场帖子')
    data(await moderation({ action: 'approve', id: item.id, textHash: item.textHash }, 'o-admin'))
    expect((await member('o-c')).balance).toBe(20)
    expect(await getDoc(db, 'posts', held.post.id)).toMatchObject({ status: 'visible' })
    // The author reads on the post what the approval paid.
    const mine = data(await call<DetailResult>({ action: 'detail', postId: held.post.id }, 'o-c')).post
    expect(mine).toMatchObject({ points: 20, unpaidReason: null })
  })

  it('a held reply counts on its post once approved; reports show their reasons in the queue', async () => {
    const target = data(
      await call<PostResult>(
        { action: 'post', requestId: rid(), text: LONG(20), category: 'practical' },
        'o-d',
      ),
    ).post
    const reply = data(
      await call<ReplyResult>(
        { action: 'reply', requestId: rid(), postId: target.id, text: '一起团购这本书吧' },
        'o-b',
      ),
    )
    expect(reply.held).toBe(true)
    expect(await getDoc(db, 'posts', target.id)).toMatchObject({ replyCount: 0 })
    const queued = async (kind: string) =>
      data(await moderation<ModerationOutputs['heldList']>({ action: 'heldList' }, 'o-admin')).items.find(
        (i) => i.kind === kind && i.text === '一起团购这本书吧',
      )!
    const held = await queued('post_reply')
    expect(held.reports).toBeNull()
    data(await moderation({ action: 'approve', id: held.id, textHash: held.textHash }, 'o-admin'))
    const counted = await getDoc<{ replyCount: number; hot: number; createdAt: Date }>(db, 'posts', target.id)
    expect(counted).toMatchObject({
      replyCount: 1,
      hot: hotScore({ likes: 0, replies: 1, createdAt: new Date(counted!.createdAt) }),
    })
    expect(
      data(await call<DetailResult>({ action: 'detail', postId: target.id }, 'o-c')).replies.map(
        (r) => r.text,
      ),
    ).toEqual(['一起团购这本书吧'])
    // Three members report it: hidden, uncounted, and the queue shows who said what.
    const reasons = ['跑题了', '像广告', '刷屏']
    for (const [i, openid] of ['o-c', 'o-d', 'o-e'].entries())
      data(
        await call<ReportResult>(
          { action: 'report', postId: target.id, replyId: reply.reply.id, reason: reasons[i] },
          openid,
        ),
      )
    expect(await getDoc(db, 'posts', target.id)).toMatchObject({ replyCount: 0 })
    const reported = await queued('reply_reported')
    expect(reported).toMatchObject({ heldBy: 'reports', reports: { count: 3, reasons } })
    data(await moderation({ action: 'approve', id: reported.id, textHash: reported.textHash }, 'o-admin'))
    expect(await getDoc(db, 'posts', target.id)).toMatchObject({ replyCount: 1 })
  })
})

describe('staff', () => {
  it('reports gather in the queue and three members hide a post until staff decide', async () => {
    const target = data(
      await call<PostResult>(
        { action: 'post', requestId: rid(), text: LONG(6), category: 'interaction' },
        'o-e',
      ),
    ).post
    expect(errorCode(await call({ action: 'report', postId: target.id, reason: '广告' }, 'o-e'))).toBe(
      'REPORT_OWN_POST',
    )
    const first = data(
      await call<ReportResult>({ action: 'report', postId: target.id, reason: '像广告' }, 'o-b'),
    )
    expect(first).toEqual({ reported: true, hidden: false })
    // The same member again counts once.
    data(await call<ReportResult>({ action: 'report', postId: target.id, reason: '还是像广告' }, 'o-b'))
    expect(await getDoc(db, 'held_content', `${C}:posts:${target.id}`)).toMatchObject({
      kind: 'post_reported',
      heldBy: 'reports',
      status: 'held',
    })
    expect(
      data(await call<ReportResult>({ action: 'report', postId: target.id, reason: '广告' }, 'o-c')).hidden,
    ).toBe(false)
    expect(
      data(await call<ReportResult>({ action: 'report', postId: target.id, reason: '广告' }, 'o-d')).hidden,
    ).toBe(true)
    expect(await getDoc(db, 'posts', target.id)).toMatchObject({ status: 'held', reportCount: 3 })
    const feed = data(await call<FeedResult>({ action: 'feed' }, 'o-b'))
    expect(feed.items.map((p) => p.id)).not.toContain(target.id)
    const queue = data(await moderation<ModerationOutputs['heldList']>({ action: 'heldList' }, 'o-admin'))
    const item = queue.items.find((i) => i.kind === 'post_reported')!
    expect(item.kindName).toBe('被举报的帖子')
    data(await moderation({ action: 'reject', id: item.id }, 'o-admin'))
    expect(await getDoc(db, 'posts', target.id)).toMatchObject({ status: 'rejected' })
  })

  it('pins an announcement, then hides it with a reason the author reads; a violation in the same tap', async () => {
    const pin = data(
      await call<{ pinned: boolean }>({ action: 'moderate', postId: first.post.id, op: 'pin' }, 'o-admin'),
    )
    expect(pin.pinned).toBe(true)
    const feed = data(await call<FeedResult>({ action: 'feed' }, 'o-d'))
    expect(feed.pinned.map((p) => p.id)).toEqual([first.post.id])
    const hidden = data(
      await call<{ status: string; pinned: boolean; violationRecorded: boolean }>(
        {
          action: 'moderate',
          postId: first.post.id,
          op: 'hide',
          reason: '含有站外链接',
          recordViolation: true,
        },
        'o-admin',
      ),
    )
    expect(hidden).toMatchObject({ status: 'hidden', pinned: false, violationRecorded: true })
    expect(data(await call<FeedResult>({ action: 'feed' }, 'o-d')).pinned).toEqual([])
    const mine = data(await call<FeedResult>({ action: 'feed', scope: 'mine' }, 'o-a'))
    expect(mine.items.find((p) => p.id === first.post.id)!.moderation).toEqual({
      op: 'hide',
      reason: '含有站外链接',
    })
    expect(await countWhere(db, 'violations', { communityId: C, openid: 'o-a' })).toBe(1)
    data(await call({ action: 'moderate', postId: first.post.id, op: 'restore' }, 'o-admin'))
    expect(await getDoc(db, 'posts', first.post.id)).toMatchObject({ status: 'visible', moderation: null })
  })

  it('marks 精选 with the notes’ rule once, and corrects the category', async () => {
    expect(errorCode(await call({ action: 'feature', postId: first.post.id }, 'o-org'))).toBe('FORBIDDEN')
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call<{ alreadyFeatured: boolean; points: number }>(
          { action: 'feature', postId: first.post.id, points: 80 },
          i % 2 ? 'o-owner' : 'o-admin',
        ),
      ),
    )
    expect(results.map(data).filter((r) => !r.alreadyFeatured)).toHaveLength(1)
    expect(await getDoc(db, 'ledger', `${C}:o-a:quality:post:${first.post.id}`)).toMatchObject({ delta: 80 })
    const featured = data(await call<FeedResult>({ action: 'feed', scope: 'featured' }, 'o-d'))
    expect(featured.items.map((p) => p.id)).toEqual([first.post.id])
    data(await call({ action: 'setCategory', postId: first.post.id, category: 'life' }, 'o-admin'))
    expect(await getDoc(db, 'posts', first.post.id)).toMatchObject({ category: 'life' })
  })

  it('revokes a valued post’s pay with a compensating row, once', async () => {
    const before = (await member('o-a')).balance
    const first1 = data(
      await call<{ revoked: number; alreadyRevoked: boolean }>(
        { action: 'revoke', postId: first.post.id, reason: '内容为转载' },
        'o-admin',
      ),
    )
    expect(first1).toEqual({ postId: first.post.id, revoked: 20, alreadyRevoked: false })
    const again = data(
      await call<{ alreadyRevoked: boolean }>(
        { action: 'revoke', postId: first.post.id, reason: '内容为转载' },
        'o-owner',
      ),
    )
    expect(again.alreadyRevoked).toBe(true)
    expect((await member('o-a')).balance).toBe(before - 20)
    expect(await getDoc(db, 'ledger', `${C}:o-a:post:${first.post.id}`)).toMatchObject({ delta: 20 })
    expect(await getDoc(db, 'ledger', `${C}:o-a:post-revoke:${first.post.id}`)).toMatchObject({
      delta: -20,
      kind: 'adjust',
      by: 'o-admin',
      reason: '撤销有效发言：内容为转载',
    })
    const short = await getDoc<{ _id: string }>(
      db,
      'posts',
      (await db.collection('posts').where({ authorId: 'o-short' }).get()).data[0]._id as string,
    )
    expect(
      errorCode(await call({ action: 'revoke', postId: short!._id, reason: '测试撤销' }, 'o-admin')),
    ).toBe('NOTHING_TO_REVOKE')
    const detail = data(await call<DetailResult>({ action: 'detail', postId: first.post.id }, 'o-a'))
    expect(detail.post.points).toBe(0)
    expect(detail.post.unpaidReason).toBe('积分已被撤销：内容为转载')
  })

  it('shows staff the content mix against 3:5:2', async () => {
    const mix = data(await call<MixResult>({ action: 'mix' }, 'o-admin'))
    expect(mix.target).toEqual({ practical: 0.3, interaction: 0.5, life: 0.2 })
    expect(mix.weeks.map((w) => w.weekKey)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'])
    const week = mix.weeks[3]
    expect(week.counts.practical + week.counts.interaction + week.counts.life).toBe(
      await countWhere(db, 'posts', { communityId: C }),
    )
    expect(errorCode(await call({ action: 'mix' }, 'o-b'))).toBe('FORBIDDEN')
  })
})

describe('a hot thread and the request budget', () => {
  it('takes 100 replies and 100 likes in parallel on one post with exact counts', async () => {
    const hot = data(
      await call<PostResult>(
        { action: 'post', requestId: rid(), text: LONG(9), category: 'interaction' },
        'o-d',
      ),
    ).post
    const crowd = Array.from({ length: 100 }, (_, i) => `o-crowd${String(i).padStart(3, '0')}`)
    for (const openid of crowd) await addMember(db, C, openid)
    const results = await Promise.all(
      crowd.flatMap((openid, i) => [
        call({ action: 'like', postId: hot.id }, openid),
        call({ action: 'reply', requestId: rid(), postId: hot.id, text: `第 ${i} 条回复` }, openid),
      ]),
    )
    expect(results.filter((r) => !r.ok)).toEqual([])
    expect(await getDoc(db, 'posts', hot.id)).toMatchObject({ likeCount: 100, replyCount: 100 })
    expect(await countWhere(db, 'post_likes', { postId: hot.id })).toBe(100)
    expect(await countWhere(db, 'post_replies', { postId: hot.id })).toBe(100)
    expect(await getDoc(db, 'member_activity', `${C}:o-d:${WEEK}`)).toMatchObject({ likesReceived: 100 })
    const top = data(await call<FeedResult>({ action: 'feed', order: 'hot' }, 'o-b'))
    expect(top.items[0].id).toBe(hot.id)
    // Every counter kept for speed (the weeks' posts, replies, likes received, 精选) agrees with its sources.
    const plan = planRebuild(await readDerivedDocs(db as never), now())
    expect(plan.drift).toEqual([])
  })

  it('holds each action to its request budget', async () => {
    const counts: Record<string, number> = {}
    // Warm each action once, then count.
    data(await call({ action: 'feed' }, 'o-b'))
    counts['feed (newest, first page)'] = await requestsOf(async () =>
      data(await call({ action: 'feed' }, 'o-b')),
    )
    counts['feed (hot, first page)'] = await requestsOf(async () =>
      data(await call({ action: 'feed', order: 'hot' }, 'o-b')),
    )
    counts['post'] = await requestsOf(async () =>
      data(await call({ action: 'post', requestId: rid(), text: LONG(11), category: 'life' }, 'o-b')),
    )
    const target = data(await call<FeedResult>({ action: 'feed' }, 'o-c')).items[0].id
    counts['reply'] = await requestsOf(async () =>
      data(await call({ action: 'reply', requestId: rid(), postId: target, text: '同意楼主' }, 'o-c')),
    )
    counts['like'] = await requestsOf(async () => data(await call({ action: 'like', postId: target }, 'o-c')))
    counts['detail'] = await requestsOf(async () =>
      data(await call({ action: 'detail', postId: target }, 'o-c')),
    )
    console.log(`square request counts: ${JSON.stringify(counts)}`)
    // The feed's first page: the membership read (which brings the pinned announcements), the page,
    // the caller's likes on it. Writes: the membership read plus the transaction's reads and writes
    // (docs/API.md lists them).
    expect(counts['feed (newest, first page)']).toBeLessThanOrEqual(3)
    expect(counts['feed (hot, first page)']).toBeLessThanOrEqual(3)
    expect(counts.post).toBeLessThanOrEqual(11)
    expect(counts.reply).toBeLessThanOrEqual(12)
    expect(counts.like).toBeLessThanOrEqual(10)
    expect(counts.detail).toBeLessThanOrEqual(5)
  })
})

describe('the monthly 规则答疑', () => {
  const fire = () => cloud.control<{ ok: boolean; result?: unknown }>('timers/square')

  it('posts and pins a rules Q&A thread on the first Monday only, once, in every community', async () => {
    expect(errorCode(await call({ Type: 'Timer' }, 'o-b'))).toBe('FORBIDDEN')
    await cloud.setClock('2026-12-08T00:30:00.000Z') // Tuesday 8 December, 08:30 in Shanghai
    await fire()
    expect(await countWhere(db, 'posts', { _id: `rulesqa-${C}-2026-12` })).toBe(0)
    await cloud.setClock('2026-12-07T00:30:00.000Z') // Monday 7 December, the month's first
    await fire()
    await fire()
    for (const community of [C, X])
      expect(await getDoc(db, 'posts', `rulesqa-${community}-2026-12`)).toMatchObject({
        status: 'visible',
        pinned: true,
        nickname: '社群管理员',
        day: '2026-12-07',
      })
    expect(await countWhere(db, 'posts', { communityId: C, nickname: '社群管理员' })).toBe(1)
    const feed = data(await call<FeedResult>({ action: 'feed' }, 'o-b'))
    expect(feed.pinned[0]).toMatchObject({ id: `rulesqa-${C}-2026-12`, nickname: '社群管理员' })
    expect(feed.pinned[0].excerpt).toContain('12月规则答疑')
  })
})

describe('ads need approval (三证)', () => {
  it('an applicant posts labelled ads only once approved, within the month’s number; others’ ad words are held', async () => {
    const files = await Promise.all(
      ['licence', 'qualification', 'reviews'].map((k) =>
        uploadFixture(cloud, `uploads/evidence/ad-${k}.png`),
      ),
    )
    const [licence, qualification, reviews] = files
    const applied = data(
      await call<SquareOutputs['applyAds']>({ action: 'applyAds', licence, qualification, reviews }, 'o-e'),
    )
    expect(applied.application).toMatchObject({ status: 'pending', statusName: '审核中', postsLeft: 0 })
    const ad = {
      action: 'post',
      text: '自家茶园的明前龙井上新了，社群价八折，欢迎品尝。',
      category: 'life',
      ad: true,
    }
    expect(errorCode(await call({ ...ad, requestId: rid() }, 'o-e'))).toBe('AD_NOT_APPROVED')
    expect(errorCode(await call({ action: 'adApplications' }, 'o-b'))).toBe('FORBIDDEN')
    const queue = data(await call<SquareOutputs['adApplications']>({ action: 'adApplications' }, 'o-admin'))
    const application = queue.items.find((a) => a.nickname === '成员e')!
    expect(application.documents).toEqual({ licence, qualification, reviews })
    expect(
      errorCode(
        await call({ action: 'decideAds', applicationId: application.id, decision: 'refuse' }, 'o-admin'),
      ),
    ).toBe('INVALID_INPUT')
    const approved = data(
      await call<SquareOutputs['decideAds']>(
        { action: 'decideAds', applicationId: application.id, decision: 'approve', quotaPerMonth: 2 },
        'o-admin',
      ),
    )
    expect(approved.application).toMatchObject({ status: 'approved', postsLeft: 2 })
    const before = (await member('o-e')).balance
    for (let i = 0; i < 2; i++) {
      const r = data(await call<PostResult>({ ...ad, requestId: rid() }, 'o-e'))
      expect(r).toMatchObject({ points: 0, held: false })
      expect(r.post.ad).toBe(true)
    }
    expect(errorCode(await call({ ...ad, requestId: rid() }, 'o-e'))).toBe('AD_QUOTA_USED')
    expect(await countWhere(db, 'posts', { authorId: 'o-e', ad: true })).toBe(2)
    expect((await member('o-e')).balance).toBe(before)
    expect(
      data(await call<SquareOutputs['adStatus']>({ action: 'adStatus' }, 'o-e')).application?.postsLeft,
    ).toBe(0)
    // Not approved: an ad-like post (the word list's 团购) waits for staff.
    const unapproved = data(
      await call<PostResult>(
        { action: 'post', requestId: rid(), text: '团购好书，八折包邮，想要的私聊我。', category: 'life' },
        'o-b',
      ),
    )
    expect(unapproved.held).toBe(true)
  })

  it('an ad post held by the word list and rejected gives its month’s allowance back', async () => {
    const app = `${C}_o-e`
    await db
      .collection('ad_applications')
      .doc(app)
      .update({ data: { quotaPerMonth: 3 } })
    const left = async () =>
      data(await call<SquareOutputs['adStatus']>({ action: 'adStatus' }, 'o-e')).application?.postsLeft
    expect(await left()).toBe(1)
    const held = data(
      await call<PostResult>(
        {
          action: 'post',
          requestId: rid(),
          text: '团购价的明前龙井，社群价八折，欢迎品尝。',
          category: 'life',
          ad: true,
        },
        'o-e',
      ),
    )
    expect(held).toMatchObject({ held: true })
    expect(await left()).toBe(0)
    const queue = data(await moderation<ModerationOutputs['heldList']>({ action: 'heldList' }, 'o-admin'))
    const item = queue.items.find((i) => i.kind === 'post' && i.openid === 'o-e')!
    data(await moderation({ action: 'reject', id: item.id }, 'o-admin'))
    expect(await getDoc(db, 'posts', held.post.id)).toMatchObject({ status: 'rejected' })
    expect(await left()).toBe(1)
  })
})
