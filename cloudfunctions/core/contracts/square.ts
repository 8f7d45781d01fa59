import { z } from 'zod'
import { photo } from './checkin'
import { FEATURED_POINTS_MAX, FEATURED_POINTS_MIN } from '../featured'
import type { PhotoStatus } from '../moderation'
import { REASON_MAX } from '../sanctions'
import {
  AD_MAX_MONTHLY_QUOTA,
  CONTENT_CATEGORIES,
  POST_MAX_LENGTH,
  POST_PHOTOS_MAX,
  REPLY_MAX_LENGTH,
  type AdDocument,
  type AdStatus,
  type ContentCategory,
  type PostStatus,
} from '../square'

const cursor = z.string().min(1).max(200).optional()
const limit = z.number().int().min(1).max(50).optional()
const id = z.string().min(1).max(200)
/** A client-made id for one tap: a retry or a double tap posts once. */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对')
const category = z.enum(CONTENT_CATEGORIES, { message: '请选择内容分类' })
const reason = z.string().trim().min(2, '请写明原因').max(REASON_MAX, `原因最多 ${REASON_MAX} 字`)

export const squareInputs = {
  /** The week's theme days and the topics staff opened. */
  themes: z.object({}).strict(),
  /**
   * The square: `order` newest or hot; `scope` all, the caller's own posts (mine) or 精选 (featured);
   * `themeId` one theme's posts (newest). Pinned announcements come with the first page of all.
   */
  feed: z
    .object({
      order: z.enum(['newest', 'hot']).optional(),
      scope: z.enum(['all', 'mine', 'featured']).optional(),
      themeId: z.string().min(1).max(64).optional(),
      cursor,
      limit,
    })
    .strict(),
  /** A post, its replies (oldest first, paged) and what the caller may do with it. */
  detail: z.object({ postId: id, cursor }).strict(),
  post: z
    .object({
      requestId,
      text: z.string().trim().min(1, '写点什么吧').max(POST_MAX_LENGTH, `帖子最多 ${POST_MAX_LENGTH} 字`),
      category,
      themeId: z.string().min(1).max(64).optional(),
      photos: z.array(photo).max(POST_PHOTOS_MAX, `最多 ${POST_PHOTOS_MAX} 张照片`).optional(),
      /** An ad (广告): only under an approval with posts left this month; labelled, never paid. */
      ad: z.boolean().optional(),
    })
    .strict(),
  /** One level of replies: to the post, @ its author. */
  reply: z
    .object({
      requestId,
      postId: id,
      text: z.string().trim().min(1, '回复不能为空').max(REPLY_MAX_LENGTH, `回复最多 ${REPLY_MAX_LENGTH} 字`),
    })
    .strict(),
  like: z.object({ postId: id }).strict(),
  unlike: z.object({ postId: id }).strict(),
  /** 举报 a post or a reply, with a reason; several members' reports hide it until staff decide. */
  report: z.object({ postId: id, replyId: id.optional(), reason }).strict(),
  /**
   * Staff: pin (群公告) or unpin a post; hide or delete a post or a reply with a reason (the author is
   * told); `recordViolation` also records a violation on the author in the same tap.
   */
  moderate: z
    .object({
      postId: id,
      replyId: id.optional(),
      op: z.enum(['pin', 'unpin', 'hide', 'delete', 'restore']),
      reason: reason.optional(),
      recordViolation: z.boolean().optional(),
    })
    .strict()
    .refine((v) => !['hide', 'delete'].includes(v.op) || !!v.reason, {
      message: '请写明原因',
      path: ['reason'],
    }),
  /** Staff correct a post's category. */
  setCategory: z.object({ postId: id, category }).strict(),
  /** Staff mark a post 精选 (优质内容), the same rule as check-in notes. */
  feature: z
    .object({
      postId: id,
      points: z
        .number()
        .int('积分应为整数')
        .min(FEATURED_POINTS_MIN, `精选奖励至少 ${FEATURED_POINTS_MIN} 分`)
        .max(FEATURED_POINTS_MAX, `精选奖励最多 ${FEATURED_POINTS_MAX} 分`)
        .optional(),
    })
    .strict(),
  /** Staff take back a valued post's pay: a compensating ledger row with the reason. */
  revoke: z.object({ postId: id, reason }).strict(),
  /** Staff open a topic members can post under. */
  openTheme: z
    .object({ title: z.string().trim().min(2, '话题至少 2 个字').max(20, '话题最多 20 个字') })
    .strict(),
  /** Staff: the past weeks' content mix against 3:5:2 and posts per day. */
  mix: z.object({ weeks: z.number().int().min(1).max(12).optional() }).strict(),
  /** Apply to post ads with the three documents (三证: business licence, product qualification, user reviews). */
  applyAds: z.object({ licence: photo, qualification: photo, reviews: photo }).strict(),
  /** The caller's own ad application and what it allows this month. */
  adStatus: z.object({}).strict(),
  /** Staff: ad applications, pending first by default. */
  adApplications: z
    .object({ status: z.enum(['pending', 'approved', 'refused']).optional(), cursor, limit })
    .strict(),
  /** Staff approve (with the monthly number, 限量发布) or refuse (with a reason). */
  decideAds: z
    .object({
      applicationId: id,
      decision: z.enum(['approve', 'refuse']),
      quotaPerMonth: z.number().int().min(1).max(AD_MAX_MONTHLY_QUOTA).optional(),
      reason: reason.optional(),
    })
    .strict()
    .refine((v) => v.decision !== 'refuse' || !!v.reason, { message: '请写明原因', path: ['reason'] }),
}

