import { setupInputs, type CommunityProfile } from '../../core/contracts/setup'
import { accessFor } from '../../core/rights'
import { memberAction } from '../../runtime/handler'
import { profileOf } from '../community'

/** The community as the settings page edits it (the membership read already carries it). */
export default memberAction({
  input: setupInputs.profile,
  access: accessFor('settings'),
  async run(ctx): Promise<CommunityProfile> {
    return profileOf(ctx.membership.community)
  },
})
