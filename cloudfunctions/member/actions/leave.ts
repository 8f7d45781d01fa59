import { memberInputs } from '../../core/contracts/member'
import { EVERY_MEMBER } from '../../core/roles'
import { inTransaction } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { endMembership } from '../../runtime/leaving'

/**
 * Leave the community (runtime/leaving.ts says what ends). The owner hands the community to an admin
 * first. Coming back later goes through the join policy again.
 */
export default memberAction({
  input: memberInputs.leave,
  access: EVERY_MEMBER,
  async run(ctx) {
    const { member, community } = ctx.membership
    if (member.role === 'owner') fail('OWNER_CANNOT_LEAVE')
    await inTransaction(ctx.db, (tx) =>
      endMembership(tx, { memberDocId: member._id, status: 'left', now: ctx.now, by: member.openid }),
    )
    return { left: true as const, communityId: community._id }
  },
})
