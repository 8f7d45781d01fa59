/**
 * Points rules (SPEC §3): what each action pays by default and its optional daily cap. Each
 * community starts from these and may edit them; this is the one home of the numbers.
 */
export const POINT_RULE_KEYS = [
  'checkin',
  'post',
  'quality',
  'survey',
  'invite',
  'activity',
  'challenge',
  'checklist',
] as const
export type PointRuleKey = (typeof POINT_RULE_KEYS)[number]

export interface PointRule {
  points: number
  /** Most points this rule may pay one member in one Asia/Shanghai day; null = no cap. */
  dailyCap: number | null
  enabled: boolean
}

export type PointRules = Record<PointRuleKey, PointRule>

export const POINT_RULE_NAMES: Record<PointRuleKey, string> = {
  checkin: '每日打卡',
  post: '有效发言',
  quality: '优质内容',
  survey: '完成问卷',
  invite: '邀请新成员',
  activity: '参加活动',
  challenge: '完成打卡挑战',
  checklist: '新人任务',
}

export const DEFAULT_POINT_RULES: PointRules = {
  checkin: { points: 5, dailyCap: 5, enabled: true },
  post: { points: 20, dailyCap: 100, enabled: true },
  // 50–100 in the SPEC: admins choose within the range when they mark content; 50 is the default.
  quality: { points: 50, dailyCap: null, enabled: true },
  survey: { points: 300, dailyCap: null, enabled: true },
  // "Set by owner": off until the owner sets it.
  invite: { points: 0, dailyCap: null, enabled: false },
  // "Set by organiser" per activity; this is the fallback.
  activity: { points: 0, dailyCap: null, enabled: true },
  challenge: { points: 100, dailyCap: null, enabled: true },
  checklist: { points: 10, dailyCap: null, enabled: true },
}

/** The community's rules: its saved overrides on top of the defaults. */
export function effectiveRules(saved?: Partial<Record<PointRuleKey, Partial<PointRule>>> | null): PointRules {
  const rules = {} as PointRules
  for (const key of POINT_RULE_KEYS) rules[key] = { ...DEFAULT_POINT_RULES[key], ...(saved?.[key] ?? {}) }
  return rules
}

/**
 * How much of `wanted` a rule may still pay today, given what it already paid today.
 * Returns 0 when the cap is reached.
 */
export function cappedAmount(wanted: number, paidToday: number, dailyCap: number | null): number {
  if (dailyCap === null) return wanted
  return Math.max(0, Math.min(wanted, dailyCap - paidToday))
}

/**
 * What kind of movement a ledger row is. Only `earn` and positive `adjust` rows count toward the
 * total earned (which drives levels); spending and refunds move the balance only.
 */
export type LedgerKind = 'earn' | 'spend' | 'refund' | 'adjust'

export function earnedPart(kind: LedgerKind, delta: number): number {
  return (kind === 'earn' || kind === 'adjust') && delta > 0 ? delta : 0
}

/**
 * A ledger row's id, derived from its source: the same source can only ever write the same row, so
 * a retry or a double tap cannot pay twice (DESIGN rule 2).
 */
export function ledgerId(communityId: string, openid: string, source: string): string {
  return `${communityId}:${openid}:${source}`
}

/** The reason a member reads in their ledger. */
export function ledgerReason(rule: PointRuleKey, detail?: string): string {
  return detail ? `${POINT_RULE_NAMES[rule]} · ${detail}` : POINT_RULE_NAMES[rule]
}
