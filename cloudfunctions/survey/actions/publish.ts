import { accessFor } from '../../core/rights'
import { surveyInputs, type SurveyView } from '../../core/contracts/survey'
import { memberAction } from '../../runtime/handler'
import { moveSurvey } from '../transition'

/** Draft → published: members can answer it, and its questions no longer change. */
export default memberAction({
  input: surveyInputs.publish,
  access: accessFor('surveys'),
  run: (ctx, input): Promise<SurveyView> => moveSurvey(ctx, input.surveyId, 'published'),
})
