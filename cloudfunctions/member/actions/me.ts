import { memberInputs, type MeResult } from '../../core/contracts/member'
import { action } from '../../runtime/handler'
import { communitySummary, memberProfile } from '../profile'

export default action({
  input: memberInputs.me,
  access: 'anyone',
  async run({ membership }): Promise<MeResult> {
    if (!membership) return { community: null, member: null }
    return {
      community: communitySummary(membership.community, membership.member),
      member: memberProfile(membership.member),
    }
  },
})
