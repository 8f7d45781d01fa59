import { communityInputs, type OnboardingView } from '../../core/contracts/community'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import { checklistView, loadSettings, rulesView, type OnboardingMember } from '../../runtime/onboarding'

/** The handbook, the current rules (and whether I must acknowledge them) and my checklist. */
export default memberAction({
  input: communityInputs.onboarding,
  access: EVERY_MEMBER,
  async run(ctx): Promise<OnboardingView> {
    const member = ctx.membership.member as OnboardingMember
    const [settings, checklist] = await Promise.all([
      loadSettings(ctx.db, member.communityId),
      checklistView(ctx.db, member, ctx.now),
    ])
    return {
      sections: settings.sections,
      rules: rulesView(settings, member),
      checklist,
      tags: member.tags ?? [],
      questionnaire: settings.questionnaire,
    }
  },
})
