import { z } from 'zod'
import type { PhotoStatus } from '../moderation'
import {
  CHALLENGE_MAX_DAYS,
  CHALLENGE_TITLE_MAX_LENGTH,
  CHECKIN_NOTE_MAX_LENGTH,
  CHECKIN_PHOTOS_MAX,
  type CalendarMonth,
  type ChallengePhase,
  type StreakStats,
} from '../checkin'
import { isReminderTime } from '../checkin-reminder'
import { isDayKey, isMonthKey } from '../time'
import { FEATURED_POINTS_MAX, FEATURED_POINTS_MIN } from '../featured'
import type { Level } from '../levels'

const dayKey = z.string().refine(isDayKey, '日期格式应为 YYYY-MM-DD')
const cursor = z.string().min(1).max(200).optional()
const limit = z.number().int().min(1).max(100).optional()
const id = z.string().min(1).max(200)

/**
 * A photo is a cloud file ID (`cloud://…`, from Taro.cloud.uploadFile) or an https URL. The H5 dev
 * build has no cloud storage, so it offers no photo picker.
 */
export const photo = z
  .string()
  .max(500)
  .refine((s) => s.startsWith('cloud://') || s.startsWith('https://'), '照片地址无效')

export const checkinInputs = {
  today: z.object({}).strict(),
  checkIn: z
    .object({
      note: z
        .string()
        .trim()
        .max(CHECKIN_NOTE_MAX_LENGTH, `打卡日记最多 ${CHECKIN_NOTE_MAX_LENGTH} 字`)
        .optional(),
      photos: z.array(photo).max(CHECKIN_PHOTOS_MAX, `最多 ${CHECKIN_PHOTOS_MAX} 张照片`).optional(),
    })
    .strict(),
  calendar: z.object({ month: z.string().refine(isMonthKey, '月份格式应为 YYYY-MM') }).strict(),
  /** The caller's own check-in of one day (the calendar's day view). */
  day: z.object({ day: dayKey }).strict(),
  /** Rewrite the caller's note of `day`, which must be today (Asia/Shanghai). */
  editNote: z
    .object({
      day: dayKey,
      note: z
        .string()
        .trim()
        .min(1, '日记不能为空，想清空请删除日记')
        .max(CHECKIN_NOTE_MAX_LENGTH, `打卡日记最多 ${CHECKIN_NOTE_MAX_LENGTH} 字`),
    })
    .strict(),
  /** Take the caller's note and photos of `day` (today) down; the check-in and its points stay. */
  deleteNote: z.object({ day: dayKey }).strict(),
  /** The daily reminder's time ('HH:MM', Asia/Shanghai), or null to turn it off. */
  setReminder: z
    .object({ time: z.string().refine(isReminderTime, '时间格式应为 HH:MM').nullable() })
    .strict(),
  feed: z.object({ cursor, limit }).strict(),
  like: z.object({ checkinId: id }).strict(),
  unlike: z.object({ checkinId: id }).strict(),
  /** Staff: mark a visible note 精选; points within SPEC's 50–100, the 'quality' rule's when left out. */
  feature: z
    .object({
      checkinId: id,
      points: z
        .number()
        .int('积分应为整数')
        .min(FEATURED_POINTS_MIN, `精选奖励至少 ${FEATURED_POINTS_MIN} 分`)
        .max(FEATURED_POINTS_MAX, `精选奖励最多 ${FEATURED_POINTS_MAX} 分`)
        .optional(),
    })
    .strict(),
  useMakeupCard: z.object({ day: dayKey }).strict(),
  challenges: z.object({ cursor, limit }).strict(),
  joinChallenge: z.object({ challengeId: id }).strict(),
  createChallenge: z
    .object({
      title: z
        .string()
        .trim()
        .min(1, '请填写挑战名称')
        .max(CHALLENGE_TITLE_MAX_LENGTH, `挑战名称最多 ${CHALLENGE_TITLE_MAX_LENGTH} 字`),
      days: z
        .number()
        .int('天数应为整数')
        .min(1, '至少 1 天')
        .max(CHALLENGE_MAX_DAYS, `最多 ${CHALLENGE_MAX_DAYS} 天`),
      startDay: dayKey,
      /** Points paid once on completion; the community's 'challenge' rule when left out. */
      reward: z
        .number()
        .int('奖励应为整数')
        .min(0, '奖励不能为负')
        .max(10_000, '奖励最多 10000 分')
        .optional(),
    })
    .strict(),
  challengeStats: z.object({ challengeId: id }).strict(),
}

export type CheckinInputs = { [K in keyof typeof checkinInputs]: z.input<(typeof checkinInputs)[K]> }

