/**
 * The "221" planner (SPEC §8): 2 small events a week, 1 medium every 2 weeks, 1 large a month.
 * It compares a month of a community's calendar with the rule and says what is missing. Weeks are
 * Asia/Shanghai Monday–Sunday; a week belongs to the month of its Thursday (so every week belongs
 * to exactly one month); two-week windows are fixed pairs counted from a Monday anchor, so a week's
 * partner never depends on which month is viewed. Published and finished activities count; drafts
 * are shown beside the counts (planned, not yet out); cancelled ones do not count.
 */
import type { ActivitySize, ActivityStage } from './activities'
import { addDays, addWeeks, daysBetween, monthOf, monthRange, shanghaiWeekKey } from './time'

export const RULE_221 = { smallPerWeek: 2, mediumPerTwoWeeks: 1, largePerMonth: 1 } as const

/** A Monday from which two-week windows are counted. */
const PAIR_ANCHOR = '2000-01-03'

export interface PlannedActivity {
  startAt: Date
  size: ActivitySize
  stage: ActivityStage
}

export interface WeekPlan {
  /** The week's Monday, 'YYYY-MM-DD'. */
  weekKey: string
  small: number
  medium: number
  large: number
  /** Drafts starting this week (not counted until published). */
  drafts: number
  /** Medium events in the two-week window this week belongs to. */
  mediumInWindow: number
  /** What the rule still wants, in words; empty when the week is on plan. */
  missing: string[]
}

export interface MonthPlan {
  month: string
  weeks: WeekPlan[]
  large: number
  missing: string[]
}

/** The Monday keys of the weeks that belong to `month` (their Thursday is in it). */
export function weeksOfMonth(month: string): string[] {
  const { first, last } = monthRange(month)
  const weeks: string[] = []
  // The Monday of the week holding the month's first Thursday.
  let monday = shanghaiWeekKey(new Date(`${first}T04:00:00.000Z`))
  if (monthOf(addDays(monday, 3)) < month) monday = addWeeks(monday, 1)
  while (addDays(monday, 3) <= last) {
    weeks.push(monday)
    monday = addWeeks(monday, 1)
  }
  return weeks
}

/** The first Monday of the fixed two-week window holding the week `weekKey`. */
export function pairStart(weekKey: string): string {
  return (daysBetween(PAIR_ANCHOR, weekKey) / 7) % 2 === 0 ? weekKey : addWeeks(weekKey, -1)
}

/** The span the planner needs for `month`: its weeks and the whole two-week windows around them. */
export function plannerSpan(month: string): { fromDay: string; untilDay: string } {
  const weeks = weeksOfMonth(month)
  return { fromDay: pairStart(weeks[0]), untilDay: addDays(pairStart(weeks[weeks.length - 1]), 13) }
}

const counts = (list: PlannedActivity[]) => {
  const live = list.filter((a) => a.stage === 'published' || a.stage === 'finished')
  return {
    small: live.filter((a) => a.size === 'small').length,
    medium: live.filter((a) => a.size === 'medium').length,
    large: live.filter((a) => a.size === 'large').length,
    drafts: list.filter((a) => a.stage === 'draft').length,
  }
}

const shortDay = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8))}`

/** Compare the month's weeks (and the month) with the 221 rule. */
export function planMonth(month: string, activities: PlannedActivity[]): MonthPlan {
  const byWeek = new Map<string, PlannedActivity[]>()
  for (const a of activities) {
    const week = shanghaiWeekKey(a.startAt)
    byWeek.set(week, [...(byWeek.get(week) ?? []), a])
  }
  const weeks = weeksOfMonth(month).map((weekKey): WeekPlan => {
    const c = counts(byWeek.get(weekKey) ?? [])
    const start = pairStart(weekKey)
    const mediumInWindow =
      counts(byWeek.get(start) ?? []).medium + counts(byWeek.get(addWeeks(start, 1)) ?? []).medium
    const missing: string[] = []
    if (c.small < RULE_221.smallPerWeek) missing.push(`还差 ${RULE_221.smallPerWeek - c.small} 个小型活动`)
    if (mediumInWindow < RULE_221.mediumPerTwoWeeks)
      missing.push(`${shortDay(start)}–${shortDay(addDays(start, 13))} 两周内还差 1 个中型活动`)
    return { weekKey, ...c, mediumInWindow, missing }
  })
  const large = counts(
    activities.filter((a) => monthOf(addDays(shanghaiWeekKey(a.startAt), 3)) === month),
  ).large
  const missing = large < RULE_221.largePerMonth ? ['本月还差 1 个大型活动'] : []
  return { month, weeks, large, missing }
}

/** The month a moment's planner view opens on (the month of its week's Thursday). */
export function plannerMonthOf(at: Date): string {
  return monthOf(addDays(shanghaiWeekKey(at), 3))
}
