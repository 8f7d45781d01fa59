import { communityInputs, type RewardCeilingsView } from '../../core/contracts/community'
import { effectiveCeilings } from '../../core/rewards'
import { STAFF_ROLES } from '../../core/rights'
import { getDocOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import type { RewardCeilingsDoc } from '../../runtime/rewards'

/** The ceilings on staff-set rewards: staff read them (their forms stay within); only the owner edits. */
export default memberAction({
  input: communityInputs.rewardCeilings,
  access: STAFF_ROLES,
  async run(ctx): Promise<RewardCeilingsView> {
    const doc = await getDocOrNull<RewardCeilingsDoc>(ctx.db, 'reward_ceilings', ctx.membership.community._id)
    return {
      ceilings: effectiveCeilings(doc?.ceilings),
      canEdit: ctx.membership.member.role === 'owner',
      updatedAt: doc ? new Date(doc.updatedAt).toISOString() : null,
    }
  },
})
