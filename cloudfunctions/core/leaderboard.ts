/**
 * Leaderboards (SPEC §5) and the monthly Top 3: board kinds, period keys, the tie rule, the counters
 * a member document keeps for the boards, and who wins the month. Pure: time is a parameter.
 *
 * A board is one index range over `members` (core/schema.ts): equality on community, `ranked` and the
 * period key, sorted by the value. Counters are keyed by their period, so when a week or month rolls
 * over the old keys simply stop matching and the new board starts empty with no reset job.
 */
import { runLength, type Run } from './checkin'
import { HISTORY_IMPORT_SOURCE } from './points'
import { isStaff } from './rights'
import type { Role } from './roles'
import { addDays, addMonths, shanghaiDayKey, shanghaiMonthKey, shanghaiWeekKey } from './time'

export const BOARD_KINDS = ['total', 'week', 'month', 'streak'] as const
export type BoardKind = (typeof BOARD_KINDS)[number]

export const BOARD_NAMES: Record<BoardKind, string> = {
  total: '总榜',
  week: '本周',
  month: '本月',
  streak: '连续打卡',
}

/** How a board's value reads: points or days. */
export const BOARD_UNITS: Record<BoardKind, string> = { total: '分', week: '分', month: '分', streak: '天' }

/** Rows a board shows; the member's own rank is shown beside them however far down they are. */
export const BOARD_LIMIT = 50

/** The period keys a board query needs at `now`. */
export interface PeriodKeys {
  today: string
  yesterday: string
  week: string
  month: string
}

export function periodKeys(now: Date): PeriodKeys {
  const today = shanghaiDayKey(now)
  return { today, yesterday: addDays(today, -1), week: shanghaiWeekKey(now), month: shanghaiMonthKey(now) }
}

/** '11月' from '2026-11'. */
export function monthName(monthKey: string): string {
  return `${Number(monthKey.slice(5, 7))}月`
}

function shortDay(dayKey: string): string {
  return `${Number(dayKey.slice(5, 7))}月${Number(dayKey.slice(8, 10))}日`
}

/** The line under a board's title: what it counts and over which period. */
export function boardLabel(kind: BoardKind, now: Date): string {
  const keys = periodKeys(now)
  if (kind === 'week') return `本周（${shortDay(keys.week)}–${shortDay(addDays(keys.week, 6))}）获得的积分`
  if (kind === 'month') return `${keys.month.slice(0, 4)}年${monthName(keys.month)}获得的积分`
  if (kind === 'streak') return '当前连续打卡天数（今天或昨天打过卡）'
  return '累计获得的积分'
}

/**
 * Competition ranking ("1224"): a member's rank is 1 + the number of members with a strictly higher
 * value, so ties share a rank and the next rank skips. `values` must be sorted high to low.
 */
export function competitionRanks(values: readonly number[]): number[] {
  const ranks: number[] = []
  values.forEach((value, i) => ranks.push(i > 0 && values[i - 1] === value ? ranks[i - 1] : i + 1))
  return ranks
}

// ── Staff on the boards ──

export const TOP3_PLACES = 3
export const TOP3_POINTS_MAX = 10_000

export interface RankSettings {
  /** Keep owners, admins and organisers off every board and out of the Top 3. */
  hideStaff: boolean
  top3: {
    enabled: boolean
    /** Points for 1st, 2nd and 3rd place. */
    points: [number, number, number]
  }
}

export const DEFAULT_RANK_SETTINGS: RankSettings = {
  hideStaff: false,
  top3: { enabled: true, points: [500, 300, 100] },
}

export function effectiveRankSettings(saved?: Partial<RankSettings> | null): RankSettings {
  return {
    hideStaff: saved?.hideStaff ?? DEFAULT_RANK_SETTINGS.hideStaff,
    top3: { ...DEFAULT_RANK_SETTINGS.top3, ...(saved?.top3 ?? {}) },
  }
}

/** Whether a member with `role` appears on the boards (the member document's `ranked`). */
export function isRanked(role: Role, hideStaff: boolean): boolean {
  return !(hideStaff && isStaff(role))
}

// ── The counters a member document keeps ──

