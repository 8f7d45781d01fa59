import { accessFor } from '../../core/rights'
import { scoreInputs, type MemberScoreView } from '../../core/contracts/score'
import { getDocOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { memberScoreView, type ScoredMember } from '../score-view'

/** Any member's value score, for the owner and admins of the same community only. */
export default memberAction({
  input: scoreInputs.memberScore,
  access: accessFor('tiers'),
  async run(ctx, input): Promise<MemberScoreView> {
    const { db, membership, now } = ctx
    const communityId = membership.community._id
    // Another community's member is as good as missing.
    if (!input.memberId.startsWith(`${communityId}_`)) return fail('NOT_FOUND')
    const member = await getDocOrNull<ScoredMember>(db, 'members', input.memberId)
    if (!member || member.communityId !== communityId) return fail('NOT_FOUND')
    return memberScoreView(db, member, now, 'staff')
  },
})
