/**
 * The community square (社群广场, SPEC §3b): content categories and the 3:5:2 mix, the hot order,
 * and which posts are valued (有效发言). Pure: no I/O, no clock; time is a parameter.
 */
import { normaliseForMatch } from './moderation'

/** The content mix's categories: 干货 (practical), 互动 (light interaction), 生活 (lifestyle). */
export const CONTENT_CATEGORIES = ['practical', 'interaction', 'life'] as const
export type ContentCategory = (typeof CONTENT_CATEGORIES)[number]

export const CONTENT_CATEGORY_NAMES: Record<ContentCategory, string> = {
  practical: '干货',
  interaction: '互动',
  life: '生活',
}

/** SPEC's content mix target, 3:5:2 (干货 30 %, 互动 50 %, 生活 20 %). */
export const CONTENT_MIX_TARGET = { practical: 0.3, interaction: 0.5, life: 0.2 }

/** SPEC's healthy posts per day (dashboard, staff mix view). */
export const HEALTHY_POSTS_PER_DAY = 50

export interface ContentMix {
  total: number
  /** Share of each category, 0–1 (all 0 when there is nothing to share). */
  shares: Record<ContentCategory, number>
  /** Share minus target, per category (positive: more than the target). */
  gaps: Record<ContentCategory, number>
  /** How far the mix is from 3:5:2: half the sum of the absolute gaps (0 on target, 1 at worst). */
  distance: number
}

/** The one content-mix calculation: shares from counts and the distance from CONTENT_MIX_TARGET. */
export function contentMix(counts: Partial<Record<ContentCategory, number>>): ContentMix {
  const total = CONTENT_CATEGORIES.reduce((sum, c) => sum + Math.max(0, counts[c] ?? 0), 0)
  const shares = {} as Record<ContentCategory, number>
  const gaps = {} as Record<ContentCategory, number>
  let off = 0
  for (const c of CONTENT_CATEGORIES) {
    shares[c] = total ? Math.max(0, counts[c] ?? 0) / total : 0
    gaps[c] = total ? shares[c] - CONTENT_MIX_TARGET[c] : 0
    off += Math.abs(gaps[c])
  }
  return { total, shares, gaps, distance: total ? Math.round((off / 2) * 1000) / 1000 : 0 }
}

// ---------------------------------------------------------------------------------------------
// Hot order

/** The hot order's fixed epoch: ages are measured from here, so a stored score never goes stale. */
export const HOT_EPOCH_MS = Date.UTC(2026, 0, 1)
/** Hours of age that weigh as much as ten times the interaction: the decay. */
export const HOT_DECAY_HOURS = 12
/** A reply says more than a like. */
export const HOT_REPLY_WEIGHT = 2

/**
 * The hot score (the articles' interaction signal, decayed by age), in the log form of the classic
 * "hot" ranking: log10(interaction) plus the post's creation time in units of HOT_DECAY_HOURS since
 * a fixed epoch. Newer posts start higher, and a post twelve hours older needs ten times the likes
 * and replies to stand level. It only changes when the post's own counts change, so it is stored on
 * the post (`hot`) and the hot feed is an indexed query, not a scan.
 */
export function hotScore(input: { likes: number; replies: number; createdAt: Date }): number {
  const interaction = Math.max(0, input.likes) + HOT_REPLY_WEIGHT * Math.max(0, input.replies)
  const order = Math.log10(Math.max(1, interaction))
  const age = (input.createdAt.getTime() - HOT_EPOCH_MS) / (HOT_DECAY_HOURS * 3_600_000)
  return Math.round((order + age) * 1e7) / 1e7
}

// ---------------------------------------------------------------------------------------------
// Valued posts (有效发言)

/** The community's criteria for a valued post; defaults below. */
export interface ValuedPostCriteria {
  /** Characters of substance (after normalising: no spaces, punctuation or emoji padding). */
  minLength: number
  /** How many of the author's latest posts a new one is compared with. */
  recentCompared: number
}

export const DEFAULT_VALUED_POST_CRITERIA: ValuedPostCriteria = { minLength: 15, recentCompared: 5 }

/** The articles' advice for a post's length; longer text is folded in the feed. */
export const POST_FOLD_LENGTH = 300
export const POST_MAX_LENGTH = 2000
export const REPLY_MAX_LENGTH = 500
export const POST_PHOTOS_MAX = 3

/** A short fingerprint of a text's substance (FNV-1a over the normalised text), for duplicates. */
export function textFingerprint(text: string): string {
  const s = normaliseForMatch(text)
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(36)
}

export type ValuedRefusal = 'too_short' | 'duplicate'

