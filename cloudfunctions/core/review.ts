/**
 * The SOP autopilot's rules (SPEC §8): when a task is due and what the timer does with it, and the
 * review (复盘) written at T+1d — its figures, the reach targets beside the actual figures, and the
 * comparison with the community's previous activities of the same kind. Pure: the `sop` function
 * gathers the counts and hands them in.
 */
import {
  REACH_TARGETS,
  SOP_STEPS,
  type ActivityDoc,
  type ActivityKind,
  type ActivitySize,
  type SopStep,
  type TaskDoc,
} from './activities'
import { shanghaiDayKey, shanghaiDayStart, addDays } from './time'
import type { QuestionStats } from './survey'

export const SOP_STEP_NAMES = Object.fromEntries(SOP_STEPS.map((s) => [s.step, s.name])) as Record<
  SopStep,
  string
>

/** Steps where staff record the reach they achieved (as a percentage) when they mark them done. */
export const REACH_STEPS: readonly SopStep[] = ['warmup', 'notify']

/** How many earlier reviews of the same kind the comparison averages. */
export const COMPARE_WITH = 5

// ── Due logic ──

export type TaskStatus = 'upcoming' | 'due' | 'overdue' | 'done' | 'skipped' | 'cancelled'

/**
 * An open task is `due` on its day once its time has come, and `overdue` once that day has passed
 * without it being done: staff see both on the tasks page.
 */
export function taskStatus(task: Pick<TaskDoc, 'state' | 'dueAt'>, now: Date): TaskStatus {
  if (task.state !== 'open') return task.state
  const due = new Date(task.dueAt)
  if (due.getTime() > now.getTime()) return 'upcoming'
  return shanghaiDayKey(due) < shanghaiDayKey(now) ? 'overdue' : 'due'
}

/** The end of `now`'s Shanghai day: the tasks page lists open tasks due before it. */
export function endOfToday(now: Date): Date {
  return shanghaiDayStart(addDays(shanghaiDayKey(now), 1))
}

/** What the timer does with a due `auto` task, given its activity (null: the activity is gone). */
export type AutoDecision = { run: true } | { run: false; state: 'skipped' | 'cancelled'; result: string }

export function autoDecision(
  task: Pick<TaskDoc, 'step' | 'dueAt' | 'state' | 'auto'>,
  activity: Pick<ActivityDoc, 'stage' | 'startAt' | 'endAt'> | null,
  now: Date,
): AutoDecision | null {
  if (!task.auto || task.state !== 'open' || new Date(task.dueAt).getTime() > now.getTime()) return null
  if (!activity || activity.stage === 'cancelled' || activity.stage === 'draft')
    return { run: false, state: 'cancelled', result: '活动已取消' }
  // A reminder after the activity has ended would only confuse; the review counts it as not sent.
  if (task.step === 'remind' && now.getTime() >= new Date(activity.endAt).getTime())
    return { run: false, state: 'skipped', result: '活动已结束，未发送提醒' }
  return { run: true }
}

// ── Reminder outcome ──

export interface ReminderCounts {
  sent: number
  notSubscribed: number
  failed: number
}

/**
 * The counts of a finished reminder run, from the confirmed sign-ups at the time: those whose
 * subscription was used, those who never subscribed, and the rest (the send failed).
 */
export function reminderCounts(confirmed: number, sent: number, notSubscribed: number): ReminderCounts {
  return { sent, notSubscribed, failed: Math.max(0, confirmed - sent - notSubscribed) }
}

/** The task's result line, e.g. "已提醒 42 人，3 人未订阅". */
export function reminderResult(c: ReminderCounts): string {
  const parts = [`已提醒 ${c.sent} 人`]
  if (c.notSubscribed) parts.push(`${c.notSubscribed} 人未订阅`)
  if (c.failed) parts.push(`${c.failed} 人发送失败`)
  return parts.join('，')
}

export function thanksResult(attended: number): string {
  return attended ? `已向 ${attended} 位到场成员致谢` : '无人到场，未发送感谢'
}

// ── The review ──

/** The counts the review reads (gathered by the `sop` function). */
export interface ReviewInput {
  activity: Pick<ActivityDoc, '_id' | 'communityId' | 'title' | 'kind' | 'size' | 'startAt'>
  /** Every sign-up row, whatever became of it. */
  signups: number
  confirmed: number
  waitlisted: number
  cancelled: number
  attended: number
  newMembers: number
  pointsPaid: number
  /** The reminder run's counts, or null when it did not run. */
  reminders: ReminderCounts | null
  /** The reach staff recorded when they marked the warm-up done (0–100), or null. */
  warmupReachPercent: number | null
  survey: ReviewSurvey | null
  /** Earlier reviews of the same kind in the community, newest first. */
  previous: Pick<ReviewDoc, 'figures'>[]
}

