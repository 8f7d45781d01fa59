import { checkinId, makeupWindow, statsOf } from '../../core/checkin'
import { checkinInputs, type TodayResult } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { shanghaiDayKey } from '../../core/time'
import { getDocOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import type { ReminderFields } from '../reminders'
import { checkinStateOf, isChecked, makeupCardsOf, myCheckin, readRules, type CheckinDoc } from '../records'

/** Today at a glance: checked in or not, the streak, cards and the days a card could restore. */
export default memberAction({
  input: checkinInputs.today,
  access: EVERY_MEMBER,
  async run(ctx): Promise<TodayResult> {
    const { community, member } = ctx.membership
    const today = shanghaiDayKey(ctx.now)
    const state = checkinStateOf(member)
    const [doc, rules] = await Promise.all([
      getDocOrNull<CheckinDoc>(ctx.db, 'checkins', checkinId(community._id, member.openid, today)),
      readRules(ctx.db, community._id),
    ])
    const joinedDay = shanghaiDayKey(new Date(member.joinedAt))
    return {
      today,
      checkedIn: !!doc,
      checkin: doc ? myCheckin(doc) : null,
      streak: statsOf(state, today),
      makeupCards: makeupCardsOf(member),
      missableDays: makeupWindow(today).filter((day) => day >= joinedDay && !isChecked(state, day)),
      pointsPerCheckin: rules.checkin.enabled ? rules.checkin.points : 0,
      reminder: (member as ReminderFields).reminderTime ?? null,
    }
  },
})
