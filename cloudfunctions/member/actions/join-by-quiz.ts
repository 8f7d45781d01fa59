import { memberInputs } from '../../core/contracts/member'
import { action } from '../../runtime/handler'
import { submitQuiz } from '../join'

export default action({
  input: memberInputs.submitQuiz,
  access: 'anyone',
  async run(ctx, input) {
    return submitQuiz(ctx, input.communityId, input.answers, {
      nickname: input.nickname,
      questionnaire: input.questionnaire,
    })
  },
})
