import { accessFor } from '../../core/rights'
import { surveyInputs, type SurveyView } from '../../core/contracts/survey'
import { memberAction } from '../../runtime/handler'
import { moveSurvey } from '../transition'

/** Published → closed: no more responses; results stay. */
export default memberAction({
  input: surveyInputs.close,
  access: accessFor('surveys'),
  run: (ctx, input): Promise<SurveyView> => moveSurvey(ctx, input.surveyId, 'closed'),
})
