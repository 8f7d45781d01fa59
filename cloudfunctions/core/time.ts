/**
 * All day arithmetic of the product (house rule 4). Days are Asia/Shanghai days (UTC+8, no daylight
 * saving). Cloud functions run in UTC, so every day key is made here and nowhere else; the calendar
 * arithmetic on day keys ('YYYY-MM-DD') and month keys ('YYYY-MM') lives here too.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** One day in milliseconds, for spans measured in whole days ("30 days since…"). */
export const DAY_MS = 86_400_000

/** 'YYYY-MM-DD' of the Asia/Shanghai calendar day that contains `at`. */
export function shanghaiDayKey(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The UTC instant at which the Asia/Shanghai day `dayKey` starts. */
export function shanghaiDayStart(dayKey: string): Date {
  return new Date(Date.parse(`${dayKey}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS)
}

/**
 * The Asia/Shanghai week (Monday to Sunday) that contains `at`, keyed by its Monday: 'YYYY-MM-DD'.
 * Weekly counters, scores and boards all use this key.
 */
export function shanghaiWeekKey(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS)
  const sinceMonday = (local.getUTCDay() + 6) % 7
  return new Date(local.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10)
}

/** The Monday key of the week `weeks` weeks after (negative: before) the week keyed `weekKey`. */
export function addWeeks(weekKey: string, weeks: number): string {
  return new Date(Date.parse(`${weekKey}T00:00:00.000Z`) + weeks * 7 * DAY_MS).toISOString().slice(0, 10)
}

/** The Asia/Shanghai calendar month that contains `at`: 'YYYY-MM'. */
export function shanghaiMonthKey(at: Date): string {
  return shanghaiDayKey(at).slice(0, 7)
}

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai, for exports people read. */
export function shanghaiDateTimeText(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}

// ── Calendar arithmetic on day and month keys (no time zone: a key already names its day) ──────

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/

/**
 * The days the product takes as input at all. Calendar arithmetic past year 9999 leaves the
 * four-digit form ('+010000-01-01'), so unbounded keys would break comparisons and loops.
 */
export const EARLIEST_DAY = '2000-01-01'
export const LATEST_DAY = '2099-12-31'

export function isDayKey(value: string): boolean {
  if (!DAY_KEY.test(value) || value < EARLIEST_DAY || value > LATEST_DAY) return false
  const t = Date.parse(`${value}T00:00:00.000Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value
}

/** The day key `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00.000Z`) - Date.parse(`${a}T00:00:00.000Z`)) / DAY_MS)
}

/** The weekday of a day key: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00.000Z`).getUTCDay()
}

export function isMonthKey(value: string): boolean {
  return (
    /^\d{4}-(0[1-9]|1[0-2])$/.test(value) &&
    value >= EARLIEST_DAY.slice(0, 7) &&
    value <= LATEST_DAY.slice(0, 7)
  )
}

/** The first and last day keys of a 'YYYY-MM' month. */
export function monthRange(month: string): { first: string; last: string } {
  const first = `${month}-01`
  const [y, m] = month.split('-').map(Number)
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
  return { first, last }
}

/** The month key of a day key. */
export function monthOf(day: string): string {
  return day.slice(0, 7)
}

/** The month before or after `month` by `n`. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7)
}
