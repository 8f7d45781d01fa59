import { checkinId } from '../../core/checkin'
import { checkinInputs, type DayResult } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { shanghaiDayKey } from '../../core/time'
import { getDocOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { dayResult } from '../notes'
import type { CheckinDoc } from '../records'

/** The calendar's day view: the caller's own check-in of one day (note, photos), or none. */
export default memberAction({
  input: checkinInputs.day,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<DayResult> {
    const { community, member } = ctx.membership
    const doc = await getDocOrNull<CheckinDoc>(
      ctx.db,
      'checkins',
      checkinId(community._id, member.openid, input.day),
    )
    return dayResult(doc, input.day, shanghaiDayKey(ctx.now))
  },
})
