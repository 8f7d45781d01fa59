/** The `score` cloud function: the weekly value score (动态评估), tiers and wake-ups. */
import type { DistributionView, MemberScoreView, TierMembersPage, WakeUpResult } from '@core/contracts/score'
import type { DistributionGroup } from '@core/value-score'
import { call } from './call'

export type { DistributionView, MemberScoreView, TierMembersPage, WakeUpResult }
export type { ScoreExplanation, ScorePart, TierMember, DistributionRow } from '@core/contracts/score'

/** My score of last week with each part, the suggestion, this week so far and recent weeks. */
export const myScore = () => call('score', 'myScore')

/** Any member's score (owner, admin). */
export const memberScore = (memberId: string) => call('score', 'memberScore', { memberId })

export const distribution = () => call('score', 'distribution')

export const tierMembers = (group: DistributionGroup, cursor?: string) =>
  call('score', 'tierMembers', { group, cursor })

/** Send a silent member the wake-up notice (唤醒通知). */
export const wakeUp = (memberId: string) => call('score', 'wakeUp', { memberId })
