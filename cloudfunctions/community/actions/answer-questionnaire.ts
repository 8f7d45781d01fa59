import { communityInputs } from '../../core/contracts/community'
import { tagsFromAnswers } from '../../core/onboarding'
import { EVERY_MEMBER } from '../../core/roles'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { loadSettings } from '../../runtime/onboarding'
import { recordEntryResponse } from '../../runtime/surveys'

/** The entry questionnaire (occupation, interests, habits): the chosen options become my profile tags. */
export default memberAction({
  input: communityInputs.answerQuestionnaire,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<{ tags: string[] }> {
    const settings = await loadSettings(ctx.db, ctx.membership.community._id)
    const { tags, problems } = tagsFromAnswers(settings.questionnaire, input.answers)
    if (Object.keys(problems).length) fail('INVALID_INPUT', '问卷答案不完整或格式不对', problems)
    if (!settings.questionnaire.length) {
      await ctx.db.collection('members').doc(ctx.membership.member._id).update({ data: { tags } })
      return { tags }
    }
    // The answers are also the member's entry-survey response (results, export), in the same step.
    await recordEntryResponse(ctx.db, {
      communityId: ctx.membership.community._id,
      openid: ctx.caller.openid,
      nickname: ctx.membership.member.nickname,
      questionnaire: settings.questionnaire,
      chosen: input.answers,
      tags,
      now: ctx.now,
    })
    return { tags }
  },
})
