/**
 * Check-in rules (SPEC §2), pure: Asia/Shanghai day keys in, numbers out. Streaks, the month
 * calendar, the make-up window and challenge progress. Time is a parameter; day keys and their
 * arithmetic come from core/time.
 */
import { addDays, daysBetween, isDayKey, monthRange, weekdayOf } from './time'

/** How far back a make-up card (补签卡) reaches: the 7 days before today, today excluded. */
export const MAKEUP_WINDOW_DAYS = 7
export const CHECKIN_NOTE_MAX_LENGTH = 500
export const CHECKIN_PHOTOS_MAX = 3
/** "Continued participation" looks at this many most recent days (today included). */
export const CONTINUED_PARTICIPATION_DAYS = 3
/** The article's health metric: continued participation above 60% is healthy. */
export const CONTINUED_PARTICIPATION_TARGET = 0.6
/**
 * How many recent runs (maximal stretches of consecutive days) a member's check-in state keeps. A make-up only
 * touches runs that end within the window, so a handful is plenty; `longest` keeps the rest.
 */
export const KEPT_RUNS = 20

/** The check-in document of a member's day: one per member per community per day, by its id. */
export function checkinId(communityId: string, openid: string, day: string): string {
  return `${communityId}:${openid}:${day}`
}

/**
 * A check-in as members see it in the feed: the author's public id and the day (runtime/public-id.ts),
 * never the stored id, which holds the author's openid. Like and feature take this id.
 */
export function feedItemId(publicId: string, day: string): string {
  return `${publicId}:${day}`
}

export function parseFeedItemId(id: string): { publicId: string; day: string } | null {
  const m = /^([A-Za-z0-9_-]{16}):(\d{4}-\d{2}-\d{2})$/.exec(id)
  return m && isDayKey(m[2]) ? { publicId: m[1], day: m[2] } : null
}

export function likeId(checkinDocId: string, openid: string): string {
  return `${checkinDocId}:${openid}`
}

export function challengeMemberId(challengeId: string, openid: string): string {
  return `${challengeId}:${openid}`
}

// ── Streaks ────────────────────────────────────────────────────────────────────────────────

/** A maximal stretch of consecutive checked-in days, both ends included. */
export interface Run {
  start: string
  end: string
}

export interface StreakStats {
  /** The run that ends today, or yesterday (today is still open): 0 once a day was missed. */
  current: number
  longest: number
  total: number
  lastDay: string | null
}

export function runLength(run: Run): number {
  return daysBetween(run.start, run.end) + 1
}

/** The runs of a set of days, oldest first. */
export function runsFromDays(days: Iterable<string>): Run[] {
  const sorted = [...new Set(days)].sort()
  const runs: Run[] = []
  for (const day of sorted) {
    const last = runs[runs.length - 1]
    if (last && addDays(last.end, 1) === day) last.end = day
    else runs.push({ start: day, end: day })
  }
  return runs
}

/**
 * Add one day to runs (oldest first): it extends a neighbour, bridges two runs into one (a make-up
 * that fills a gap), or starts a run of its own. A day already inside a run changes nothing.
 */
export function addDayToRuns(runs: readonly Run[], day: string): Run[] {
  const next = runs.map((r) => ({ ...r }))
  if (next.some((r) => r.start <= day && day <= r.end)) return next
  const before = next.find((r) => addDays(r.end, 1) === day)
  const after = next.find((r) => addDays(r.start, -1) === day)
  if (before && after) {
    before.end = after.end
    next.splice(next.indexOf(after), 1)
  } else if (before) before.end = day
  else if (after) after.start = day
  else next.push({ start: day, end: day })
  return next.sort((a, b) => (a.start < b.start ? -1 : 1))
}

/** The current streak on `today`: the run ending today or yesterday. */
export function currentStreak(runs: readonly Run[], today: string): number {
  const live = runs.find((r) => r.end === today || r.end === addDays(today, -1))
  return live ? runLength(live) : 0
}

