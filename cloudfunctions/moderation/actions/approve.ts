import { moderationInputs } from '../../core/contracts/moderation'
import { action } from '../../runtime/handler'
import { memberCtx } from '../../community/shared'
import { decide } from '../decide'

export default action({
  input: moderationInputs.approve,
  access: ['owner', 'admin'],
  run: (ctx, input) => decide(memberCtx(ctx), input.id, 'approve', input.textHash),
})
