import { memberInputs, type InviteView } from '../../core/contracts/member'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import { ensureInviteRef } from '../invite'

/** The caller's personal invite: the community code (any member may share it), their ref and its tally. */
export default memberAction({
  input: memberInputs.invite,
  access: EVERY_MEMBER,
  async run(ctx): Promise<InviteView> {
    const { db, membership, now } = ctx
    const { community, member } = membership
    const [ref, counted] = await Promise.all([
      ensureInviteRef(db, member, now),
      // Served by members.community_invitedBy_joinedAt.
      db.collection('members').where({ communityId: community._id, invitedBy: member.openid }).count(),
    ])
    return {
      communityName: community.name,
      code: community.inviteCode,
      ref,
      invitedCount: (counted as { total: number }).total,
    }
  },
})
