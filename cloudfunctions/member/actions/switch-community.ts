import { memberInputs, type MeResult } from '../../core/contracts/member'
import { AppError } from '../../runtime/errors'
import { anyoneAction } from '../../runtime/handler'
import { loadMembership } from '../../runtime/membership'
import { isActiveMember } from '../memberships'
import { communitySummary, memberProfile } from '../profile'

/**
 * Act in another of my communities: it becomes my current one (users/<openid>), and the answer's
 * `community` makes the client send it from now on. Only a community I am a member of.
 */
export default anyoneAction({
  input: memberInputs.switchCommunity,
  async run(ctx, input): Promise<MeResult> {
    const { db, caller, now } = ctx
    const read = await loadMembership(db, caller.openid, input.communityId)
    if (!read || !isActiveMember(read.membership.member)) throw new AppError('NOT_MEMBER')
    const { community, member } = read.membership
    await db
      .collection('users')
      .doc(caller.openid)
      .set({ data: { currentCommunityId: community._id, updatedAt: now } })
    ctx.enterCommunity(community._id)
    return { community: communitySummary(community, member), member: memberProfile(member) }
  },
})
