/** The square's stored shapes (collections `posts`, `post_replies`, `post_likes`, `post_reports`) and their views. */
import { createHash } from 'node:crypto'
import type { PinnedView, PostView, ReplyView, StaffTools, ThemeView } from '../core/contracts/square'
import { defaultFeaturedPoints, FEATURED_POINTS_MAX, FEATURED_POINTS_MIN } from '../core/featured'
import { shownPhotos, type PhotoStatus } from '../core/moderation'
import { SERIES_PRESETS } from '../core/recurrence'
import { can } from '../core/rights'
import {
  CONTENT_CATEGORY_NAMES,
  hotScore,
  POST_FOLD_LENGTH,
  type ContentCategory,
  type PostStatus,
} from '../core/square'
import { weekdayOf } from '../core/time'
import type { Database } from '../runtime/cloud'
import { getDocOrNull, txGetOrNull, type Transaction } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { MemberActionContext } from '../runtime/handler'
import { loadPointRules } from '../runtime/ledger'
import type { MemberDoc } from '../runtime/membership'

export type StoredStatus = PostStatus | 'rejected'

export interface PostDoc {
  _id: string
  communityId: string
  authorId: string
  memberId: string
  nickname: string
  text: string
  photos: string[]
  photoStatus: PhotoStatus[]
  category: ContentCategory
  themeId: string | null
  themeTitle: string | null
  /** Asia/Shanghai day of creation (core/time shanghaiDayKey). */
  day: string
  createdAt: Date
  status: StoredStatus
  likeCount: number
  replyCount: number
  /** core/square hotScore: the hot feed's sort key, kept with every like and reply. */
  hot: number
  pinned: boolean
  featured: boolean
  quality?: { by: string; at: Date; points: number } | null
  /** Points paid at posting (有效发言); a held post pays on approval (ledger source post:<id>). */
  points: number
  /** Why it did not pay, for the author (core/square VALUED_REFUSAL_TEXT, capped). */
  unpaidReason: string | null
  revoked?: { by: string; at: Date; reason: string; points: number } | null
  reportCount: number
  /** The latest reports' reasons (core/square withReportReason), for the moderation queue. */
  reportReasons?: string[]
  moderation?: { op: string; reason: string; by: string; at: Date } | null
  /** An approved member's ad (广告). */
  ad?: boolean
}

export interface ReplyDoc {
  _id: string
  communityId: string
  postId: string
  authorId: string
  memberId: string
  nickname: string
  text: string
  /** The post author's nickname (the @ of a one-level reply). */
  mention: string
  day: string
  createdAt: Date
  status: StoredStatus
  reportCount: number
  reportReasons?: string[]
  moderation?: { op: string; reason: string; by: string; at: Date } | null
}

export interface PostLikeDoc {
  _id: string
  communityId: string
  postId: string
  openid: string
  createdAt: Date
}

export interface ReportDoc {
  _id: string
  communityId: string
  postId: string
  replyId: string | null
  openid: string
  reason: string
  createdAt: Date
}

export interface ThemeDoc {
  _id: string
  communityId: string
  title: string
  status: 'open' | 'closed'
  createdAt: Date
  by: string
}

/** Members' extra fields the square keeps (one write with the post). */
export interface SquareMemberFields {
  lastPostAt?: Date
  /** Fingerprints of the member's latest posts (core/square), for the duplicate rule. */
  recentPostPrints?: string[]
}

/** A post's id from its author and the tap's request id: a retry lands on the same post. */
export function postIdOf(communityId: string, openid: string, requestId: string): string {
  return `p${createHash('sha256').update(`${communityId}\n${openid}\n${requestId}`).digest('base64url').slice(0, 20)}`
}

export function replyIdOf(postId: string, openid: string, requestId: string): string {
  return `r${createHash('sha256').update(`${postId}\n${openid}\n${requestId}`).digest('base64url').slice(0, 20)}`
}

/** The weekly theme days of the activity rhythm (core/recurrence presets), named by their key. */
export function weeklyThemes(today: string): ThemeView[] {
  return SERIES_PRESETS.filter((p) => p.rule.freq === 'weekly').map((p) => {
    const weekday = p.rule.freq === 'weekly' ? p.rule.weekdays[0] : 0
    return {
      id: `weekly-${p.key}`,
      title: p.title,
      kind: 'weekly' as const,
      weekday,
      today: weekdayOf(today) === weekday,
    }
  })
}

export function topicView(doc: ThemeDoc): ThemeView {
  return { id: doc._id, title: doc.title, kind: 'topic', weekday: null, today: true }
}

