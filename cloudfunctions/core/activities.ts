/**
 * Activities (SPEC §8): what an activity is, its stages, and its SOP timeline. The shapes the
 * `activities`, `signups` and `sop` functions share; each rule about them lives in one core module
 * (recurrence and the 221 planner, sign-up and attendance, the review) and reads these types.
 */
import type { Level } from './levels'

export const ACTIVITY_KINDS = ['lecture', 'interaction', 'benefit', 'challenge', 'offline', 'live'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

export const ACTIVITY_KIND_NAMES: Record<ActivityKind, string> = {
  lecture: '知识型',
  interaction: '互动型',
  benefit: '福利型',
  challenge: '打卡挑战',
  offline: '线下见面',
  live: '直播',
}

/** The "221" rule's sizes (SPEC §8): 2 small a week, 1 medium every 2 weeks, 1 large a month. */
export const ACTIVITY_SIZES = ['small', 'medium', 'large'] as const
export type ActivitySize = (typeof ACTIVITY_SIZES)[number]
export const ACTIVITY_SIZE_NAMES: Record<ActivitySize, string> = {
  small: '小型',
  medium: '中型',
  large: '大型',
}

/** Draft → published → cancelled (everyone signed up is told) or finished. */
export const ACTIVITY_STAGES = ['draft', 'published', 'cancelled', 'finished'] as const
export type ActivityStage = (typeof ACTIVITY_STAGES)[number]

/** An `activities` doc. Counters move in the same transaction as the sign-up or attendance row. */
export interface ActivityDoc {
  _id: string
  communityId: string
  kind: ActivityKind
  size: ActivitySize
  title: string
  coverFileId?: string | null
  description: string
  startAt: Date
  endAt: Date
  /** A place (offline) or a link (live, online); either may be empty. */
  place?: string | null
  link?: string | null
  /** null: no limit. */
  capacity: number | null
  signupDeadline: Date
  /** Sign-up needs at least this level; offline meet-ups also need the `offline_activities` level right. */
  minLevel: Level | null
  /** Points for attendance, within the community's `activity` reward ceiling (core/rewards). */
  points: number
  stage: ActivityStage
  /** Set when the activity is one occurrence of an `activity_series` rule. */
  seriesId?: string | null
  /** The occurrence's day (YYYY-MM-DD, Asia/Shanghai) within its series. */
  occurrenceDay?: string | null
  /** The staff member who owns its SOP tasks (the creator unless reassigned). */
  ownerOpenid: string
  createdBy: string
  createdAt: Date
  updatedAt: Date
  publishedAt?: Date | null
  cancelledAt?: Date | null
  cancelReason?: string | null
  finishedAt?: Date | null
  /** An attached feedback survey (`surveys` id), whose results the review reads. */
  feedbackSurveyId?: string | null
  confirmedCount: number
  waitlistCount: number
  attendedCount: number
  /** Arrivals so far: each sign-up's `seq` (arrival order) is the next one. Absent: none yet. */
  signupSeq?: number
}

export const SIGNUP_STATES = ['confirmed', 'waitlisted', 'cancelled'] as const
export type SignupState = (typeof SIGNUP_STATES)[number]

/** An `activity_signups` doc, id `${activityId}:${openid}`. */
export interface SignupDoc {
  _id: string
  communityId: string
  activityId: string
  openid: string
  memberId: string
  nickname: string
  state: SignupState
  /** Arrival order within the activity (the waitlist promotes the lowest). */
  seq: number
  /** The member accepted the activity reminder subscription at the sign-up tap. */
  subscribed: boolean
  createdAt: Date
  promotedAt?: Date | null
  cancelledAt?: Date | null
  attendedAt?: Date | null
  /** Points the attendance paid (0 for the creator or a zero-point activity). */
  pointsPaid?: number | null
  /** When the T−1h reminder used this member's subscription (once). */
  remindedAt?: Date | null
  /** When the T+2h thank-you reached this attendee (in the app: the detail page shows it). */
  thankedAt?: Date | null
}

/** The SOP timeline (SPEC §8), in order. `auto` steps the timer carries out; the rest are marked due. */
export const SOP_STEPS = [
  { step: 'plan', name: '确定方案', offsetMs: -7 * 86_400_000, auto: false },
  { step: 'warmup', name: '预热', offsetMs: -3 * 86_400_000, auto: false },
  { step: 'notify', name: '全员通知', offsetMs: -1 * 86_400_000, auto: false },
  { step: 'remind', name: '开始前提醒', offsetMs: -3_600_000, auto: true },
  { step: 'thanks', name: '感谢参与', offsetMs: 2 * 3_600_000, auto: true },
  { step: 'review', name: '活动复盘', offsetMs: 86_400_000, auto: true },
] as const
export type SopStep = (typeof SOP_STEPS)[number]['step']

export const TASK_STATES = ['open', 'done', 'skipped', 'cancelled'] as const
export type TaskState = (typeof TASK_STATES)[number]

/** An `activity_tasks` doc, id `${activityId}:${step}`. */
export interface TaskDoc {
  _id: string
  communityId: string
  activityId: string
  activityTitle: string
  step: SopStep
  dueAt: Date
  ownerOpenid: string
  auto: boolean
  state: TaskState
  doneAt?: Date | null
  doneBy?: string | null
  /** What the timer did, in a line (e.g. "已提醒 42 人，3 人未订阅"). */
  result?: string | null
  /** The reminder run's counts (step `remind`), which the review reads. */
  counts?: { sent: number; notSubscribed: number; failed: number } | null
  /** The reach staff recorded (0–100 %) when marking warm-up or notify done. */
  reach?: number | null
}

/** SPEC / seed 002 reach targets the review shows beside the actual figures. */
export const REACH_TARGETS = { warmupReach: 0.8, reminderAccuracy: 0.95 } as const

/**
 * The tasks an activity's publication creates, due at fixed offsets from its start. A step already
 * past when the activity is published (published late) starts open and due, so staff still see it.
 */
export function timelineFor(
  activity: Pick<ActivityDoc, '_id' | 'communityId' | 'title' | 'startAt' | 'ownerOpenid'>,
): TaskDoc[] {
  return SOP_STEPS.map((s) => ({
    _id: `${activity._id}:${s.step}`,
    communityId: activity.communityId,
    activityId: activity._id,
    activityTitle: activity.title,
    step: s.step,
    dueAt: new Date(activity.startAt.getTime() + s.offsetMs),
    ownerOpenid: activity.ownerOpenid,
    auto: s.auto,
    state: 'open' as const,
  }))
}
