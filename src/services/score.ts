/** The `score` cloud function: the weekly value score (动态评估), tiers and wake-ups. */
import type { DistributionView, MemberScoreView, TierMembersPage, WakeUpResult } from '@core/contracts/score'
import type { DistributionGroup } from '@core/value-score'
import { callFunction } from './transport'

export type { DistributionView, MemberScoreView, TierMembersPage, WakeUpResult }
export type { ScoreExplanation, ScorePart, TierMember, DistributionRow } from '@core/contracts/score'

/** My score of last week with each part, the suggestion, this week so far and recent weeks. */
export function myScore(): Promise<MemberScoreView> {
  return callFunction<MemberScoreView>('score', 'myScore')
}

/** Any member's score (owner, admin). */
export function memberScore(memberId: string): Promise<MemberScoreView> {
  return callFunction<MemberScoreView>('score', 'memberScore', { memberId })
}

export function distribution(): Promise<DistributionView> {
  return callFunction<DistributionView>('score', 'distribution')
}

export function tierMembers(group: DistributionGroup, cursor?: string): Promise<TierMembersPage> {
  return callFunction<TierMembersPage>('score', 'tierMembers', { group, cursor })
}

/** Send a silent member the wake-up notice (唤醒通知). */
export function wakeUp(memberId: string): Promise<WakeUpResult> {
  return callFunction<WakeUpResult>('score', 'wakeUp', { memberId })
}