/** The theme a post names: a weekly theme day, or an open topic of the caller's community. */
export async function resolveTheme(
  db: Database,
  communityId: string,
  themeId: string,
  today: string,
): Promise<ThemeView> {
  const weekly = weeklyThemes(today).find((t) => t.id === themeId)
  if (weekly) return weekly
  const doc = await getDocOrNull<ThemeDoc>(db, 'square_themes', themeId)
  if (!doc || doc.communityId !== communityId || doc.status !== 'open')
    return fail('INVALID_INPUT', '这个话题不存在或已关闭', { themeId: '话题不存在' })
  return topicView(doc)
}

/** A post of the caller's community, or NOT_FOUND. */
export async function postOf(ctx: MemberActionContext, postId: string): Promise<PostDoc> {
  const doc = await getDocOrNull<PostDoc>(ctx.db, 'posts', postId)
  if (!doc || doc.communityId !== ctx.membership.community._id) return fail('NOT_FOUND', '帖子不存在')
  return doc
}

/** Whether `viewer` may see the post: visible to all; the author sees their own held or hidden ones. */
export function mayView(doc: PostDoc | ReplyDoc, viewer: MemberDoc, staff: boolean): boolean {
  if (doc.status === 'visible') return true
  if (doc.status === 'deleted') return staff
  return staff || doc.authorId === viewer.openid
}

export function postView(doc: PostDoc, viewer: MemberDoc, likedByMe: boolean, staff: boolean): PostView {
  const mine = doc.authorId === viewer.openid
  const paid = doc.revoked ? 0 : doc.points
  return {
    id: doc._id,
    nickname: doc.nickname,
    text: doc.text,
    photos: mine ? [...(doc.photos ?? [])] : shownPhotos(doc.photos ?? [], doc.photoStatus),
    category: doc.category,
    categoryName: CONTENT_CATEGORY_NAMES[doc.category],
    themeId: doc.themeId ?? null,
    themeTitle: doc.themeTitle ?? null,
    createdAt: new Date(doc.createdAt).toISOString(),
    likes: doc.likeCount ?? 0,
    replies: doc.replyCount ?? 0,
    likedByMe,
    mine,
    status: doc.status,
    pinned: !!doc.pinned,
    featured: !!doc.featured,
    points: mine || staff ? paid : null,
    unpaidReason: mine ? (doc.revoked ? `积分已被撤销：${doc.revoked.reason}` : doc.unpaidReason) : null,
    moderation:
      (mine || staff) && doc.moderation ? { op: doc.moderation.op, reason: doc.moderation.reason } : null,
    folded: [...doc.text].length > POST_FOLD_LENGTH,
    ad: !!doc.ad,
  }
}

export function replyView(doc: ReplyDoc, viewer: MemberDoc): ReplyView {
  return {
    id: doc._id,
    nickname: doc.nickname,
    text: doc.text,
    mention: doc.mention,
    createdAt: new Date(doc.createdAt).toISOString(),
    mine: doc.authorId === viewer.openid,
    status: doc.status,
  }
}

/** The pinned announcements kept on the community document (read with the membership: no request). */
export interface PinnedSnapshot {
  id: string
  nickname: string
  excerpt: string
  createdAt: Date
}

export const PINNED_MAX = 3

export function pinnedOf(community: object): PinnedView[] {
  const list = (community as { squarePinned?: PinnedSnapshot[] }).squarePinned ?? []
  return list.map((p) => ({ ...p, createdAt: new Date(p.createdAt).toISOString() }))
}

export function pinnedSnapshot(doc: PostDoc): PinnedSnapshot {
  const chars = [...doc.text]
  return {
    id: doc._id,
    nickname: doc.nickname,
    excerpt: chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : doc.text,
    createdAt: doc.createdAt,
  }
}

/** What staff may do, for the buttons; null for members. */
export async function staffTools(ctx: MemberActionContext): Promise<StaffTools | null> {
  const { member, community } = ctx.membership
  if (!can(member.role, 'square')) return null
  const rule = (await loadPointRules(ctx.db, community._id)).quality
  return {
    feature: { points: defaultFeaturedPoints(rule), min: FEATURED_POINTS_MIN, max: FEATURED_POINTS_MAX },
    sanctions: can(member.role, 'sanctions'),
  }
}

/** Add `by` to a post's reply count (never below 0) and keep its hot score with it. */
export async function moveReplyCount(tx: Transaction, postId: string, by: 1 | -1): Promise<void> {
  const doc = await txGetOrNull<PostDoc>(tx, 'posts', postId)
  if (!doc) return
  const replies = Math.max(0, (doc.replyCount ?? 0) + by)
  await tx
    .collection('posts')
    .doc(postId)
    .update({
      data: {
        replyCount: replies,
        hot: hotScore({ likes: doc.likeCount ?? 0, replies, createdAt: new Date(doc.createdAt) }),
      },
    })
}
