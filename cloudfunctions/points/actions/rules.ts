import { can } from '../../core/rights'
import { pointsInputs, type RuleView, type RulesResult } from '../../core/contracts/points'
import {
  DEFAULT_POINT_RULES,
  POINT_RULE_KEYS,
  POINT_RULE_NAMES,
  type PointRuleKey,
  type PointRules,
} from '../../core/points'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import { loadPointRules } from '../../runtime/ledger'

/** Who may edit the points rules. */

export function ruleView(key: PointRuleKey, rules: PointRules): RuleView {
  const rule = rules[key]
  const base = DEFAULT_POINT_RULES[key]
  return {
    key,
    name: POINT_RULE_NAMES[key],
    points: rule.points,
    dailyCap: rule.dailyCap,
    enabled: rule.enabled,
    isDefault:
      rule.points === base.points && rule.dailyCap === base.dailyCap && rule.enabled === base.enabled,
  }
}

export default memberAction({
  input: pointsInputs.rules,
  access: EVERY_MEMBER,
  async run(ctx): Promise<RulesResult> {
    const { db, membership } = ctx
    const rules = await loadPointRules(db, membership.community._id)
    return {
      rules: POINT_RULE_KEYS.map((key) => ruleView(key, rules)),
      canEdit: can(membership.member.role, 'points'),
    }
  },
})
