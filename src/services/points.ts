/** The `points` cloud function: balance, ledger, level, and the staff tools for points. */
import type {
  AdjustResult,
  AuditEntry,
  GrantCardsResult,
  LedgerEntry,
  MemberPick,
  PointsInputs,
  PointsPage,
  PointsSummary,
  RuleView,
  RulesResult,
} from '@core/contracts/points'
import { call } from './call'

export type {
  AdjustResult,
  AuditEntry,
  GrantCardsResult,
  LedgerEntry,
  MemberPick,
  PointsInputs,
  PointsPage,
  PointsSummary,
  RuleView,
  RulesResult,
}
export type { LevelChangeView, LevelInfo } from '@core/contracts/points'

/** Balance, level, progress and any unseen level-up. Also records today's visit. */
export const summary = () => call('points', 'summary')

export const ledger = (cursor?: string, limit?: number) => call('points', 'ledger', { cursor, limit })

export const ackLevelChange = (id: string) => call('points', 'ackLevelChange', { id })

export const rules = () => call('points', 'rules')

export const updateRule = (input: PointsInputs['updateRule']) => call('points', 'updateRule', input)

/** A fresh id for one staff action: a retry of the same action sends the same id. */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `r${Date.now().toString(36)}${random}`
}

export const adjust = (input: PointsInputs['adjust']) => call('points', 'adjust', input)

export const grantMakeupCards = (input: PointsInputs['grantMakeupCards']) =>
  call('points', 'grantMakeupCards', input)

export const searchMembers = (prefix: string, cursor?: string) =>
  call('points', 'members', { prefix: prefix || undefined, cursor })

export const auditLog = (cursor?: string) => call('points', 'auditLog', { cursor })
