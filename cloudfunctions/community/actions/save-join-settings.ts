import { accessFor } from '../../core/rights'
import { communityInputs, type OnboardingSettings } from '../../core/contracts/community'
import { quizProblems } from '../../core/onboarding'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import {
  defaultSettings,
  rulesView,
  type OnboardingMember,
  type OnboardingSettingsDoc,
} from '../../runtime/onboarding'
import { syncEntrySurvey } from '../../runtime/surveys'

/** The owner sets how people join (open / review / quiz), the quiz and the entry questionnaire. */
export default memberAction({
  input: communityInputs.saveJoinSettings,
  access: accessFor('settings'),
  async run(ctx, input): Promise<OnboardingSettings> {
    const cid = ctx.membership.community._id
    const problems = quizProblems(input.quiz)
    if (input.policy === 'quiz' && input.quiz.questions.length === 0)
      problems['quiz.questions'] = '入群答题至少需要一道题'
    if (Object.keys(problems).length) fail('INVALID_INPUT', '答题设置不完整', problems)
    await screenStaffText(ctx.db, {
      communityId: cid,
      openid: ctx.caller.openid,
      scene: SCENE.forum,
      what: '入群题目',
      texts: [...input.quiz.questions, ...input.questionnaire].flatMap((q) => [q.text, ...q.options]),
    })
    const settings = await inTransaction(ctx.db, async (tx) => {
      const saved = await txGetOrNull<OnboardingSettingsDoc>(tx, 'onboarding_settings', cid)
      const next = {
        ...defaultSettings(cid),
        ...(saved ?? {}),
        quiz: input.quiz,
        questionnaire: input.questionnaire,
        updatedAt: ctx.now,
      }
      const { _id, ...doc } = next
      void _id
      await tx.collection('onboarding_settings').doc(cid).set({ data: doc })
      // The entry questionnaire is also a survey (results, export): keep it in step.
      await syncEntrySurvey(tx, cid, input.questionnaire, ctx.now)
      await tx
        .collection('communities')
        .doc(cid)
        .update({ data: { joinPolicy: input.policy } })
      return next
    })
    return {
      policy: input.policy,
      quiz: settings.quiz,
      questionnaire: settings.questionnaire,
      sections: settings.sections,
      rules: rulesView(settings, ctx.membership.member as OnboardingMember),
    }
  },
})
