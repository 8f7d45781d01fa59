/**
 * Recurring activities (SPEC §8): the daily rhythm (早报, 晚间问答), weekly themes (Mon 晒书桌,
 * Wed 话题日, Fri 吐槽大会) and the monthly celebration. A series rule names the days it falls on;
 * each occurrence becomes its own `activities` doc (editable or skippable one at a time). All days
 * and times are Asia/Shanghai (UTC+8, no daylight saving), so month and year ends need no care
 * beyond the day-key arithmetic of core/time.
 */
import type { ActivityKind, ActivitySize } from './activities'
import { addDays, daysBetween, isDayKey, monthRange, shanghaiDayStart, weekdayOf } from './time'

export const SERIES_FREQS = ['daily', 'weekly', 'monthly'] as const
export type SeriesFreq = (typeof SERIES_FREQS)[number]

/** When a series falls. `weekdays`: 0 = Sunday … 6 = Saturday. `monthDay` past a month's end falls on its last day. */
export type SeriesRule =
  { freq: 'daily' } | { freq: 'weekly'; weekdays: number[] } | { freq: 'monthly'; monthDay: number | 'last' }

/** The longest span one series generates at once (a daily series: 92 occurrences). */
export const SERIES_MAX_DAYS = 92

export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

/** The day keys from `fromDay` to `untilDay` (both included) on which the rule falls. */
export function occurrenceDays(rule: SeriesRule, fromDay: string, untilDay: string): string[] {
  const days: string[] = []
  const span = daysBetween(fromDay, untilDay)
  for (let i = 0; i <= span; i += 1) {
    const day = addDays(fromDay, i)
    if (fallsOn(rule, day)) days.push(day)
  }
  return days
}

function fallsOn(rule: SeriesRule, day: string): boolean {
  if (rule.freq === 'daily') return true
  if (rule.freq === 'weekly') return rule.weekdays.includes(weekdayOf(day))
  const { last } = monthRange(day.slice(0, 7))
  const lastDate = Number(last.slice(8))
  const wanted = rule.monthDay === 'last' ? lastDate : Math.min(rule.monthDay, lastDate)
  return Number(day.slice(8)) === wanted
}

/** The instant an occurrence on `day` at `clock` ('HH:mm', Shanghai) starts. */
export function occurrenceStart(day: string, clock: string): Date {
  const [h, m] = clock.split(':').map(Number)
  return new Date(shanghaiDayStart(day).getTime() + (h * 60 + m) * 60_000)
}

/** The id of a series' occurrence: one per day, so generating again never doubles one. */
export function occurrenceId(seriesId: string, day: string): string {
  return `${seriesId}:${day}`
}

/** What is wrong with a series' span, or null. */
export function seriesSpanRefusal(fromDay: string, untilDay: string, today: string): string | null {
  if (!isDayKey(fromDay) || !isDayKey(untilDay)) return '日期格式不对'
  if (fromDay < today) return '开始日期不能早于今天'
  if (untilDay < fromDay) return '结束日期不能早于开始日期'
  if (daysBetween(fromDay, untilDay) >= SERIES_MAX_DAYS) return `一次最多排 ${SERIES_MAX_DAYS} 天`
  return null
}

/** How a rule reads to staff: 每天 / 每周一、三、五 / 每月 15 日 / 每月最后一天. */
export function ruleText(rule: SeriesRule): string {
  if (rule.freq === 'daily') return '每天'
  if (rule.freq === 'weekly')
    return `每${[...rule.weekdays]
      .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
      .map((d) => WEEKDAY_NAMES[d])
      .join('、')}`
  return rule.monthDay === 'last' ? '每月最后一天' : `每月 ${rule.monthDay} 日`
}

/** The community rhythm from the articles, offered as ready-made series in the editor. */
export interface SeriesPreset {
  key: string
  title: string
  kind: ActivityKind
  size: ActivitySize
  rule: SeriesRule
  clock: string
  durationMin: number
}

export const SERIES_PRESETS: readonly SeriesPreset[] = [
  {
    key: 'morning',
    title: '早报',
    kind: 'lecture',
    size: 'small',
    rule: { freq: 'daily' },
    clock: '08:00',
    durationMin: 30,
  },
  {
    key: 'evening',
    title: '晚间问答',
    kind: 'interaction',
    size: 'small',
    rule: { freq: 'daily' },
    clock: '21:00',
    durationMin: 60,
  },
  {
    key: 'desk',
    title: '晒书桌',
    kind: 'interaction',
    size: 'small',
    rule: { freq: 'weekly', weekdays: [1] },
    clock: '20:00',
    durationMin: 60,
  },
  {
    key: 'topic',
    title: '话题日',
    kind: 'interaction',
    size: 'small',
    rule: { freq: 'weekly', weekdays: [3] },
    clock: '20:00',
    durationMin: 60,
  },
  {
    key: 'rant',
    title: '吐槽大会',
    kind: 'interaction',
    size: 'medium',
    rule: { freq: 'weekly', weekdays: [5] },
    clock: '20:30',
    durationMin: 90,
  },
  {
    key: 'monthly',
    title: '月度庆典',
    kind: 'benefit',
    size: 'large',
    rule: { freq: 'monthly', monthDay: 'last' },
    clock: '20:00',
    durationMin: 120,
  },
]
