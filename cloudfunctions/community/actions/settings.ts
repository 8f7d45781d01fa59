import { communityInputs, type OnboardingSettings } from '../../core/contracts/community'
import { action } from '../../runtime/handler'
import { loadSettings, policyOf, rulesView, type OnboardingMember } from '../../runtime/onboarding'
import { memberCtx } from '../shared'

/** Everything an admin edits about joining and onboarding (quiz answers included). */
export default action({
  input: communityInputs.settings,
  access: ['owner', 'admin', 'organiser'],
  async run(raw): Promise<OnboardingSettings> {
    const ctx = memberCtx(raw)
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