/** none: no note; visible: shown to the community; held: waiting for an admin; rejected: never shown. */
export type NoteStatus = 'none' | 'visible' | 'held' | 'rejected'

/** One of the caller's own check-ins. */
export interface MyCheckin {
  id: string
  day: string
  note: string
  noteStatus: NoteStatus
  photos: string[]
  /** Per photo: others see it only once the platform's media check says pass. */
  photoStatus?: PhotoStatus[]
  madeUp: boolean
  likes: number
  /** Points this check-in paid (0 for a make-up or when the daily cap was reached). */
  points: number
  createdAt: string
}

export interface TodayResult {
  today: string
  checkedIn: boolean
  checkin: MyCheckin | null
  streak: StreakStats
  makeupCards: number
  /** Missed days a make-up card could restore now, newest first. */
  missableDays: string[]
  /** What a check-in pays in this community today. */
  pointsPerCheckin: number
  /** The member's daily reminder time ('HH:MM'), or null when off. */
  reminder: string | null
}

export interface DayResult {
  day: string
  today: string
  /** The caller's check-in of that day, or null when they did not check in. */
  checkin: MyCheckin | null
  /** Marked 精选 by an admin: the note then stays as it was featured. */
  featured: boolean
  /** Whether the note may still be edited or deleted: only on its own day, and not once 精选. */
  editable: boolean
}

export interface ReminderResult {
  time: string | null
}

export interface CompletedChallenge {
  id: string
  title: string
  /** Points paid for completing it now (never above the owner's ceiling; 0 to its creator). */
  reward: number
  /** Why it paid nothing although it has a reward (its creator completed it); absent otherwise. */
  note?: string
}

export interface CheckInResult {
  /** True when today was already checked in: nothing changed (a retry or a double tap). */
  alreadyCheckedIn: boolean
  checkin: MyCheckin
  streak: StreakStats
  points: number
  balance: number
  totalEarned: number
  levelChange: { from: Level; to: Level } | null
  completedChallenges: CompletedChallenge[]
}

export interface CalendarResult extends CalendarMonth {
  today: string
  streak: StreakStats
  makeupCards: number
}

export interface FeedItem {
  id: string
  nickname: string
  day: string
  note: string
  photos: string[]
  likes: number
  likedByMe: boolean
  mine: boolean
  /** Marked 精选 by an admin. */
  featured: boolean
  createdAt: string
}

/** What featuring pays, for staff who may feature (the feed's button); null for everyone else. */
export interface FeaturePolicy {
  /** The default: the 'quality' rule within the range; 0 when the rule is off (featured without points). */
  points: number
  min: number
  max: number
}

export interface FeedResult {
  items: FeedItem[]
  nextCursor: string | null
  feature: FeaturePolicy | null
}

export interface FeatureResult {
  checkinId: string
  /** True when the note was already featured: nothing changed this time. */
  alreadyFeatured: boolean
  /** Points the author got for it (0 when the rule is off or the daily cap was reached). */
  points: number
}

export interface LikeResult {
  checkinId: string
  liked: boolean
  likes: number
}

export interface MakeupResult {
  day: string
  streak: StreakStats
  makeupCards: number
  completedChallenges: CompletedChallenge[]
}

export type ChallengeMemberStatus = 'none' | 'active' | 'completed'

export interface ChallengeSummary {
  id: string
  title: string
  days: number
  startDay: string
  endDay: string
  reward: number
  phase: ChallengePhase
  /** The caller's part. */
  status: ChallengeMemberStatus
  progress: number
  /** Whether checking in every remaining day would still complete it (for the caller). */
  reachable: boolean
}

export interface ChallengesResult {
  items: ChallengeSummary[]
  nextCursor: string | null
}

export interface JoinChallengeResult {
  challenge: ChallengeSummary
  alreadyJoined: boolean
  completedChallenges: CompletedChallenge[]
}

export interface ChallengeStatsResult {
  challenge: ChallengeSummary
  members: number
  joined: number
  /** joined / members, as a percentage. */
  joinedRate: number
  completed: number
  completedRate: number
  /** Joined members who checked in during the last 3 days of the window (up to today). */
  continued: number
  continuedRate: number
  /** continuedRate above the article's 60%. */
  healthy: boolean
  asOf: string
}

export interface CheckinOutputs {
  today: TodayResult
  checkIn: CheckInResult
  calendar: CalendarResult
  day: DayResult
  editNote: DayResult
  deleteNote: DayResult
  setReminder: ReminderResult
  feed: FeedResult
  like: LikeResult
  unlike: LikeResult
  feature: FeatureResult
  useMakeupCard: MakeupResult
  challenges: ChallengesResult
  joinChallenge: JoinChallengeResult
  createChallenge: ChallengeSummary
  challengeStats: ChallengeStatsResult
}
