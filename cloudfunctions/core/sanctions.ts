/**
 * The violations ladder (SPEC §9) and who may speak when: pure rules, time passed in.
 *
 * Each new violation takes the member one step up from the highest step among their live
 * violations (unexpired, not overturned on appeal): 1 private warning, 2 public naming, 3 a 24-hour
 * mute, 4 removal. Violations expire (default 180 days); a member appeals each once, in writing.
 * Quiet hours close member text for a daily Asia/Shanghai window, which may cross midnight.
 */
import { DAY_MS, shanghaiDateTimeText } from './time'
import type { Role } from './roles'

export const LADDER_STEPS = [1, 2, 3, 4] as const
export type LadderStep = (typeof LADDER_STEPS)[number]

export const STEP_NAMES: Record<LadderStep, string> = {
  1: '私下提醒',
  2: '公开点名',
  3: '禁言 24 小时',
  4: '移出社群',
}

export const MUTE_HOURS = 24
export const DEFAULT_EXPIRY_DAYS = 180
export const EXPIRY_DAYS_MIN = 7
export const EXPIRY_DAYS_MAX = 730
/** How long a public naming stays on the notice board. */
export const NOTICE_DAYS = 30
export const REASON_MAX = 200
export const EVIDENCE_TEXT_MAX = 500
export const APPEAL_MAX = 500

export interface QuietHours {
  enabled: boolean
  /** 'HH:mm', Asia/Shanghai. A window whose start is after its end crosses midnight. */
  start: string
  end: string
}

export interface SanctionSettings {
  expiryDays: number
  /** Staff may take a serious case past the next step (e.g. straight to removal). */
  allowSkip: boolean
  quietHours: QuietHours
}

/** SPEC's window (22:00–08:00), off until the owner turns it on. */
export const DEFAULT_SANCTION_SETTINGS: SanctionSettings = {
  expiryDays: DEFAULT_EXPIRY_DAYS,
  allowSkip: false,
  quietHours: { enabled: false, start: '22:00', end: '08:00' },
}

export function effectiveSanctionSettings(saved?: Partial<SanctionSettings> | null): SanctionSettings {
  return {
    expiryDays: saved?.expiryDays ?? DEFAULT_SANCTION_SETTINGS.expiryDays,
    allowSkip: saved?.allowSkip ?? DEFAULT_SANCTION_SETTINGS.allowSkip,
    quietHours: { ...DEFAULT_SANCTION_SETTINGS.quietHours, ...(saved?.quietHours ?? {}) },
  }
}

export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/

export type AppealDecision = 'upheld' | 'overturned'

export interface AppealRecord {
  text: string
  at: Date | string
  decision?: AppealDecision
  decidedBy?: string
  decidedAt?: Date | string
}

/** What the ladder reads of a violation. */
export interface ViolationRecord {
  step: LadderStep
  createdAt: Date | string
  expiresAt: Date | string
  appeal?: AppealRecord | null
}

const ms = (at: Date | string) => new Date(at).getTime()

export function isOverturned(v: Pick<ViolationRecord, 'appeal'>): boolean {
  return v.appeal?.decision === 'overturned'
}

/** Counts on the ladder: not expired and not overturned. */
export function isLive(v: ViolationRecord, now: Date): boolean {
  return !isOverturned(v) && ms(v.expiresAt) > now.getTime()
}

export type ViolationState = 'live' | 'expired' | 'overturned'

export function violationState(v: ViolationRecord, now: Date): ViolationState {
  if (isOverturned(v)) return 'overturned'
  return isLive(v, now) ? 'live' : 'expired'
}

/** The step the next violation takes the member to: one above the highest live step (at most 4). */
export function nextStep(violations: readonly ViolationRecord[], now: Date): LadderStep {
  const highest = violations.filter((v) => isLive(v, now)).reduce((top, v) => Math.max(top, v.step), 0)
  return Math.min(4, highest + 1) as LadderStep
}

/**
 * The step a recorded violation takes: the next one, or a later one staff chose for a serious case
 * when the owner allows skipping. Never below the next step. A problem is a sentence for staff.
 */
export function chooseStep(
  next: LadderStep,
  requested: LadderStep | undefined,
  allowSkip: boolean,
): { step: LadderStep } | { problem: string } {
  if (requested === undefined || requested === next) return { step: next }
  if (requested < next) return { problem: `这位成员的下一步是「${STEP_NAMES[next]}」，不能退回更低的一步` }
  if (!allowSkip) return { problem: '主理人没有允许跳级处理，请按阶梯逐级记录' }
  return { step: requested }
}

export function violationExpiresAt(at: Date, expiryDays: number): Date {
  return new Date(at.getTime() + expiryDays * DAY_MS)
}

export function muteEndsAt(at: Date): Date {
  return new Date(at.getTime() + MUTE_HOURS * 3_600_000)
}

/** Why a member may not appeal this violation now, or null when they may. */
export function appealProblem(v: ViolationRecord, now: Date): string | null {
  if (v.appeal) return '每条违规只能申诉一次'
  if (!isLive(v, now)) return '这条违规已经过期，不需要申诉'
  return null
}

/** Who may be sanctioned by whom: never the owner, and an admin not another admin. */
export function maySanction(by: Role, target: Role): boolean {
  if (target === 'owner') return false
  if (target === 'admin') return by === 'owner'
  return true
}

// ── Quiet hours ────────────────────────────────────────────────────────────────────────────────

const SHANGHAI_OFFSET_MIN = 8 * 60
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))

/**
 * When the quiet window that `now` falls in ends, or null outside it (or when off). A window whose
 * start equals its end is empty.
 */
export function quietHoursEnd(quiet: QuietHours, now: Date): Date | null {
  if (!quiet.enabled) return null
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  if (start === end) return null
  const localMinutes = Math.floor(now.getTime() / 60_000) + SHANGHAI_OFFSET_MIN
  const minuteOfDay = ((localMinutes % 1440) + 1440) % 1440
  const inside =
    start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end
  if (!inside) return null
  // Minutes from now to the end, wrapping past midnight.
  const untilEnd = (end - minuteOfDay + 1440) % 1440
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000
  return new Date(startOfMinute + untilEnd * 60_000)
}

export type SpeechBlock = { reason: 'muted' | 'quiet'; until: Date; message: string }

/**
 * Whether a member may post text now: muted (the ladder's step 3) or in quiet hours, with a
 * sentence that says until when. A mute wins: it usually lasts longer.
 */
export function speechBlock(input: {
  mutedUntil?: Date | string | null
  quiet: QuietHours
  now: Date
}): SpeechBlock | null {
  const { now } = input
  if (input.mutedUntil && ms(input.mutedUntil) > now.getTime()) {
    const until = new Date(input.mutedUntil)
    return { reason: 'muted', until, message: `你已被禁言，${shanghaiDateTimeText(until)} 后才能发言` }
  }
  const end = quietHoursEnd(input.quiet, now)
  if (end)
    return {
      reason: 'quiet',
      until: end,
      message: `现在是社群的安静时段（${input.quiet.start}–${input.quiet.end}），${shanghaiDateTimeText(end)} 后可以发言`,
    }
  return null
}