export interface ReviewFigures {
  signups: number
  confirmed: number
  waitlisted: number
  cancelled: number
  attended: number
  /** attended / confirmed, 0–1 (0 without confirmed sign-ups). */
  attendanceRate: number
  noShows: number
  newMembers: number
  pointsPaid: number
  reminded: number
  notSubscribed: number
  reminderFailed: number
}

export interface ReachFigure {
  key: keyof typeof REACH_TARGETS
  name: string
  target: number
  /** 0–1, or null when there is nothing to measure. */
  actual: number | null
  met: boolean | null
}

export interface ComparisonFigure {
  key: 'signups' | 'attended' | 'attendanceRate' | 'newMembers'
  name: string
  current: number
  /** The average of the earlier activities. */
  average: number
  /** current − average. */
  delta: number
}

export interface Comparison {
  /** How many earlier activities of the kind the averages cover. */
  count: number
  figures: ComparisonFigure[]
}

export interface ReviewSurvey {
  surveyId: string
  title: string
  responses: number
  questions: QuestionStats[]
}

/** An `activity_reviews` doc, _id the activity id. */
export interface ReviewDoc {
  _id: string
  communityId: string
  activityId: string
  title: string
  kind: ActivityKind
  size: ActivitySize
  startAt: Date
  figures: ReviewFigures
  reach: ReachFigure[]
  comparison: Comparison | null
  survey: ReviewSurvey | null
  createdAt: Date
}

const REACH_NAMES: Record<keyof typeof REACH_TARGETS, string> = {
  warmupReach: '预热触达率',
  reminderAccuracy: '提醒准确率',
}

const COMPARE_NAMES: Record<ComparisonFigure['key'], string> = {
  signups: '报名人数',
  attended: '到场人数',
  attendanceRate: '到场率',
  newMembers: '带来新成员',
}

/** A ratio rounded to 3 decimals (a percentage with one decimal). */
export function ratio(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0
}

export function reviewFigures(input: Omit<ReviewInput, 'activity' | 'survey' | 'previous'>): ReviewFigures {
  const r = input.reminders ?? { sent: 0, notSubscribed: 0, failed: 0 }
  return {
    signups: input.signups,
    confirmed: input.confirmed,
    waitlisted: input.waitlisted,
    cancelled: input.cancelled,
    attended: input.attended,
    attendanceRate: ratio(input.attended, input.confirmed),
    noShows: Math.max(0, input.confirmed - input.attended),
    newMembers: input.newMembers,
    pointsPaid: input.pointsPaid,
    reminded: r.sent,
    notSubscribed: r.notSubscribed,
    reminderFailed: r.failed,
  }
}

/**
 * Targets beside the actual figures (SPEC / seed 002): warm-up reach as staff recorded it, and the
 * reminder accuracy — of everyone confirmed at T−1h, the share a reminder reached.
 */
export function reachFigures(
  reminders: ReminderCounts | null,
  warmupReachPercent: number | null,
): ReachFigure[] {
  const targeted = reminders ? reminders.sent + reminders.notSubscribed + reminders.failed : 0
  const actual = {
    warmupReach: warmupReachPercent === null ? null : Math.round(warmupReachPercent * 10) / 1000,
    reminderAccuracy: reminders && targeted > 0 ? ratio(reminders.sent, targeted) : null,
  }
  return (Object.keys(REACH_TARGETS) as (keyof typeof REACH_TARGETS)[]).map((key) => ({
    key,
    name: REACH_NAMES[key],
    target: REACH_TARGETS[key],
    actual: actual[key],
    met: actual[key] === null ? null : actual[key]! >= REACH_TARGETS[key],
  }))
}

/** The figures beside the average of the last COMPARE_WITH earlier activities of the same kind. */
export function compareWithPrevious(
  current: ReviewFigures,
  previous: Pick<ReviewDoc, 'figures'>[],
): Comparison | null {
  const earlier = previous.slice(0, COMPARE_WITH)
  if (!earlier.length) return null
  const keys = Object.keys(COMPARE_NAMES) as ComparisonFigure['key'][]
  return {
    count: earlier.length,
    figures: keys.map((key) => {
      const sum = earlier.reduce((total, p) => total + p.figures[key], 0)
      const precision = key === 'attendanceRate' ? 1000 : 10
      const average = Math.round((sum / earlier.length) * precision) / precision
      return {
        key,
        name: COMPARE_NAMES[key],
        current: current[key],
        average,
        delta: Math.round((current[key] - average) * precision) / precision,
      }
    }),
  }
}

export function buildReview(input: ReviewInput, now: Date): ReviewDoc {
  const { activity } = input
  const figures = reviewFigures(input)
  return {
    _id: activity._id,
    communityId: activity.communityId,
    activityId: activity._id,
    title: activity.title,
    kind: activity.kind,
    size: activity.size,
    startAt: activity.startAt,
    figures,
    reach: reachFigures(input.reminders, input.warmupReachPercent),
    comparison: compareWithPrevious(figures, input.previous),
    survey: input.survey,
    createdAt: now,
  }
}
