import { accessFor } from '../../core/rights'
import { communityInputs, type OnboardingSettings } from '../../core/contracts/community'
import { memberAction } from '../../runtime/handler'
import { loadSettings, policyOf, rulesView, type OnboardingMember } from '../../runtime/onboarding'

/** Everything an admin edits about joining and onboarding (quiz answers included). */
export default memberAction({
  input: communityInputs.settings,
  access: accessFor('onboarding'),
  async run(ctx): Promise<OnboardingSettings> {
    const settings = await loadSettings(ctx.db, ctx.membership.community._id)
    return {
      policy: policyOf(ctx.membership.community),
      quiz: settings.quiz,
      questionnaire: settings.questionnaire,
      sections: settings.sections,
      rules: rulesView(settings, ctx.membership.member as OnboardingMember),
    }
  },
})
