/**
 * Every date a person reads in the app, in one style and in Asia/Shanghai time whatever the phone's
 * zone: 12月5日, 2026年12月5日, 12月5日 20:30. Day keys ('YYYY-MM-DD') read the same way.
 */
import { shanghaiDateTimeText } from '@core/time'

export type When = string | number | Date

function partsOf(at: When): { year: number; month: number; day: number; time: string } {
  const [date, time] = shanghaiDateTimeText(new Date(at)).split(' ')
  const [year, month, day] = date!.split('-').map(Number)
  return { year: year!, month: month!, day: day!, time: time! }
}

/** 12月5日 */
export function dayText(at: When): string {
  const { month, day } = partsOf(at)
  return `${month}月${day}日`
}

/** 2026年12月5日 */
export function dateText(at: When): string {
  const { year, month, day } = partsOf(at)
  return `${year}年${month}月${day}日`
}

/** 12月5日 20:30 */
export function dateTimeText(at: When): string {
  const { month, day, time } = partsOf(at)
  return `${month}月${day}日 ${time}`
}

/** 2026年12月5日 20:30 */
export function fullDateTimeText(at: When): string {
  const { year, month, day, time } = partsOf(at)
  return `${year}年${month}月${day}日 ${time}`
}

/** 20:30 */
export function timeText(at: When): string {
  return partsOf(at).time
}

/** A day key ('2026-12-05', already a Shanghai day) as 12月5日. */
export function dayKeyText(dayKey: string): string {
  const [, month, day] = dayKey.split('-').map(Number)
  return `${month}月${day}日`
}

/** A day key as 2026年12月5日. */
export function dayKeyDateText(dayKey: string): string {
  const [year, month, day] = dayKey.split('-').map(Number)
  return `${year}年${month}月${day}日`
}
