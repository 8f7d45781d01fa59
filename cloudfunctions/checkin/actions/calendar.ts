import { calendarMonth, statsOf } from '../../core/checkin'
import { checkinInputs, type CalendarResult } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { monthRange, shanghaiDayKey } from '../../core/time'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { checkinStateOf, makeupCardsOf, type CheckinDoc } from '../records'

/** A month of the caller's check-ins (index communityId + openid + dayKey): at most 31 documents. */
export default memberAction({
  input: checkinInputs.calendar,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<CalendarResult> {
    const { community, member } = ctx.membership
    const today = shanghaiDayKey(ctx.now)
    const { first, last } = monthRange(input.month)
    const _ = ctx.db.command
    const docs = await findMany<CheckinDoc>(
      ctx.db
        .collection('checkins')
        .where({ communityId: community._id, openid: member.openid, dayKey: _.gte(first).and(_.lte(last)) })
        .field({ dayKey: true, madeUp: true })
        .limit(31),
    )
    const month = calendarMonth(
      input.month,
      docs.map((d) => ({ day: d.dayKey, madeUp: !!d.madeUp })),
      today,
      shanghaiDayKey(new Date(member.joinedAt)),
    )
    return {
      ...month,
      today,
      streak: statsOf(checkinStateOf(member), today),
      makeupCards: makeupCardsOf(member),
    }
  },
})
