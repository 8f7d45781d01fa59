import { z } from 'zod'
import {
  TIERS,
  type ActivityCounts,
  type Dimension,
  type DistributionGroup,
  type Tier,
  type TierAudience,
} from '../value-score'

const limit = z.number().int().min(1).max(50).optional()
const cursor = z.string().min(1).max(300).optional()
const memberId = z.string().min(1).max(200)

export const scoreInputs = {
  /** The caller's own score (last computed week), this week's counters so far and recent weeks. */
  myScore: z.object({}).strict(),
  /** The same for any member of the caller's community (owner, admin). */
  memberScore: z.object({ memberId }).strict(),
  /** The latest weekly tier distribution against the healthy ranges (owner, admin). */
  distribution: z.object({}).strict(),
  /** Members of one tier by score, or silent members by how long they have been quiet (owner, admin). */
  tierMembers: z.object({ group: z.enum([...TIERS, 'silent']), limit, cursor }).strict(),
  /** 私聊唤醒: a subscribe message to a silent member, at most once per 30 days (owner, admin). */
  wakeUp: z.object({ memberId }).strict(),
}

export type ScoreInputs = { [K in keyof typeof scoreInputs]: z.input<(typeof scoreInputs)[K]> }

export interface ScorePart {
  key: Dimension
  name: string
  /** Percent. */
  weight: number
  /** 0–100. */
  score: number
  /** weight × score, what it added to the total. */
  contribution: number
  /** The counters behind it, in words: '打卡 5 天 · 日记 2 篇'. */
  basis: string
}

export interface ScoreExplanation {
  weekKey: string
  total: number
  tier: Tier
  tierName: string
  silent: boolean
  parts: ScorePart[]
  suggestion: string
  inputs: ActivityCounts
}

export interface ScoreHistoryItem {
  weekKey: string
  total: number
  tier: Tier
  tierName: string
}

export interface MemberScoreView {
  nickname: string
  /** The last computed week, or null before the first weekly run that included the member. */
  score: ScoreExplanation | null
  /** This week so far (not yet a score of record: the job computes it next Monday). */
  thisWeek: ScoreExplanation
  history: ScoreHistoryItem[]
  lastActiveAt: string | null
  /** self: the member's own view, with the kind tier names (core/value-score MEMBER_TIER_NAMES). */
  audience: TierAudience
}

export interface DistributionRow {
  group: DistributionGroup
  name: string
  count: number
  percent: number
  /** The SPEC's healthy range in percent, when there is one. */
  band: [number, number] | null
  healthy: boolean | null
}

export interface DistributionView {
  /** null before the first weekly run. */
  weekKey: string | null
  total: number
  rows: DistributionRow[]
  computedAt: string | null
}

export interface TierMember {
  memberId: string
  nickname: string
  valueScore: number
  tier: Tier
  tierName: string
  silent: boolean
  lastActiveAt: string | null
  lastWakeUpAt: string | null
}

export interface TierMembersPage {
  items: TierMember[]
  nextCursor: string | null
}

export interface WakeUpResult {
  sent: boolean
  /** '已发送' or '未订阅，无法发送' / '发送失败'. */
  outcome: string
}

export interface JobOutcome {
  weekKey: string
  done: boolean
  processed: number
  runs: number
}

export interface ScoreOutputs {
  myScore: MemberScoreView
  memberScore: MemberScoreView
  distribution: DistributionView
  tierMembers: TierMembersPage
  wakeUp: WakeUpResult
}
