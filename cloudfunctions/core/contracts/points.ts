import { z } from 'zod'
import type { Level, Right } from '../levels'
import {
  ADJUST_DELTA_MAX,
  ADJUST_REASON_MAX,
  ADJUST_REASON_MIN,
  MAKEUP_GRANT_MAX,
  POINT_RULE_KEYS,
  RULE_CAP_MAX,
  RULE_POINTS_MAX,
  type LedgerKind,
  type PointRuleKey,
} from '../points'

const limit = z.number().int().min(1).max(100).optional()
const cursor = z.string().min(1).max(200).optional()
/** A client-made id (e.g. a UUID) that makes a retried admin action harmless. */
const requestId = z
  .string()
  .trim()
  .min(8, 'requestId 至少 8 位')
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'requestId 只能包含字母、数字、- 和 _')
const targetMemberId = z.string().min(1).max(200)

export const pointsInputs = {
  summary: z.object({}).strict(),
  touch: z.object({}).strict(),
  ledger: z.object({ limit, cursor }).strict(),
  ackLevelChange: z.object({ id: z.string().min(1).max(300) }).strict(),
  rules: z.object({}).strict(),
  updateRule: z
    .object({
      rule: z.enum(POINT_RULE_KEYS),
      points: z
        .number()
        .int('分值需为整数')
        .min(0, '分值不能小于 0')
        .max(RULE_POINTS_MAX, `分值最多 ${RULE_POINTS_MAX}`),
      dailyCap: z
        .number()
        .int('每日上限需为整数')
        .min(0)
        .max(RULE_CAP_MAX, `每日上限最多 ${RULE_CAP_MAX}`)
        .nullable(),
      enabled: z.boolean(),
    })
    .strict()
    .refine((r) => r.dailyCap === null || r.dailyCap >= r.points, {
      message: '每日上限不能小于单次分值',
      path: ['dailyCap'],
    }),
  adjust: z
    .object({
      memberId: targetMemberId,
      delta: z
        .number()
        .int('调整分值需为整数')
        .min(-ADJUST_DELTA_MAX)
        .max(ADJUST_DELTA_MAX)
        .refine((d) => d !== 0, '调整分值不能为 0'),
      reason: z
        .string()
        .trim()
        .min(ADJUST_REASON_MIN, `请填写原因（${ADJUST_REASON_MIN}–${ADJUST_REASON_MAX} 字）`)
        .max(ADJUST_REASON_MAX, `原因最多 ${ADJUST_REASON_MAX} 字`),
      requestId,
    })
    .strict(),
  grantMakeupCards: z
    .object({
      memberId: targetMemberId,
      count: z
        .number()
        .int()
        .min(1, '至少发放 1 张')
        .max(MAKEUP_GRANT_MAX, `一次最多发放 ${MAKEUP_GRANT_MAX} 张`),
      reason: z.string().trim().max(ADJUST_REASON_MAX, `原因最多 ${ADJUST_REASON_MAX} 字`).optional(),
      requestId,
    })
    .strict(),
  members: z.object({ prefix: z.string().trim().max(20).optional(), limit, cursor }).strict(),
  auditLog: z.object({ limit, cursor }).strict(),
}

export type PointsInputs = { [K in keyof typeof pointsInputs]: z.input<(typeof pointsInputs)[K]> }

export interface LevelChangeView {
  id: string
  kind: 'promote' | 'demote' | 'dormant'
  from: Level
  to: Level
  fromName: string
  toName: string
  /** Chinese explanation the member reads. */
  reason: string
  createdAt: string
}

export interface LevelInfo {
  level: Level
  name: string
  threshold: number
  rights: { key: Right; name: string }[]
}

export interface PointsSummary {
  balance: number
  totalEarned: number
  level: Level
  levelName: string
  next: { level: Level; name: string; at: number; toGo: number } | null
  /** 0–1 from the current level's start to the next level (1 at the top). */
  progress: number
  rights: { key: Right; name: string }[]
  /** Every level with its threshold (this member's floor applied) and rights, for the level page. */
  levels: LevelInfo[]
  makeupCards: number
  /** Marked 流失预警 after 14 days without a visit (cleared by this visit). */
  dormant: boolean
  /** An unseen level-up: show a celebration once, then `ackLevelChange`. */
  celebration: LevelChangeView | null
  /** The latest level change (promotion, demotion or dormancy) with its explanation. */
  lastChange: LevelChangeView | null
}

export interface LedgerEntry {
  id: string
  kind: LedgerKind
  kindName: string
  delta: number
  reason: string
  balanceAfter: number
  createdAt: string
}

export interface PointsPage<T> {
  items: T[]
  nextCursor: string | null
}

export interface RuleView {
  key: PointRuleKey
  name: string
  points: number
  dailyCap: number | null
  enabled: boolean
  /** True when the community has not changed this rule from the SPEC default. */
  isDefault: boolean
}

export interface RulesResult {
  rules: RuleView[]
  /** Owners and admins may edit. */
  canEdit: boolean
}

export interface AdjustResult {
  balance: number
  delta: number
  /** True when this requestId had already been applied: nothing changed this time. */
  duplicate: boolean
}

export interface GrantCardsResult {
  makeupCards: number
  duplicate: boolean
}

export interface MemberPick {
  memberId: string
  nickname: string
  roleName: string
  levelName: string
  balance: number
  makeupCards: number
}

/** A staff action on points that the audit log records (runtime/audit.ts). */
export type AuditKind =
  /** setup.appoint / setup.transferOwnership: a member's role changed (reason: from → to). */
  | 'role'
  /** points.adjust: points added or removed (amount: the delta). */
  | 'adjust'
  /** points.grantMakeupCards (amount: cards). */
  | 'makeup_cards'
  /** points.updateRule (amount: the rule's points, or 0 when disabled). */
  | 'rule'
  /** community.saveRewardCeilings (amount: the new ceiling). */
  | 'ceiling'
  /** checkin.createChallenge (amount: the completion reward). */
  | 'challenge_reward'
  /** survey.save with a reward set or changed (amount: the reward; null = the 完成问卷 rule). */
  | 'survey_reward'
  /** checkin.feature: a note marked 精选 and its author paid (amount: the points paid). */
  | 'feature'
  /** rank.saveSettings with changed Top-3 rewards (amount: first place's points). */
  | 'top3_reward'
  /** square.revoke: a valued post's pay taken back (amount: the points taken back). */
  | 'post_revoke'

export interface AuditEntry {
  id: string
  /** What was done. */
  kind: AuditKind
  byNickname: string
  targetNickname: string | null
  /** Points (the delta, the reward or ceiling set, the points paid), cards for makeup_cards. */
  amount: number | null
  reason: string
  createdAt: string
}

export interface PointsOutputs {
  summary: PointsSummary
  touch: { recorded: boolean }
  ledger: PointsPage<LedgerEntry>
  ackLevelChange: { acknowledged: boolean }
  rules: RulesResult
  updateRule: RuleView
  adjust: AdjustResult
  grantMakeupCards: GrantCardsResult
  members: PointsPage<MemberPick>
  auditLog: PointsPage<AuditEntry>
}
