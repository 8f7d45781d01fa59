/** The `points` cloud function: balance, ledger, level, and the staff tools for points. */
import type {
  AdjustResult,
  AuditEntry,
  GrantCardsResult,
  LedgerEntry,
  MemberPick,
  PointsPage,
  PointsSummary,
  RuleView,
  RulesResult,
} from '@core/contracts/points'
import type { PointRuleKey } from '@core/points'
import { callFunction } from './transport'

export type {
  AdjustResult,
  AuditEntry,
  GrantCardsResult,
  LedgerEntry,
  MemberPick,
  PointsPage,
  PointsSummary,
  RuleView,
  RulesResult,
}
export type { LevelChangeView, LevelInfo } from '@core/contracts/points'

/** Balance, level, progress and any unseen level-up. Also records today's visit. */
export function summary(): Promise<PointsSummary> {
  return callFunction<PointsSummary>('points', 'summary')
}

export function ledger(cursor?: string, limit?: number): Promise<PointsPage<LedgerEntry>> {
  return callFunction<PointsPage<LedgerEntry>>('points', 'ledger', { cursor, limit })
}

export function ackLevelChange(id: string): Promise<{ acknowledged: boolean }> {
  return callFunction<{ acknowledged: boolean }>('points', 'ackLevelChange', { id })
}

export function rules(): Promise<RulesResult> {
  return callFunction<RulesResult>('points', 'rules')
}

export function updateRule(input: {
  rule: PointRuleKey
  points: number
  dailyCap: number | null
  enabled: boolean
}): Promise<RuleView> {
  return callFunction<RuleView>('points', 'updateRule', input)
}

/** A fresh id for one staff action: a retry of the same action sends the same id. */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `r${Date.now().toString(36)}${random}`
}

export function adjust(input: {
  memberId: string
  delta: number
  reason: string
  requestId: string
}): Promise<AdjustResult> {
  return callFunction<AdjustResult>('points', 'adjust', input)
}

export function grantMakeupCards(input: {
  memberId: string
  count: number
  reason?: string
  requestId: string
}): Promise<GrantCardsResult> {
  return callFunction<GrantCardsResult>('points', 'grantMakeupCards', input)
}

export function searchMembers(prefix: string, cursor?: string): Promise<PointsPage<MemberPick>> {
  return callFunction<PointsPage<MemberPick>>('points', 'members', { prefix: prefix || undefined, cursor })
}

export function auditLog(cursor?: string): Promise<PointsPage<AuditEntry>> {
  return callFunction<PointsPage<AuditEntry>>('points', 'auditLog', { cursor })
}
