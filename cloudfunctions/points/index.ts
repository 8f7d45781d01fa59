// The `points` cloud function: balances, the ledger, levels as the member sees them, and the staff
// tools (rules, adjustments, make-up cards, audit log).
import { defineFunction } from '../runtime/handler'
import summary from './actions/summary'
import touch from './actions/touch'
import ledger from './actions/ledger'
import ackLevelChange from './actions/ack-level-change'
import rules from './actions/rules'
import updateRule from './actions/update-rule'
import adjust from './actions/adjust'
import grantMakeupCards from './actions/grant-makeup-cards'
import members from './actions/members'
import auditLog from './actions/audit-log'

export const main = defineFunction({
  summary,
  touch,
  ledger,
  ackLevelChange,
  rules,
  updateRule,
  adjust,
  grantMakeupCards,
  members,
  auditLog,
})