export const VALUED_REFUSAL_TEXT: Record<ValuedRefusal, string> = {
  too_short: '内容太短，不计有效发言',
  duplicate: '和你最近的帖子重复，不计有效发言',
}

/** Why a post that counts was not paid (the author reads it on the post). */
export const UNPAID_TEXT = {
  capped: '今天的有效发言积分已达上限',
  held: '审核通过后发放有效发言积分',
  rejected: '未通过审核，不发放有效发言积分',
} as const

/**
 * Whether a post counts as valued: enough substance, and not a repeat of one of the author's
 * recent posts (their fingerprints, newest first). Null when it counts, else why not.
 */
export function valuedPostRefusal(
  text: string,
  recentFingerprints: readonly string[],
  criteria: ValuedPostCriteria = DEFAULT_VALUED_POST_CRITERIA,
): ValuedRefusal | null {
  if ([...normaliseForMatch(text)].length < criteria.minLength) return 'too_short'
  const fp = textFingerprint(text)
  if (recentFingerprints.slice(0, criteria.recentCompared).includes(fp)) return 'duplicate'
  return null
}

/** The author's recent fingerprints after a new post (newest first, bounded). */
export function withFingerprint(
  recent: readonly string[] | undefined,
  fp: string,
  criteria: ValuedPostCriteria = DEFAULT_VALUED_POST_CRITERIA,
): string[] {
  return [fp, ...(recent ?? []).filter((f) => f !== fp)].slice(0, criteria.recentCompared)
}

/** The ledger source of a post's pay (the ledger id adds community and author): once per post. */
export function postSource(postId: string): string {
  return `post:${postId}`
}

/** The source of a staff revocation of that pay (a compensating row, never an edit). */
export function postRevokeSource(postId: string): string {
  return `post-revoke:${postId}`
}

// ---------------------------------------------------------------------------------------------
// Reports and visibility

/** Distinct members whose reports hide a post or reply until staff decide. */
export const REPORTS_TO_HIDE = 3

export const POST_STATUSES = ['visible', 'held', 'hidden', 'deleted'] as const
export type PostStatus = (typeof POST_STATUSES)[number]

/** Ids: a like per member per post, a report per member per target. */
export function postLikeId(postId: string, openid: string): string {
  return `${postId}:${openid}`
}

export function reportId(targetId: string, openid: string): string {
  return `${targetId}:${openid}`
}

/** How many of the latest report reasons the moderation queue shows beside a reported text. */
export const REPORT_REASONS_KEPT = 5

/** The reasons kept on a reported text with a new one: the latest REPORT_REASONS_KEPT, newest last. */
export function withReportReason(reasons: readonly string[] | undefined, reason: string): string[] {
  return [...(reasons ?? []), reason].slice(-REPORT_REASONS_KEPT)
}

/** Whether `count` distinct reports hide the target now (only visible content hides). */
export function hiddenByReports(count: number, status: PostStatus, threshold = REPORTS_TO_HIDE): boolean {
  return status === 'visible' && count >= threshold
}

/** The first Monday of a month ('YYYY-MM'), as a day key: the monthly 规则答疑 thread's day. */
export function firstMondayOf(month: string): string {
  const [y, m] = month.split('-').map(Number)
  const first = new Date(Date.UTC(y, m - 1, 1))
  const offset = (8 - first.getUTCDay()) % 7
  return `${month}-${String(1 + offset).padStart(2, '0')}`
}

// ---------------------------------------------------------------------------------------------
// Ads (三证): only members staff approved may post ads, a limited number a month, each labelled 广告

/** The three documents an ad application carries. */
export const AD_DOCUMENTS = ['licence', 'qualification', 'reviews'] as const
export type AdDocument = (typeof AD_DOCUMENTS)[number]

export const AD_DOCUMENT_NAMES: Record<AdDocument, string> = {
  licence: '营业执照',
  qualification: '产品资质',
  reviews: '用户评价',
}

/** 限量发布: ad posts an approval allows per Asia/Shanghai month, unless staff set another number. */
export const AD_DEFAULT_MONTHLY_QUOTA = 4
export const AD_MAX_MONTHLY_QUOTA = 30

export type AdStatus = 'pending' | 'approved' | 'refused'

/** Ad posts left this month under an approval (`used` counts a month, reset when the month turns). */
export function adPostsLeft(
  approval: { status: AdStatus; quotaPerMonth: number; used?: { month: string; count: number } | null },
  month: string,
): number {
  if (approval.status !== 'approved') return 0
  const used = approval.used?.month === month ? approval.used.count : 0
  return Math.max(0, approval.quotaPerMonth - used)
}