/** Stats from every day a member checked in (seeds and tests; functions keep runs incrementally). */
export function streakStats(days: Iterable<string>, today: string): StreakStats {
  const runs = runsFromDays(days)
  const total = runs.reduce((sum, r) => sum + runLength(r), 0)
  return {
    current: currentStreak(runs, today),
    longest: runs.reduce((max, r) => Math.max(max, runLength(r)), 0),
    total,
    lastDay: runs.length ? runs[runs.length - 1].end : null,
  }
}

/** What a member's check-in state keeps of their days: recent runs plus the all-time numbers. */
export interface StreakState {
  runs: Run[]
  longest: number
  total: number
}

export const EMPTY_STREAK_STATE: StreakState = { runs: [], longest: 0, total: 0 }

/** The check-in state kept on the member document (`members.checkinState`). */
export interface CheckinState extends StreakState {
  /** Challenges whose progress a new day may still change (dropped once out of reach). */
  activeChallenges: string[]
}

/**
 * The state a member stored before it had one of its own, from the board's fields (the latest run's
 * length and last day): enough to know whether today is checked and to carry the current streak on.
 */
export function stateFromLatestRun(streak: number, streakDay: string | null): StreakState {
  if (!streakDay || streak <= 0) return EMPTY_STREAK_STATE
  return {
    runs: [{ start: addDays(streakDay, -(streak - 1)), end: streakDay }],
    longest: streak,
    total: streak,
  }
}

/** Record one new day (a check-in or a make-up). The caller makes sure the day is new. */
export function recordDay(state: StreakState, day: string): StreakState {
  const runs = addDayToRuns(state.runs, day)
  const longest = runs.reduce((max, r) => Math.max(max, runLength(r)), state.longest)
  return { runs: runs.slice(-KEPT_RUNS), longest, total: state.total + 1 }
}

export function statsOf(state: StreakState, today: string): StreakStats {
  const last = state.runs[state.runs.length - 1]
  return {
    current: currentStreak(state.runs, today),
    longest: state.longest,
    total: state.total,
    lastDay: last ? last.end : null,
  }
}

// ── Make-up cards ──────────────────────────────────────────────────────────────────────────

/** The days a make-up card may restore on `today`, newest first (today excluded). */
export function makeupWindow(today: string): string[] {
  return Array.from({ length: MAKEUP_WINDOW_DAYS }, (_, i) => addDays(today, -(i + 1)))
}

export type MakeupRefusal =
  'not_a_day' | 'today_or_future' | 'too_old' | 'before_joining' | 'already_checked_in'

export const MAKEUP_REFUSAL_MESSAGES: Record<MakeupRefusal, string> = {
  not_a_day: '日期格式不对',
  today_or_future: '今天和以后的日子不需要补签，直接打卡就好',
  too_old: `只能补签最近 ${MAKEUP_WINDOW_DAYS} 天内漏掉的日子`,
  before_joining: '加入社群之前的日子不能补签',
  already_checked_in: '这一天已经打过卡了',
}

/** Why `day` cannot be made up, or null when a card may restore it. */
export function makeupRefusal(
  day: string,
  today: string,
  joinedDay: string,
  checked: boolean,
): MakeupRefusal | null {
  if (!isDayKey(day)) return 'not_a_day'
  if (day >= today) return 'today_or_future'
  if (daysBetween(day, today) > MAKEUP_WINDOW_DAYS) return 'too_old'
  if (day < joinedDay) return 'before_joining'
  if (checked) return 'already_checked_in'
  return null
}

// ── Calendar ───────────────────────────────────────────────────────────────────────────────

export interface CalendarDay {
  day: string
  /** 1–31 */
  date: number
  /** 0 = Sunday … 6 = Saturday */
  weekday: number
  checked: boolean
  madeUp: boolean
  today: boolean
  future: boolean
  /** Missed, but a make-up card could still restore it. */
  missable: boolean
}

export interface CalendarMonth {
  month: string
  days: CalendarDay[]
  checkedCount: number
  madeUpCount: number
}

