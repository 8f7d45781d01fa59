/** Survey questions for tests and the survey bench: one builder, so a new question field is added once. */
import type { SurveyQuestion } from '../../cloudfunctions/core/survey'

/** A required question titled after its id, with no options or choice bounds unless given. */
export const question = (
  over: Partial<SurveyQuestion> & Pick<SurveyQuestion, 'id' | 'type'>,
): SurveyQuestion => ({
  title: `题目 ${over.id}`,
  required: true,
  options: [],
  minChoices: null,
  maxChoices: null,
  ...over,
})
