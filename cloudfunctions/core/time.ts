/**
 * Days are Asia/Shanghai days (UTC+8, no daylight saving). Cloud functions run in UTC, so every
 * day key in the product goes through here and nowhere else.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

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
  return new Date(local.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10)
}

/** The Monday key of the week `weeks` weeks after (negative: before) the week keyed `weekKey`. */
export function addWeeks(weekKey: string, weeks: number): string {
  return new Date(Date.parse(`${weekKey}T00:00:00.000Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10)
}

/** The Asia/Shanghai calendar month that contains `at`: 'YYYY-MM'. */
export function shanghaiMonthKey(at: Date): string {
  return shanghaiDayKey(at).slice(0, 7)
}

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai, for exports people read. */
export function shanghaiDateTimeText(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}