/** A month as a member sees it: checked, made-up, missable and future days. */
export function calendarMonth(
  month: string,
  checkins: readonly { day: string; madeUp: boolean }[],
  today: string,
  joinedDay: string,
): CalendarMonth {
  const byDay = new Map(checkins.map((c) => [c.day, c]))
  const { first, last } = monthRange(month)
  const days: CalendarDay[] = []
  // Counted, not compared: a month has at most 31 days whatever its key.
  const length = Math.min(31, daysBetween(first, last) + 1)
  for (let i = 0; i < length; i++) {
    const day = addDays(first, i)
    const c = byDay.get(day)
    days.push({
      day,
      date: Number(day.slice(8)),
      weekday: weekdayOf(day),
      checked: !!c,
      madeUp: !!c?.madeUp,
      today: day === today,
      future: day > today,
      missable: makeupRefusal(day, today, joinedDay, !!c) === null,
    })
  }
  return {
    month,
    days,
    checkedCount: days.filter((d) => d.checked).length,
    madeUpCount: days.filter((d) => d.madeUp).length,
  }
}

// ── Challenges ─────────────────────────────────────────────────────────────────────────────

export const CHALLENGE_TITLE_MAX_LENGTH = 30
export const CHALLENGE_MAX_DAYS = 365
/** How far ahead staff may schedule a challenge's first day. */
export const CHALLENGE_START_MAX_DAYS_AHEAD = 90

/** Why a challenge cannot start on `startDay` (it must be today or within 90 days), or null. */
export function challengeStartRefusal(startDay: string, today: string): string | null {
  if (startDay < today) return '挑战开始日期不能早于今天'
  if (daysBetween(today, startDay) > CHALLENGE_START_MAX_DAYS_AHEAD)
    return `挑战开始日期最晚为 ${CHALLENGE_START_MAX_DAYS_AHEAD} 天后`
  return null
}

/** A challenge of `days` days runs from `startDay` for `days` days: its last day. */
export function challengeEndDay(startDay: string, days: number): string {
  return addDays(startDay, days - 1)
}

export type ChallengePhase = 'upcoming' | 'running' | 'ended'

export function challengePhase(startDay: string, endDay: string, today: string): ChallengePhase {
  if (today < startDay) return 'upcoming'
  if (today > endDay) return 'ended'
  return 'running'
}

/** The first day that counts for a member who joined on `joinDay`. */
export function countsFrom(startDay: string, joinDay: string): string {
  return joinDay > startDay ? joinDay : startDay
}

/** Whether a check-in (or make-up) on `day` counts toward a challenge joined on `joinDay`. */
export function countsForChallenge(
  day: string,
  challenge: { startDay: string; endDay: string },
  joinDay: string,
): boolean {
  return day >= countsFrom(challenge.startDay, joinDay) && day <= challenge.endDay
}

/** Progress: check-in days since joining within the challenge window. */
export function challengeProgress(
  days: Iterable<string>,
  challenge: { startDay: string; endDay: string },
  joinDay: string,
): number {
  let n = 0
  for (const day of new Set(days)) if (countsForChallenge(day, challenge, joinDay)) n++
  return n
}

/**
 * Whether a member at `progress` could still reach `target` by checking in every remaining day of
 * the window from `today` (today counts while it is not checked in yet).
 */
export function challengeReachable(
  progress: number,
  target: number,
  challenge: { startDay: string; endDay: string },
  today: string,
  checkedToday: boolean,
): boolean {
  if (progress >= target) return true
  const from = today < challenge.startDay ? challenge.startDay : checkedToday ? addDays(today, 1) : today
  const left = from > challenge.endDay ? 0 : daysBetween(from, challenge.endDay) + 1
  return progress + left >= target
}

/** A share as a whole percentage, 0 when there is nobody to count. */
export function percentage(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0
}

/** The days that count as "recent" for continued participation, ending at `asOf`. */
export function continuedSince(asOf: string): string {
  return addDays(asOf, -(CONTINUED_PARTICIPATION_DAYS - 1))
}

/**
 * Why the member may not edit or delete their note of `day` now, or null: only on the note's own
 * Asia/Shanghai day, and not once it is 精选 (the mark and its points are for the text as featured).
 */
export function noteChangeRefusal(input: {
  day: string
  today: string
  featured: boolean
}): 'NOTE_DAY_OVER' | 'NOTE_FEATURED' | null {
  if (input.day !== input.today) return 'NOTE_DAY_OVER'
  if (input.featured) return 'NOTE_FEATURED'
  return null
}
