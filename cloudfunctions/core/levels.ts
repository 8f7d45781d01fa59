/**
 * Levels by total points earned (SPEC §4). The thresholds are the product's, the same in every
 * community (docs/ARCHITECTURE.md, "Levels", says why there is no per-community override).
 */
export const LEVELS = ['newcomer', 'advanced', 'core'] as const
export type Level = (typeof LEVELS)[number]

export const LEVEL_NAMES: Record<Level, string> = {
  newcomer: '新手',
  advanced: '进阶',
  core: '核心',
}

/** Minimum total earned for each level. */
export const DEFAULT_LEVEL_THRESHOLDS: Record<Level, number> = {
  newcomer: 0,
  advanced: 500,
  core: 2000,
}

export function levelFor(totalEarned: number, thresholds = DEFAULT_LEVEL_THRESHOLDS): Level {
  let level: Level = 'newcomer'
  for (const candidate of LEVELS) if (totalEarned >= thresholds[candidate]) level = candidate
  return level
}

/** Position of a level, for comparing: newcomer 0, advanced 1, core 2. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level)
}

/**
 * Rights per level (SPEC §4): later features (mall items, activities, Q&A) ask `hasRight` rather than
 * comparing levels themselves. A level has its own rights and every right of the levels below it.
 */
export const RIGHTS = ['basic_materials', 'priority_qa', 'offline_activities'] as const
export type Right = (typeof RIGHTS)[number]

export const RIGHT_NAMES: Record<Right, string> = {
  basic_materials: '基础资料',
  priority_qa: '优先答疑通道',
  offline_activities: '线下活动',
}

/** The rights each level adds on top of the level below. */
export const LEVEL_OWN_RIGHTS: Record<Level, readonly Right[]> = {
  newcomer: ['basic_materials'],
  advanced: ['priority_qa'],
  core: ['offline_activities'],
}

/** Every right a member of each level has. */
export const LEVEL_RIGHTS: Record<Level, readonly Right[]> = {
  newcomer: LEVEL_OWN_RIGHTS.newcomer,
  advanced: [...LEVEL_OWN_RIGHTS.newcomer, ...LEVEL_OWN_RIGHTS.advanced],
  core: [...LEVEL_OWN_RIGHTS.newcomer, ...LEVEL_OWN_RIGHTS.advanced, ...LEVEL_OWN_RIGHTS.core],
}

export function hasRight(level: Level, right: Right): boolean {
  return LEVEL_RIGHTS[level].includes(right)
}

/** The level above, or null at the top. */
export function nextLevel(level: Level): Level | null {
  return LEVELS[levelRank(level) + 1] ?? null
}

/** The level below, or null at the bottom. */
export function previousLevel(level: Level): Level | null {
  return levelRank(level) > 0 ? LEVELS[levelRank(level) - 1] : null
}

/**
 * After a demotion (core/demotion.ts) the member keeps their total earned, which never falls, so
 * `levelFor(totalEarned)` would promote them straight back. The demotion therefore stores a floor:
 * the total earned at that moment and the level they were demoted to. Above that level, a member
 * needs fresh points on top of the floor: REPROMOTION_FRESH_SHARE of the level's threshold
 * (进阶 100, 核心 400 with the default thresholds), and at least the threshold itself.
 * Re-promotion then happens at once, like any promotion. The floor stays until the next demotion.
 */
export const REPROMOTION_FRESH_SHARE = 0.2

export interface DemotionFloor {
  /** Total earned when the member was demoted. */
  earned: number
  /** The level they were demoted to. */
  level: Level
}

/** Total earned a member needs for `level`, given their demotion floor (if any). */
export function requiredEarned(
  level: Level,
  floor: DemotionFloor | null | undefined,
  thresholds: Record<Level, number> = DEFAULT_LEVEL_THRESHOLDS,
): number {
  const base = thresholds[level]
  if (!floor || levelRank(level) <= levelRank(floor.level)) return base
  return Math.max(base, floor.earned + Math.ceil(thresholds[level] * REPROMOTION_FRESH_SHARE))
}

/** The level a member's total earned reaches, honouring a demotion floor. */
export function levelReached(
  totalEarned: number,
  floor: DemotionFloor | null | undefined,
  thresholds: Record<Level, number> = DEFAULT_LEVEL_THRESHOLDS,
): Level {
  let level: Level = 'newcomer'
  for (const candidate of LEVELS)
    if (totalEarned >= requiredEarned(candidate, floor, thresholds)) level = candidate
  return level
}

export interface LevelProgress {
  level: Level
  next: Level | null
  /** Total earned the next level needs; null at the top. */
  nextAt: number | null
  /** Points still to earn for the next level (0 at the top). */
  toGo: number
  /** 0–1 from the current level's start to the next level; 1 at the top. */
  progress: number
}

/** Where a member stands on the way to the next level. */
export function levelProgress(
  level: Level,
  totalEarned: number,
  floor: DemotionFloor | null | undefined,
  thresholds: Record<Level, number> = DEFAULT_LEVEL_THRESHOLDS,
): LevelProgress {
  const next = nextLevel(level)
  if (!next) return { level, next: null, nextAt: null, toGo: 0, progress: 1 }
  const nextAt = requiredEarned(next, floor, thresholds)
  const start =
    floor && levelRank(floor.level) === levelRank(level) ? Math.min(floor.earned, nextAt) : thresholds[level]
  const toGo = Math.max(0, nextAt - totalEarned)
  const span = nextAt - start
  const progress = span <= 0 ? 1 : Math.min(1, Math.max(0, (totalEarned - start) / span))
  return { level, next, nextAt, toGo, progress }
}
