import { memberInputs } from '../../core/contracts/member'
import { anyoneAction } from '../../runtime/handler'
import { fail } from '../../runtime/errors'
import { findOne, getDocOrNull } from '../../runtime/db'
import { openGIdOfShare } from '../../runtime/group-share'
import type { CommunityDoc } from '../../runtime/membership'
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
    return joinCommunity(ctx, community, 'group', {
      nickname: input.nickname,
      questionnaire: input.questionnaire,
    })
  },
})
