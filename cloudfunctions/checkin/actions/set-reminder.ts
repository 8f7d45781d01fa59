import { reminderMinute, reminderSlot } from '../../core/checkin-reminder'
import { checkinInputs, type ReminderResult } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'

/**
 * The member's daily check-in reminder: a time of day (Asia/Shanghai), or null to turn it off.
 * Stored on the member with the timer slot that sends it (checkin/reminders.ts); the one-time
 * subscription it needs is asked for at the same tap on the client.
 */
export default memberAction({
  input: checkinInputs.setReminder,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<ReminderResult> {
    const { member } = ctx.membership
    const time = input.time
    await ctx.db
      .collection('members')
      .doc(member._id)
      .update({
        data: { reminderTime: time, reminderSlot: time === null ? null : reminderSlot(reminderMinute(time)) },
      })
    return { time }
  },
})
