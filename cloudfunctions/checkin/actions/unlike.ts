import { checkinInputs, type LikeResult } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import { setLike } from '../likes'

/** Take a like back; unliking what was not liked changes nothing. */
export default memberAction({
  input: checkinInputs.unlike,
  access: EVERY_MEMBER,
  run: (ctx, input): Promise<LikeResult> => setLike(ctx, input.checkinId, false),
})