export interface AdApplicationView {
  id: string
  nickname: string
  status: AdStatus
  statusName: string
  /** The three documents' images (file IDs), staff and the applicant only. */
  documents: Record<AdDocument, string>
  quotaPerMonth: number
  /** Ad posts left this month (0 unless approved). */
  postsLeft: number
  reason: string | null
  createdAt: string
  decidedAt: string | null
}

export interface ThemeView {
  id: string
  title: string
  /** 'weekly': a theme day of the activity rhythm (weekday 0–6); 'topic': opened by staff. */
  kind: 'weekly' | 'topic'
  weekday: number | null
  /** True on the theme day itself (weekly), always for open topics. */
  today: boolean
}

export interface PostView {
  id: string
  nickname: string
  text: string
  /** Photos others may see (passed the media check); the author sees all of theirs. */
  photos: string[]
  category: ContentCategory
  categoryName: string
  themeId: string | null
  themeTitle: string | null
  createdAt: string
  likes: number
  replies: number
  likedByMe: boolean
  mine: boolean
  status: PostStatus | 'rejected'
  pinned: boolean
  featured: boolean
  /** Points the post paid its author (有效发言), after any revocation; the author and staff see it. */
  points: number | null
  /** Why it did not pay (too short, duplicate, capped…); the author sees it. */
  unpaidReason: string | null
  /** A staff decision the author is told about (hidden or deleted with a reason). */
  moderation: { op: string; reason: string } | null
  /** More than the fold (300 characters): the feed shows the start and 展开. */
  folded: boolean
  /** An approved member's ad, labelled 广告. */
  ad: boolean
}

export interface PinnedView {
  id: string
  nickname: string
  excerpt: string
  createdAt: string
}

export interface ReplyView {
  id: string
  nickname: string
  text: string
  /** The post's author the reply answers (@). */
  mention: string
  createdAt: string
  mine: boolean
  status: PostStatus | 'rejected'
}

export interface StaffTools {
  /** What marking 精选 pays by default, and its range. */
  feature: { points: number; min: number; max: number }
  /** May record a violation in the same tap. */
  sanctions: boolean
}

export interface FeedResult {
  items: PostView[]
  nextCursor: string | null
  pinned: PinnedView[]
  staff: StaffTools | null
}

export interface DetailResult {
  post: PostView
  replies: ReplyView[]
  nextCursor: string | null
  staff: StaffTools | null
  reportedByMe: boolean
}

export interface PostResult {
  post: PostView
  /** Points paid now (0 when held, not valued or capped). */
  points: number
  held: boolean
  duplicate: boolean
}

export interface ReplyResult {
  reply: ReplyView
  held: boolean
}

export interface LikeResult {
  postId: string
  liked: boolean
  likes: number
}

export interface ReportResult {
  reported: boolean
  /** The target was hidden now (enough distinct reporters). */
  hidden: boolean
}

export interface ModerateResult {
  postId: string
  replyId: string | null
  status: PostStatus | 'rejected'
  pinned: boolean
  /** The author could be told by subscribe message (they always see it on their post). */
  notified: boolean
  violationRecorded: boolean
}

export interface MixWeek {
  weekKey: string
  counts: Record<ContentCategory, number>
  shares: Record<ContentCategory, number>
  distance: number
  postsPerDay: number
}

export interface MixResult {
  weeks: MixWeek[]
  target: Record<ContentCategory, number>
  healthyPostsPerDay: number
}

export interface SquareOutputs {
  themes: { themes: ThemeView[] }
  feed: FeedResult
  detail: DetailResult
  post: PostResult
  reply: ReplyResult
  like: LikeResult
  unlike: LikeResult
  report: ReportResult
  moderate: ModerateResult
  setCategory: { postId: string; category: ContentCategory }
  feature: { postId: string; alreadyFeatured: boolean; points: number }
  revoke: { postId: string; revoked: number; alreadyRevoked: boolean }
  openTheme: { theme: ThemeView }
  mix: MixResult
  applyAds: { application: AdApplicationView }
  adStatus: { application: AdApplicationView | null }
  adApplications: { items: AdApplicationView[]; nextCursor: string | null }
  decideAds: { application: AdApplicationView }
}

export type SquareInputs = { [K in keyof typeof squareInputs]: z.input<(typeof squareInputs)[K]> }

export type { PhotoStatus }
