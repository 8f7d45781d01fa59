import { surveyInputs, type SurveyView } from '../../core/contracts/survey'
import { EVERY_MEMBER } from '../../core/roles'
import { getDocOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { loadPointRules } from '../../runtime/ledger'
import { responseId } from '../../runtime/surveys'
import { canManage, loadSurvey, loadTally, viewOf } from '../community-survey'

/** One survey with its questions, whether I answered, and (for staff) how many have. */
export default memberAction({
  input: surveyInputs.detail,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<SurveyView> {
    const survey = await loadSurvey(ctx, input.surveyId)
    const [mine, rules, tally] = await Promise.all([
      getDocOrNull(ctx.db, 'survey_responses', responseId(survey, ctx.caller.openid)),
      loadPointRules(ctx.db, survey.communityId),
      canManage(ctx) ? loadTally(ctx.db, survey) : Promise.resolve(null),
    ])
    return viewOf(ctx, survey, { answered: !!mine, responses: tally?.responses ?? 0, rules })
  },
})
