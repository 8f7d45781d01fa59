/**
 * Rewards that staff set per item (SPEC §3: challenges, surveys, activities). The owner sets their
 * ceilings; nothing pays above them, and staff earn nothing from a reward they created themselves.
 * This is the one home of the default ceilings and of the self-reward rule.
 */
export const REWARD_CEILING_KEYS = ['challenge', 'survey', 'activity'] as const
export type RewardCeilingKey = (typeof REWARD_CEILING_KEYS)[number]
export type RewardCeilings = Record<RewardCeilingKey, number>

export const REWARD_CEILING_NAMES: Record<RewardCeilingKey, string> = {
  challenge: '打卡挑战完成奖励',
  survey: '问卷奖励',
  activity: '活动参与奖励',
}

/** Today's defaults: a challenge's completion pays at most 100, a survey 300, an activity 100. */
export const DEFAULT_REWARD_CEILINGS: RewardCeilings = { challenge: 100, survey: 300, activity: 100 }

/** The most an owner may set a ceiling to. */
export const REWARD_CEILING_MAX = 10_000

/** The community's ceilings: its saved values on top of the defaults. */
export function effectiveCeilings(saved?: Partial<Record<RewardCeilingKey, unknown>> | null): RewardCeilings {
  const out = { ...DEFAULT_REWARD_CEILINGS }
  for (const key of REWARD_CEILING_KEYS) {
    const v = saved?.[key]
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[key] = Math.min(v, REWARD_CEILING_MAX)
  }
  return out
}

/** What is wrong with a reward a staff member sets, or null when it is within the ceiling. */
export function rewardOverCeiling(reward: number | null | undefined, ceiling: number): string | null {
  if (reward === null || reward === undefined || reward <= ceiling) return null
  return `奖励最多 ${ceiling} 分（主理人设定的上限）`
}

/** Why a completion or response paid nothing although the item has a reward. */
export const OWN_REWARD_NOTES = {
  challenge: '这是你创建的挑战，不给自己发放积分',
  survey: '这是你创建的问卷，不给自己发放积分',
  activity: '这是你创建的活动，不给自己发放积分',
} as const

/**
 * What a staff-set reward pays this member: the reward, never above the ceiling (a reward stored
 * before the ceiling, or above a lowered one, pays the ceiling), and nothing to its creator.
 */
export function payableReward(input: {
  reward: number
  ceiling: number
  createdBy: string | null | undefined
  openid: string
  kind: keyof typeof OWN_REWARD_NOTES
}): { points: number; note: string | null } {
  if (input.createdBy && input.createdBy === input.openid)
    return { points: 0, note: input.reward > 0 ? OWN_REWARD_NOTES[input.kind] : null }
  return { points: Math.max(0, Math.min(input.reward, input.ceiling)), note: null }
}
