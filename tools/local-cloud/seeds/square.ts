/**
 * Demo square (issue 13). The valued posts the points and leaderboard seeds pay are real posts here:
 * `seedPostOf` shapes a post as square.post stores it (its ledger source `post:<postId>`, a 精选 one
 * also `quality:post:<postId>`), categories drawn near 3:5:2 and Monday/Wednesday/Friday posts often
 * under that day's theme. `seedSquare` then adds what happens around the last two weeks' posts (likes
 * and replies, their counts and hot scores kept as the function keeps them), a topic staff opened, and
 * the monthly 规则答疑 thread pinned as 群公告. The weeks' counters follow from these docs (refreshDerived).
 */
import { memberId } from '../../../cloudfunctions/core/community'
import { qualitySource } from '../../../cloudfunctions/core/featured'
import { ledgerReason } from '../../../cloudfunctions/core/points'
import {
  CONTENT_CATEGORIES,
  CONTENT_MIX_TARGET,
  hotScore,
  postLikeId,
  postSource,
  type ContentCategory,
} from '../../../cloudfunctions/core/square'
import { shanghaiDayKey, DAY_MS } from '../../../cloudfunctions/core/time'
import {
  pinnedSnapshot,
  postIdOf,
  replyIdOf,
  weeklyThemes,
  type PostDoc,
} from '../../../cloudfunctions/square/records'
import { DEMO_COMMUNITY, PERSONAS } from '../demo'
import { inBatches, type SeedContext, type SeedDatabase, type SeedPosting } from './context'

/**
 * A deterministic number in [0, 1) for a string (FNV-1a, then Murmur3's finaliser: similar strings
 * such as 'm-001:3' and 'm-001:4' must not give similar numbers), so every machine seeds the same.
 */
