import { surveyInputs, type SurveyView } from '../../core/contracts/survey'
import { action } from '../../runtime/handler'
import { SURVEY_STAFF, memberCtx } from '../shared'
import { moveSurvey } from '../transition'

/** Draft → published: members can answer it, and its questions no longer change. */
export default action({
  input: surveyInputs.publish,
  access: SURVEY_STAFF,
  run: (raw, input): Promise<SurveyView> => moveSurvey(memberCtx(raw), input.surveyId, 'published'),
})
