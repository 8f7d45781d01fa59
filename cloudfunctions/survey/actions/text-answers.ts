import { accessFor } from '../../core/rights'
import { surveyInputs, type TextAnswerPage } from '../../core/contracts/survey'
import { memberAction } from '../../runtime/handler'
import { newestFirst } from '../../runtime/paging'
import type { SurveyTextDoc } from '../../runtime/surveys'
import { loadSurvey } from '../community-survey'

/** One text question's answers, newest first, a page at a time; held and rejected ones are left out. */
export default memberAction({
  input: surveyInputs.textAnswers,
  access: accessFor('surveys'),
  async run(ctx, input): Promise<TextAnswerPage> {
    const survey = await loadSurvey(ctx, input.surveyId)
    const scope = { surveyId: survey._id, questionId: input.questionId, status: 'visible' }
    const { page, nextCursor } = await newestFirst<SurveyTextDoc>(
      ctx.db,
      'survey_texts',
      scope,
      input.cursor,
      input.limit ?? 20,
    )
    return {
      items: page.map((t) => ({
        id: t._id,
        text: t.text,
        nickname: survey.anonymous ? null : t.nickname,
        createdAt: new Date(t.createdAt).toISOString(),
      })),
      nextCursor,
    }
  },
})
