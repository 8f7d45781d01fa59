import { surveyInputs, type SurveyView } from '../../core/contracts/survey'
import { memberAction } from '../../runtime/handler'
import { SURVEY_STAFF } from '../community-survey'
import { moveSurvey } from '../transition'

/** Published → closed: no more responses; results stay. */
export default memberAction({
  input: surveyInputs.close,
  access: SURVEY_STAFF,
  run: (ctx, input): Promise<SurveyView> => moveSurvey(ctx, input.surveyId, 'closed'),
})
