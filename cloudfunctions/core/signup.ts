/**
 * Sign-up and attendance rules (SPEC §8): who may sign up, where an arrival lands (a place or the
 * waitlist), the rotating attendance code's windows, and the export's columns. The `signups`
 * function applies them; the race-safety argument lives with its transactions.
 */
import type { ActivityDoc, SignupDoc, SignupState } from './activities'
import type { ErrorCode } from './errors'
import { hasRight, LEVEL_NAMES, levelRank, type Level } from './levels'

export const SIGNUP_STATE_NAMES: Record<SignupState, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
}

export interface Refusal {
  code: ErrorCode
  message: string
}

type SignupActivity = Pick<ActivityDoc, 'stage' | 'signupDeadline' | 'minLevel' | 'kind' | 'startAt'>

/** Why this member may not sign up now, or null when they may. */
export function signupRefusal(activity: SignupActivity, level: Level, now: Date): Refusal | null {
  if (activity.stage !== 'published')
    return {
      code: 'ACTIVITY_NOT_OPEN',
      message: activity.stage === 'cancelled' ? '活动已取消' : '活动还没有开放报名',
    }
  if (now.getTime() > new Date(activity.signupDeadline).getTime())
    return { code: 'SIGNUP_CLOSED', message: '报名已截止' }
  if (activity.minLevel && levelRank(level) < levelRank(activity.minLevel))
    return {
      code: 'SIGNUP_LEVEL_TOO_LOW',
      message: `这个活动需要${LEVEL_NAMES[activity.minLevel]}及以上等级才能报名`,
    }
  // Offline meet-ups are a level right (core/levels LEVEL_RIGHTS), whatever the activity's minLevel.
  if (activity.kind === 'offline' && !hasRight(level, 'offline_activities'))
    return { code: 'SIGNUP_LEVEL_TOO_LOW', message: '线下活动仅限核心成员报名' }
  return null
}

/**
 * Where a new arrival lands. Behind anyone already waiting (arrival order), else a place while
 * there is one; `capacity: null` has no limit.
 */
export function arrivalState(activity: Pick<ActivityDoc, 'capacity' | 'confirmedCount' | 'waitlistCount'>) {
  if (activity.waitlistCount > 0) return 'waitlisted' as const
  if (activity.capacity === null || activity.confirmedCount < activity.capacity) return 'confirmed' as const
  return 'waitlisted' as const
}

/** Cancelling is possible until the activity starts. */
export function cancelRefusal(activity: Pick<ActivityDoc, 'startAt' | 'stage'>, now: Date): Refusal | null {
  if (activity.stage !== 'published') return { code: 'ACTIVITY_NOT_OPEN', message: '活动已结束或已取消' }
  if (now.getTime() >= new Date(activity.startAt).getTime())
    return { code: 'SIGNUP_CLOSED', message: '活动已开始，不能再取消报名' }
  return null
}

/** What the cancel confirmation tells the member (a place goes to the waitlist; a return queues last). */
export function cancelConsequence(state: SignupState, waitlistCount: number): string {
  if (state === 'waitlisted') return '取消后将退出候补；再次报名需要重新排队。'
  return waitlistCount > 0
    ? '取消后你的名额会立即让给候补第一位，再次报名需要重新排队。'
    : '取消后名额会释放给其他成员，再次报名时如已满员只能候补。'
}

// ── Attendance: the rotating code ────────────────────────────────────────────────────────────────

/** The code changes every 30 s; the current and the previous window are accepted. */
export const ATTENDANCE_WINDOW_MS = 30_000
export const ATTENDANCE_CODE_DIGITS = 6
/** Check-in opens an hour before the start and closes two hours after the end. */
export const ATTENDANCE_OPENS_BEFORE_MS = 3_600_000
export const ATTENDANCE_CLOSES_AFTER_MS = 2 * 3_600_000

export function codeWindow(at: Date): number {
  return Math.floor(at.getTime() / ATTENDANCE_WINDOW_MS)
}

/** Windows whose code a check-in at `at` accepts: now's and the one before (a code read at the turn). */
export function acceptedWindows(at: Date): number[] {
  const w = codeWindow(at)
  return [w, w - 1]
}

export function windowEnd(window: number): Date {
  return new Date((window + 1) * ATTENDANCE_WINDOW_MS)
}

/** The code's digits from an HMAC's first four bytes (the hashing lives server-side). */
export function codeFromDigest(digest: Uint8Array): string {
  const n = ((digest[0] & 0x7f) << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]
  return String(n % 10 ** ATTENDANCE_CODE_DIGITS).padStart(ATTENDANCE_CODE_DIGITS, '0')
}

export function attendRefusal(
  activity: Pick<ActivityDoc, 'stage' | 'startAt' | 'endAt'>,
  signup: Pick<SignupDoc, 'state'> | null,
  now: Date,
): Refusal | null {
  if (activity.stage !== 'published' && activity.stage !== 'finished')
    return { code: 'ACTIVITY_NOT_OPEN', message: '活动已取消或还未发布' }
  const t = now.getTime()
  if (t < new Date(activity.startAt).getTime() - ATTENDANCE_OPENS_BEFORE_MS)
    return { code: 'ATTEND_CLOSED', message: '签到还没开始（活动开始前 1 小时开放）' }
  if (t > new Date(activity.endAt).getTime() + ATTENDANCE_CLOSES_AFTER_MS)
    return { code: 'ATTEND_CLOSED', message: '签到已结束' }
  if (!signup || signup.state !== 'confirmed')
    return {
      code: 'ATTEND_NOT_CONFIRMED',
      message: signup?.state === 'waitlisted' ? '你还在候补中，递补成功后才能签到' : '你没有报名这个活动',
    }
  return null
}

// ── Staff lists and exports ──────────────────────────────────────────────────────────────────────

export const SIGNUP_LISTS = ['confirmed', 'waitlisted', 'attended', 'cancelled'] as const
export type SignupList = (typeof SIGNUP_LISTS)[number]
export const SIGNUP_LIST_NAMES: Record<SignupList, string> = {
  confirmed: '报名名单',
  waitlisted: '候补名单',
  attended: '签到名单',
  cancelled: '已取消',
}

export const SIGNUP_EXPORT_HEADER = [
  '序号',
  '成员',
  '状态',
  '报名时间',
  '递补时间',
  '取消时间',
  '签到时间',
  '获得积分',
  '订阅提醒',
]
