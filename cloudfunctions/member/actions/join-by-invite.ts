import { isWellFormedInviteCode, normaliseInviteCode } from '../../core/community'
import { memberInputs } from '../../core/contracts/member'
import { anyoneAction } from '../../runtime/handler'
import { fail } from '../../runtime/errors'
import { findOne } from '../../runtime/db'
import type { CommunityDoc } from '../../runtime/membership'
import { joinCommunity } from '../join'

export default anyoneAction({
  input: memberInputs.joinByInvite,
  async run(ctx, input) {
    const code = normaliseInviteCode(input.code)
    if (!isWellFormedInviteCode(code)) fail('INVITE_CODE_INVALID')
    const community = await findOne<CommunityDoc>(
      ctx.db.collection('communities').where({ inviteCode: code }),
    )
    if (!community) fail('INVITE_CODE_INVALID')
    return joinCommunity(ctx, community, 'invite', {
      nickname: input.nickname,
      ref: input.ref,
      questionnaire: input.questionnaire,
      viaActivity: input.viaActivity,
    })
  },
})
