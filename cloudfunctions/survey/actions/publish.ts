import { surveyInputs, type SurveyView } from '../../core/contracts/survey'
import { memberAction } from '../../runtime/handler'
import { SURVEY_STAFF } from '../community-survey'
import { moveSurvey } from '../transition'

/** Draft → published: members can answer it, and its questions no longer change. */
export default memberAction({
  input: surveyInputs.publish,
  access: SURVEY_STAFF,
  run: (ctx, input): Promise<SurveyView> => moveSurvey(ctx, input.surveyId, 'published'),
})
