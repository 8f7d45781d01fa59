import { surveyInputs, type SurveyView } from '../../core/contracts/survey'
import { action } from '../../runtime/handler'
import { SURVEY_STAFF, memberCtx } from '../shared'
import { moveSurvey } from '../transition'

/** Published → closed: no more responses; results stay. */
export default action({
  input: surveyInputs.close,
  access: SURVEY_STAFF,
  run: (raw, input): Promise<SurveyView> => moveSurvey(memberCtx(raw), input.surveyId, 'closed'),
})
