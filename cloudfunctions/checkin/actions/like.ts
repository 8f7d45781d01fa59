import { checkinInputs, type LikeResult } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import { setLike } from '../likes'

/** Like a visible check-in of the caller's community; liking twice changes nothing. */
export default memberAction({
  input: checkinInputs.like,
  access: EVERY_MEMBER,
  run: (ctx, input): Promise<LikeResult> => setLike(ctx, input.checkinId, true),
})
