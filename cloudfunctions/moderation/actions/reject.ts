import { memberId } from '../../core/community'
import { moderationInputs, type ModerationOutputs } from '../../core/contracts/moderation'
import { accessFor, can } from '../../core/rights'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { recordViolation } from '../../sanctions/record'
import { decide } from '../decide'

/** Reject a held text; with `recordViolation`, also take its author one step up the ladder. */
export default memberAction({
  input: moderationInputs.reject,
  access: accessFor('moderation'),
  async run(ctx, input): Promise<ModerationOutputs['reject']> {
    if (input.recordViolation && !can(ctx.membership.member.role, 'sanctions')) fail('FORBIDDEN')
    const item = await decide(ctx, input.id, 'reject')
    if (!input.recordViolation) return { ...item, violation: null }
    const violation = await recordViolation(ctx, {
      memberId: memberId(ctx.membership.community._id, item.openid),
      reason: input.reason ?? `${item.kindName}违反群规，已被驳回`,
      heldId: item.id,
    })
    return { ...item, violation }
  },
})
