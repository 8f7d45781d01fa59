import { memberInputs } from '../../core/contracts/member'
import { anyoneAction } from '../../runtime/handler'
import { submitQuiz } from '../join'

export default anyoneAction({
  input: memberInputs.submitQuiz,
  async run(ctx, input) {
    return submitQuiz(ctx, input.communityId, input.answers, {
      nickname: input.nickname,
      questionnaire: input.questionnaire,
    })
  },
})
