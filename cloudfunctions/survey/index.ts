// The `survey` cloud function (问卷): members list and answer surveys; organisers and above build,
// publish and close them, read results and export responses.
import { defineFunction } from '../runtime/handler'
import list from './actions/list'
import detail from './actions/detail'
import submit from './actions/submit'
import save from './actions/save'
import publish from './actions/publish'
import close from './actions/close'
import results from './actions/results'
import textAnswers from './actions/text-answers'
import exportResponses from './actions/export-responses'

export const main = defineFunction({
  list,
  detail,
  submit,
  save,
  publish,
  close,
  results,
  textAnswers,
  exportResponses,
})
