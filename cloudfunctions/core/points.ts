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

/** What each capped rule paid a member on one Asia/Shanghai day, kept on the member document. */
export interface PaidToday {
  day: string
  paid: Partial<Record<string, number>>
}

/** What `rule` paid the member on `day` (a record of another day counts nothing). */
export function paidTodayUnder(record: PaidToday | null | undefined, rule: string, day: string): number {
  return record?.day === day ? (record.paid[rule] ?? 0) : 0
}

/** The record after `rule` paid `total` in all on `day`; a new day starts a new record. */
export function withPaidToday(
  record: PaidToday | null | undefined,
  rule: string,
  day: string,
  total: number,
): PaidToday {
  const paid = record?.day === day ? record.paid : {}
  return { day, paid: { ...paid, [rule]: total } }
}

/**
 * What kind of movement a ledger row is. Only `earn` and positive `adjust` rows count toward the
 * total earned (which drives levels); spending and refunds move the balance only.
 */
export type LedgerKind = 'earn' | 'spend' | 'refund' | 'adjust'

/**
 * The source of a member's points history brought in from before the product (the demo seed's
 * opening rows, a migration): it counts in the balance and the total earned, but belongs to no
 * week or month on the boards. Nothing in the functions writes it.
 */
export const HISTORY_IMPORT_SOURCE = 'seed-earned'

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

/** Limits of an edited rule: points 0–1000; a daily cap is null (none) or at least the points. */
export const RULE_POINTS_MAX = 1000
export const RULE_CAP_MAX = 100_000

/** What is wrong with an edited rule, keyed by field, or null when it is fine. */
export function ruleProblems(rule: {
  points: number
  dailyCap: number | null
}): Record<string, string> | null {
  const problems: Record<string, string> = {}
  if (!Number.isInteger(rule.points) || rule.points < 0 || rule.points > RULE_POINTS_MAX)
    problems.points = `分值需为 0–${RULE_POINTS_MAX} 的整数`
  if (rule.dailyCap !== null) {
    if (!Number.isInteger(rule.dailyCap) || rule.dailyCap > RULE_CAP_MAX)
      problems.dailyCap = `每日上限需为不超过 ${RULE_CAP_MAX} 的整数，或不设上限`
    else if (rule.dailyCap < rule.points) problems.dailyCap = '每日上限不能小于单次分值'
  }
  return Object.keys(problems).length ? problems : null
}

/** Admin adjustments: a reason of 2–100 characters, a non-zero whole delta. */
export const ADJUST_REASON_MIN = 2
export const ADJUST_REASON_MAX = 100
export const ADJUST_DELTA_MAX = 100_000
/** Make-up cards an admin may grant at once. */
export const MAKEUP_GRANT_MAX = 10

/** Ledger sources of admin actions: the client's requestId makes a retry harmless. */
export function adjustSource(requestId: string): string {
  return `adjust:${requestId}`
}

export function adjustReason(reason: string): string {
  return `管理员调整 · ${reason}`
}

/** Chinese names of ledger kinds, for the member's ledger. */
export const LEDGER_KIND_NAMES: Record<LedgerKind, string> = {
  earn: '获得',
  spend: '消费',
  refund: '退回',
  adjust: '调整',
}

/** One rule's weight against the daily check-in, for the owner's rules page. */
export interface RuleWeight {
  key: PointRuleKey
  name: string
  points: number
  /** How many daily check-ins pay as much (null when check-ins pay nothing). */
  checkins: number | null
}

/**
 * The paying rules, heaviest first, each measured in daily check-ins (issue 15 item 8): SPEC's
 * numbers are defaults, and an owner should see that one survey weighs as much as 60 check-ins.
 */
export function ruleWeights(
  rules: readonly { key: PointRuleKey; points: number; enabled: boolean }[],
): RuleWeight[] {
  const checkin = rules.find((r) => r.key === 'checkin')
  const unit = checkin?.enabled ? checkin.points : 0
  return rules
    .filter((r) => r.enabled && r.points > 0)
    .map((r) => ({
      key: r.key,
      name: POINT_RULE_NAMES[r.key],
      points: r.points,
      checkins: unit > 0 ? Math.round((r.points / unit) * 10) / 10 : null,
    }))
    .sort((a, b) => b.points - a.points)
}
