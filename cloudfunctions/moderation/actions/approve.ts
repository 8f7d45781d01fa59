import { accessFor } from '../../core/rights'
import { moderationInputs } from '../../core/contracts/moderation'
import { memberAction } from '../../runtime/handler'
import { decide } from '../decide'

export default memberAction({
  input: moderationInputs.approve,
  access: accessFor('moderation'),
  run: (ctx, input) => decide(ctx, input.id, 'approve', input.textHash),
})
