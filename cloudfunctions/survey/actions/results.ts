import { accessFor } from '../../core/rights'
import { surveyInputs, type SurveyResults } from '../../core/contracts/survey'
import { questionStats } from '../../core/survey'
import { memberAction } from '../../runtime/handler'
import { loadPointRules } from '../../runtime/ledger'
import { loadSurvey, loadTally, summaryOf } from '../community-survey'

/**
 * Per-question statistics from the running tallies (at most 16 shard documents, whatever the number
 * of responses): counts and percentages per option, average rating and its distribution, NPS.
 */
export default memberAction({
  input: surveyInputs.results,
  access: accessFor('surveys'),
  async run(ctx, input): Promise<SurveyResults> {
    const survey = await loadSurvey(ctx, input.surveyId)
    const [tally, rules] = await Promise.all([
      loadTally(ctx.db, survey),
      loadPointRules(ctx.db, survey.communityId),
    ])
    return {
      survey: summaryOf(survey, ctx.now, { answered: false, responses: tally.responses, rules }),
      responses: tally.responses,
      questions: survey.questions.map((q) => questionStats(q, tally)),
      countingSince:
        survey.kind === 'entry' && survey.roundSince ? new Date(survey.roundSince).toISOString() : null,
    }
  },
})
