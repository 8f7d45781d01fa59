/**
 * What an organiser may publish (SPEC §8): the checks on an activity's times, capacity, level and
 * points, and the stage moves. Pure: the function passes in now and the community's ceiling.
 */
import type { ActivityKind, ActivityStage } from './activities'
import type { Level } from './levels'
import { rewardOverCeiling } from './rewards'

export const TITLE_MAX = 40
export const DESCRIPTION_MAX = 2000
export const PLACE_MAX = 100
export const CAPACITY_MAX = 10_000
export const CANCEL_REASON_MAX = 100
/** The furthest ahead an activity may start. */
export const START_MAX_DAYS_AHEAD = 366

export interface ActivityTimes {
  startAt: Date
  endAt: Date
  signupDeadline: Date
}

/**
 * Field errors of an activity's times and points, keyed by field (empty: all fine). `moved` is true
 * when the start is new or changes (an unchanged past start may stay on an edit).
 */
export function activityFieldErrors(
  input: ActivityTimes & { points: number },
  ctx: { now: Date; ceiling: number; moved: boolean },
): Record<string, string> {
  const errors: Record<string, string> = {}
  const { startAt, endAt, signupDeadline } = input
  if (ctx.moved && startAt.getTime() <= ctx.now.getTime()) errors.startAt = '开始时间要晚于现在'
  if (startAt.getTime() - ctx.now.getTime() > START_MAX_DAYS_AHEAD * 86_400_000)
    errors.startAt = `最多提前 ${START_MAX_DAYS_AHEAD} 天安排活动`
  if (endAt.getTime() <= startAt.getTime()) errors.endAt = '结束时间要晚于开始时间'
  if (signupDeadline.getTime() > startAt.getTime()) errors.signupDeadline = '报名截止不能晚于开始时间'
  const over = rewardOverCeiling(input.points, ctx.ceiling)
  if (over) errors.points = over
  return errors
}

/** The minimum level an activity asks: offline meet-ups are for 核心 members unless staff say otherwise. */
export function defaultMinLevel(kind: ActivityKind, chosen: Level | null | undefined): Level | null {
  if (chosen !== undefined) return chosen
  return kind === 'offline' ? 'core' : null
}

/** Which stage moves are allowed: draft → published → cancelled or finished; a draft may be cancelled (skipped). */
export function canMove(from: ActivityStage, to: ActivityStage): boolean {
  if (to === 'published') return from === 'draft'
  if (to === 'cancelled') return from === 'draft' || from === 'published'
  if (to === 'finished') return from === 'published'
  return false
}

/** Editing is for activities not yet over: drafts and published ones. */
export function canEdit(stage: ActivityStage): boolean {
  return stage === 'draft' || stage === 'published'
}

export const STAGE_NAMES: Record<ActivityStage, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
  finished: '已结束',
}
