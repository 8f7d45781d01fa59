import { memberInputs } from '../../core/contracts/member'
import { anyoneAction } from '../../runtime/handler'
import { fail } from '../../runtime/errors'
import { findOne, getDocOrNull } from '../../runtime/db'
import { openGIdOfShare } from '../../runtime/group-share'
import type { CommunityDoc } from '../../runtime/membership'
import { memberId } from '../../core/community'
import { joinCommunity } from '../join'

export default anyoneAction({
  input: memberInputs.joinByGroup,
  async run(ctx, input) {
    // Only the platform's own decryption counts, never the `data` that came with the event.
    const openGId = await openGIdOfShare(input.groupShare.cloudID)
    if (!openGId) fail('GROUP_SHARE_EXPIRED')
    const group = await findOne<{ communityId: string }>(ctx.db.collection('groups').where({ openGId }))
    if (!group) fail('GROUP_NOT_BOUND')
    const community = await getDocOrNull<CommunityDoc>(ctx.db, 'communities', group.communityId)
    if (!community) fail('GROUP_NOT_BOUND')
    const outcome = await joinCommunity(ctx, community, 'group', {
      nickname: input.nickname,
      questionnaire: input.questionnaire,
      viaActivity: input.viaActivity,
    })
    // The member remembers the group they joined from (the first one only): the groups page counts
    // them there. One write, only when a membership exists and names no group yet.
    const _ = ctx.db.command
    await ctx.db
      .collection('members')
      .where({ _id: memberId(community._id, ctx.caller.openid), groupId: _.exists(false) })
      .update({ data: { groupId: group._id } })
    return outcome
  },
})
