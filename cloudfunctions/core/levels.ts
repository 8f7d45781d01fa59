/** Levels by total points earned (SPEC §4). Thresholds are community defaults. */
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
