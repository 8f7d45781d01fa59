import { pointsInputs, type RuleView } from '../../core/contracts/points'
import { POINT_RULE_NAMES, effectiveRules, ruleProblems } from '../../core/points'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import type { PointRulesDoc } from '../../runtime/ledger'
import { writeAudit } from '../../runtime/audit'
import { accessFor } from '../../core/rights'
import { ruleView } from './rules'

export default memberAction({
  input: pointsInputs.updateRule,
  access: accessFor('points'),
  async run(ctx, input): Promise<RuleView> {
    const { db, membership, now, caller } = ctx
    const problems = ruleProblems(input)
    if (problems) fail('INVALID_INPUT', undefined, problems)
    const communityId = membership.community._id
    const rule = { points: input.points, dailyCap: input.dailyCap, enabled: input.enabled }
    const saved = await inTransaction(db, async (tx) => {
      const doc = await txGetOrNull<PointRulesDoc>(tx, 'point_rules', communityId)
      const rules = { ...(doc?.rules ?? {}), [input.rule]: rule }
      await tx
        .collection('point_rules')
        .doc(communityId)
        .set({ data: { rules, updatedAt: now, updatedBy: caller.openid } })
      await writeAudit(tx, {
        communityId,
        kind: 'rule',
        by: caller.openid,
        byNickname: membership.member.nickname,
        target: null,
        targetNickname: null,
        amount: rule.enabled ? rule.points : 0,
        source: `rule:${input.rule}`,
        reason: `${POINT_RULE_NAMES[input.rule]}：${rule.enabled ? `${rule.points} 分` : '停用'}，每日上限 ${rule.dailyCap ?? '不限'}`,
        requestId: null,
        createdAt: now,
      })
      return rules
    })
    return ruleView(input.rule, effectiveRules(saved))
  },
})
