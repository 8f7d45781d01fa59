/**
 * Demotion rules (SPEC §4), evaluated once a day by the `levels` timer. Pure: the job gathers the
 * facts (last visit, interactions, active days) and asks `evaluateDemotion` what to do.
 *
 * Gentler than promotion, as Discourse does it:
 * - **Tolerance.** A member keeps their level until they fall below 90% of a requirement, rounded
 *   down to whole interactions/days: 进阶 needs 5 interactions a month, kept at 4 (`keepMinimum`);
 *   核心 needs 30% active days in a quarter (27 of 90), kept at 24.
 * - **Grace.** Nobody is demoted within DEMOTION_GRACE_DAYS of reaching their level (`levelSince`,
 *   else `joinedAt`), so a fresh promotion is never undone by the next run.
 * - **One step.** A demotion goes one level down (核心 → 进阶 → 新手) and stores a demotion floor
 *   (core/levels.ts `requiredEarned`): total earned never falls, so re-promotion needs fresh points.
 *
 * Definitions (windows are whole Asia/Shanghai days before the run's day T; T itself is not counted,
 * because the job runs at 03:00 when the day has barely started):
 * - **Visit**: the member opened the app (points.summary / points.touch set `members.lastVisitAt`,
 *   at most once a day). Missing → `joinedAt`. A level change (`levelSince`) later than the last visit
 *   restarts the idle count, so a member demoted to 新手 is not also warned the next day.
 * - **Interaction**: one ledger row of kind `earn` (check-ins pay through the ledger as
 *   `checkin:<dayKey>`, so each check-in is one interaction, as is each paid post, survey, activity…).
 *   Adjustments, spending and refunds are not interactions.
 * - **Active day**: a day with at least one interaction.
 *
 * 新手 has no level below it. "No visit for 14 days in a row" therefore marks the member dormant
 * (流失预警): `members.dormantSince` is set and a level_changes row of kind `dormant` explains it to
 * the member and shows up for admins. The next visit clears it. Grace does not apply here: this is a
 * warning, not a demotion, and a member cannot miss 14 days within their first 14 days anyway.
 */
import { LEVEL_NAMES, previousLevel, type Level } from './levels'
import { addDays, daysBetween, DAY_MS } from './time'

export const DEMOTION_RULES = {
  /** 新手: dormant after this many whole days in a row without a visit. */
  newcomerIdleDays: 14,
  /** 进阶: interactions required in the month window. */
  advancedInteractions: 5,
  advancedWindowDays: 30,
  /** 核心: share of active days required in the quarter window. */
  coreActiveShare: 0.3,
  coreWindowDays: 90,
  /** Keep a member until they fall below this share of a requirement. */
  tolerance: 0.9,
} as const

export const DEMOTION_GRACE_DAYS = 30

/** The least a member may have and keep their level: 90% of the requirement, rounded down. */
export function keepMinimum(requirement: number, tolerance: number = DEMOTION_RULES.tolerance): number {
  return Math.floor(requirement * tolerance + 1e-9)
}

/** Active days 核心 requires in the quarter window (30% of 90 = 27). */
export function coreRequiredActiveDays(): number {
  return Math.ceil(DEMOTION_RULES.coreActiveShare * DEMOTION_RULES.coreWindowDays - 1e-9)
}

/** The days a level's rule looks back over, ending the day before the run: [first, last]. */
export function demotionWindow(level: Level, todayKey: string): { first: string; last: string } | null {
  const days =
    level === 'advanced'
      ? DEMOTION_RULES.advancedWindowDays
      : level === 'core'
        ? DEMOTION_RULES.coreWindowDays
        : null
  if (days === null) return null
  return { first: addDays(todayKey, -days), last: addDays(todayKey, -1) }
}

export interface DemotionFacts {
  level: Level
  /** Day key of the run (Asia/Shanghai). */
  todayKey: string
  /** Day key of the last visit (or of joining, if never seen since). */
  lastVisitKey: string
  /** When the member reached their level (or joined). */
  levelSince: Date
  now: Date
  /** Already marked dormant: do not mark again. */
  dormant: boolean
  /** Interactions in the level's window (进阶). */
  interactions?: number
  /** Active days in the level's window (核心). */
  activeDays?: number
}

export type DemotionDecision =
  | { kind: 'keep'; why: 'grace' | 'active' | 'already_dormant' }
  | { kind: 'dormant'; reason: string }
  | { kind: 'demote'; from: Level; to: Level; reason: string }

/** Whole days without a visit before the run's day: visited on D, checked on T → T − D − 1. */
export function idleDays(lastVisitKey: string, todayKey: string): number {
  return Math.max(0, daysBetween(lastVisitKey, todayKey) - 1)
}

export function inGrace(levelSince: Date, now: Date, graceDays: number = DEMOTION_GRACE_DAYS): boolean {
  return now.getTime() - levelSince.getTime() < graceDays * DAY_MS
}

export function evaluateDemotion(facts: DemotionFacts): DemotionDecision {
  if (facts.level === 'newcomer') {
    const idle = idleDays(facts.lastVisitKey, facts.todayKey)
    if (idle < DEMOTION_RULES.newcomerIdleDays) return { kind: 'keep', why: 'active' }
    if (facts.dormant) return { kind: 'keep', why: 'already_dormant' }
    return {
      kind: 'dormant',
      reason: `已连续 ${idle} 天没有来访，标记为流失预警。再次打开小程序即可恢复，打卡和参与活动还能继续攒积分。`,
    }
  }
  if (inGrace(facts.levelSince, facts.now)) return { kind: 'keep', why: 'grace' }
  const to = previousLevel(facts.level) as Level
  if (facts.level === 'advanced') {
    const count = facts.interactions ?? 0
    const min = keepMinimum(DEMOTION_RULES.advancedInteractions)
    if (count >= min) return { kind: 'keep', why: 'active' }
    return {
      kind: 'demote',
      from: facts.level,
      to,
      reason: `近 ${DEMOTION_RULES.advancedWindowDays} 天互动 ${count} 次，低于${LEVEL_NAMES.advanced}保级所需的 ${min} 次（要求每月 ${DEMOTION_RULES.advancedInteractions} 次），调整为${LEVEL_NAMES[to]}。继续打卡、发言即可重新升级。`,
    }
  }
  const days = facts.activeDays ?? 0
  const min = keepMinimum(coreRequiredActiveDays())
  if (days >= min) return { kind: 'keep', why: 'active' }
  return {
    kind: 'demote',
    from: facts.level,
    to,
    reason: `近 ${DEMOTION_RULES.coreWindowDays} 天有 ${days} 天活跃，低于${LEVEL_NAMES.core}保级所需的 ${min} 天（要求季度活跃度 ${Math.round(DEMOTION_RULES.coreActiveShare * 100)}%），调整为${LEVEL_NAMES[to]}。继续参与即可重新升级。`,
  }
}
