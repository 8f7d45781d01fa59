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