export function seedChance(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

const TEXTS: Record<ContentCategory, string[]> = {
  practical: [
    '分享一个读书方法：每读完一章，用三句话写下要点，一个月后回看收获很大。',
    '整理了一份适合入门的历史书单：《万历十五年》《人类简史》《枪炮、病菌与钢铁》。',
    '做读书笔记我用康奈尔笔记法：左边写问题，右边写要点，底部写总结，推荐试试。',
    '推荐《如何阅读一本书》，第二部分讲分析阅读的步骤，对读非虚构类特别有用。',
    '碎片时间读书的小技巧：手机里只留一个读书软件，通勤路上能读二十页。',
  ],
  interaction: [
    '大家最近在读什么书？来接龙，我先：《额尔古纳河右岸》。',
    '投票：下个月共读选哪本？A《百年孤独》B《活着》C《平凡的世界》，评论区说说。',
    '有没有人和我一样，买书如山倒，读书如抽丝？来聊聊你的囤书量。',
    '新人报到！喜欢推理小说，有同好吗？求推荐几本东野圭吾以外的。',
    '周末线下读书会有人一起吗？想找几个小伙伴在城南图书馆见面。',
  ],
  life: [
    '今天的书桌：一杯热茶、一盏台灯和读了一半的《瓦尔登湖》，很惬意。',
    '下雨天最适合窝在家里看书了，随手拍一张窗外的雨。',
    '早起读书第三十天，感觉整个人都精神了不少，继续坚持。',
    '带孩子去了趟图书馆，她自己挑了三本绘本，开心。',
    '睡前读了几页诗集，晚安，明天见。',
  ],
}

/** A category drawn near CONTENT_MIX_TARGET (3:5:2). */
export function seedCategory(key: string): ContentCategory {
  const r = seedChance(`category:${key}`)
  let sum = 0
  for (const c of CONTENT_CATEGORIES) {
    sum += CONTENT_MIX_TARGET[c]
    if (r < sum) return c
  }
  return 'life'
}

export interface SeedPostPlan {
  communityId: string
  author: { openid: string; nickname: string }
  /** The request id the post would have been made with (its id follows, as square.post makes it). */
  key: string
  at: Date
  /** Marked 精选 by this staff member, with these points. */
  featuredBy?: string | null
  /** Whether it pays the post rule (20). */
  valued?: boolean
}

/** A post as square.post stores it, and its ledger rows (the post rule; 精选's quality rule). */
export function seedPostOf(plan: SeedPostPlan): { doc: PostDoc; postings: SeedPosting[] } {
  const id = postIdOf(plan.communityId, plan.author.openid, plan.key)
  // Drawn per post (the key alone repeats across members).
  const category = seedCategory(id)
  const day = shanghaiDayKey(plan.at)
  const theme = weeklyThemes(day).find((t) => t.today && seedChance(`theme:${id}`) < 0.6) ?? null
  const pool = TEXTS[category]
  const text = pool[Math.floor(seedChance(`text:${id}`) * pool.length)]
  const valued = plan.valued ?? true
  const postings: SeedPosting[] = []
  if (valued)
    postings.push({
      communityId: plan.communityId,
      openid: plan.author.openid,
      source: postSource(id),
      kind: 'earn',
      delta: 20,
      reason: ledgerReason('post', theme ? `在「${theme.title}」发帖` : '广场发帖'),
      rule: 'post',
      at: plan.at,
    })
  const featuredAt = new Date(plan.at.getTime() + 3 * 3600_000)
  if (plan.featuredBy)
    postings.push({
      communityId: plan.communityId,
      openid: plan.author.openid,
      source: qualitySource('post', id),
      kind: 'earn',
      delta: 50,
      reason: ledgerReason('quality', '广场帖子被设为精选'),
      rule: 'quality',
      by: plan.featuredBy,
      at: featuredAt,
    })
  const doc: PostDoc = {
    _id: id,
    communityId: plan.communityId,
    authorId: plan.author.openid,
    memberId: memberId(plan.communityId, plan.author.openid),
    nickname: plan.author.nickname,
    text,
    photos: [],
    photoStatus: [],
    category,
    themeId: theme?.id ?? null,
    themeTitle: theme?.title ?? null,
    day,
    createdAt: plan.at,
    status: 'visible',
    likeCount: 0,
    replyCount: 0,
    hot: hotScore({ likes: 0, replies: 0, createdAt: plan.at }),
    pinned: false,
    featured: !!plan.featuredBy,
    ...(plan.featuredBy ? { quality: { by: plan.featuredBy, at: featuredAt, points: 50 } } : {}),
    points: valued ? 20 : 0,
    unpaidReason: valued ? null : '内容太短，不计有效发言',
    reportCount: 0,
  }
  return { doc, postings }
}

/** Add `docs` (with their ids) to `collection`, 500 to a request. */
async function bulkAdd(db: SeedDatabase, collection: string, docs: object[]): Promise<void> {
  const chunks: object[][] = []
  for (let i = 0; i < docs.length; i += 500) chunks.push(docs.slice(i, i + 500))
  await inBatches(chunks, 4, async (chunk) => {
    await db.collection(collection).add({ data: chunk as unknown as object })
  })
}

export async function writePosts(db: SeedDatabase, docs: PostDoc[]): Promise<void> {
  await bulkAdd(db, 'posts', docs)
}

const REPLIES = ['说得好，收藏了', '同感！', '谢谢分享，学到了', '我也想参加', '求更多推荐', '哈哈，太真实了']

interface StoredPost extends PostDoc {
  _id: string
}

/** Likes and replies around the last two weeks' posts, a staff topic, and the pinned 规则答疑 thread. */
export async function seedSquare(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const community = ctx.communities.find((c) => c.id === DEMO_COMMUNITY._id)
  if (!community) return 'no square'
  const cid = community.id
  const since = new Date(now.getTime() - 14 * DAY_MS)
  const posts: StoredPost[] = []
  for (let skip = 0; ; skip += 1000) {
    const res = (await db
      .collection('posts')
      .where({ communityId: cid, createdAt: db.command.gte(since) })
      .orderBy('createdAt', 'asc')
      .skip(skip)
      .limit(1000)
      .get()) as unknown as { data: StoredPost[] }
    posts.push(...res.data)
    if (res.data.length < 1000) break
  }
  // Members who still take part (personas are left to the tests: their counters stay as they are).
  const personas = new Set(PERSONAS.map((p) => p.openid))
  const crowd = community.members.filter((m) => !personas.has(m.openid)).slice(0, 120)
  const likeDocs: object[] = []
  const replyDocs: object[] = []
  const counted: { post: StoredPost; likeCount: number; replyCount: number }[] = []
  for (const post of posts) {
    const likeCount = Math.floor(seedChance(`likes:${post._id}`) ** 2 * 9)
    const replyCount = Math.floor(seedChance(`replies:${post._id}`) ** 3 * 5)
    if (!likeCount && !replyCount) continue
    const likers = crowd
      .filter((m) => m.openid !== post.authorId)
      .sort((a, b) => seedChance(`${post._id}:${a.openid}`) - seedChance(`${post._id}:${b.openid}`))
    const created = new Date(post.createdAt).getTime()
    const later = (i: number) => new Date(Math.min(now.getTime() - 60_000, created + (i + 1) * 47 * 60_000))
    for (const [i, m] of likers.slice(0, likeCount).entries())
      likeDocs.push({
        _id: postLikeId(post._id, m.openid),
        communityId: cid,
        postId: post._id,
        openid: m.openid,
        createdAt: later(i),
      })
    for (const [i, m] of likers.slice(likeCount, likeCount + replyCount).entries()) {
      const at = later(i)
      replyDocs.push({
        _id: replyIdOf(post._id, m.openid, `seed-${i}`),
        communityId: cid,
        postId: post._id,
        authorId: m.openid,
        memberId: memberId(cid, m.openid),
        nickname: m.nickname,
        text: REPLIES[Math.floor(seedChance(`reply:${post._id}:${i}`) * REPLIES.length)],
        mention: post.nickname,
        day: shanghaiDayKey(at),
        createdAt: at,
        status: 'visible',
        reportCount: 0,
      })
    }
    counted.push({ post, likeCount, replyCount })
  }
  await bulkAdd(db, 'post_likes', likeDocs)
  await bulkAdd(db, 'post_replies', replyDocs)
  await inBatches(counted, 40, async ({ post, likeCount, replyCount }) => {
    await db
      .collection('posts')
      .doc(post._id)
      .update({
        data: {
          likeCount,
          replyCount,
          hot: hotScore({ likes: likeCount, replies: replyCount, createdAt: new Date(post.createdAt) }),
        },
      })
  })
  const likes = likeDocs.length
  const replies = replyDocs.length
  // A topic staff opened, and the monthly 规则答疑 thread (first Monday), pinned as 群公告.
  const admin = PERSONAS.find((p) => p.role === 'admin')!
  await db
    .collection('square_themes')
    .doc(`${cid}:seed-topic`)
    .set({
      data: {
        communityId: cid,
        title: '我的年度书单',
        status: 'open',
        createdAt: new Date(now.getTime() - 3 * DAY_MS),
        by: admin.openid,
      },
    })
  const rules = seedPostOf({
    communityId: cid,
    author: admin,
    key: 'seed-rules-qa',
    at: new Date(now.getTime() - 2 * DAY_MS),
    valued: false,
  }).doc
  const qa: PostDoc = {
    ...rules,
    text: '【规则答疑】本月的群规答疑帖：对积分、等级、打卡和广场发帖规则有疑问，欢迎在这里回复提问，管理员会逐条解答。',
    category: 'interaction',
    themeId: null,
    themeTitle: null,
    pinned: true,
    unpaidReason: null,
  }
  await writePosts(db, [qa])
  await db
    .collection('communities')
    .doc(cid)
    .update({ data: { squarePinned: [pinnedSnapshot(qa)] } })
  const mix = { practical: 0, interaction: 0, life: 0 } as Record<ContentCategory, number>
  for (const p of posts) mix[p.category]++
  return `square: ${posts.length} posts in the last 14 days (${mix.practical}:${mix.interaction}:${mix.life}), ${likes} likes, ${replies} replies, 1 pinned 规则答疑`
}