/** Earned points per period, on the member document (maintained by runtime/ledger.ts). */
export interface PeriodCounters {
  weekKey: string | null
  weekEarned: number
  monthKey: string | null
  monthEarned: number
  /**
   * The month before `monthKey` when the member earned in it, kept when a new month starts so the
   * Top-3 job still sees last month after the member has earned in the new one.
   */
  prevMonthKey: string | null
  prevMonthEarned: number
}

/**
 * Whether points from `source` count on the week and month boards (and so the monthly Top 3).
 * A survey pays in one go what 60 daily check-ins pay, so a newcomer who answered one survey would
 * top the week (issue 15 item 8); the period boards measure steady activity, so survey rewards and
 * imported history count toward the balance, the level and the all-time board only.
 */
export function countsOnPeriodBoards(source: string | null | undefined): boolean {
  return source !== HISTORY_IMPORT_SOURCE && !String(source ?? '').startsWith('survey:')
}

/** The counters after `earned` more points at `now`; a new period starts from zero. */
export function countEarned(current: Partial<PeriodCounters>, earned: number, now: Date): PeriodCounters {
  const week = shanghaiWeekKey(now)
  const month = shanghaiMonthKey(now)
  const sameMonth = current.monthKey === month
  const movePrev = !sameMonth && !!current.monthKey
  return {
    weekKey: week,
    weekEarned: (current.weekKey === week ? (current.weekEarned ?? 0) : 0) + earned,
    monthKey: month,
    monthEarned: (sameMonth ? (current.monthEarned ?? 0) : 0) + earned,
    prevMonthKey: movePrev ? (current.monthKey ?? null) : (current.prevMonthKey ?? null),
    prevMonthEarned: movePrev ? (current.monthEarned ?? 0) : (current.prevMonthEarned ?? 0),
  }
}

/** A member's earned points in `monthKey` from their counters (0 when they earned nothing then). */
export function earnedInMonth(counters: Partial<PeriodCounters>, monthKey: string): number {
  if (counters.monthKey === monthKey) return counters.monthEarned ?? 0
  if (counters.prevMonthKey === monthKey) return counters.prevMonthEarned ?? 0
  return 0
}

/** The member's latest streak run, for the streak board: its length and its last day. */
export function streakFields(runs: readonly Run[]): { streak: number; streakDay: string | null } {
  const last = runs[runs.length - 1]
  if (!last) return { streak: 0, streakDay: null }
  return { streak: runLength(last), streakDay: last.end }
}

/** The current streak shown on the board: only a run that ended today or yesterday is still alive. */
export function currentStreakValue(
  fields: { streak?: number; streakDay?: string | null },
  keys: Pick<PeriodKeys, 'today' | 'yesterday'>,
): number {
  return fields.streakDay === keys.today || fields.streakDay === keys.yesterday ? (fields.streak ?? 0) : 0
}

// ── The monthly Top 3 ──

/** The month the Top-3 job pays for when it runs at `now`: the one before. */
export function top3Month(now: Date): string {
  return addMonths(shanghaiMonthKey(now), -1)
}

/** The ledger source of a Top-3 reward: one payment per member per month. */
export function top3Source(monthKey: string): string {
  return `top3:${monthKey}`
}

export interface Top3Winner<T> {
  candidate: T
  rank: number
  points: number
}

/**
 * Who wins the month. Competition ranking decides; everyone whose rank is 1–3 wins the reward of
 * their rank, so ties at the boundary are all paid: 100/90/90/80 pays 1st, 2nd, 2nd (80 is 4th);
 * 100/100/90 pays 1st, 1st, 3rd. Nobody with 0 points wins.
 */
export function top3Winners<T extends { value: number }>(
  candidates: readonly T[],
  points: readonly number[],
): Top3Winner<T>[] {
  const sorted = candidates.filter((c) => c.value > 0).sort((a, b) => b.value - a.value)
  const ranks = competitionRanks(sorted.map((c) => c.value))
  const winners: Top3Winner<T>[] = []
  sorted.forEach((candidate, i) => {
    if (ranks[i] <= TOP3_PLACES)
      winners.push({ candidate, rank: ranks[i], points: points[ranks[i] - 1] ?? 0 })
  })
  return winners
}
