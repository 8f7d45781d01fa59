/**
 * The daily check-in reminder's timer (issue 15; core/checkin-reminder has the times). Every tick
 * handles one slot: the members whose chosen time falls in it (index reminderSlot + _id, so no tick
 * reads members without a reminder there), in resumable batches (runtime/jobs.ts) with progress in
 * `jobs/checkin-reminders:<HH:MM>` for the day. A member gets at most one message a day: none once
 * checked in (their streak ended today), none after one was sent (`reminderDay`), and none without
 * an accepted one-time subscription (the platform refuses; that costs nothing).
 */
import { previousSlot, slotAt, slotText } from '../core/checkin-reminder'
import { messageThing } from '../core/notify'
import { addDays, shanghaiDayKey } from '../core/time'
import type { Database } from '../runtime/cloud'
import { jobTuning, runResumableJob, type JobState } from '../runtime/jobs'
import { isActive, type MemberDoc } from '../runtime/membership'
import { sendSubscribeMessage } from '../runtime/notify'

/** The reminder fields on a member document (checkin.setReminder writes them). */
export interface ReminderFields {
  /** 'HH:MM' as the member picked it, or null when off. */
  reminderTime?: string | null
  /** The timer slot that sends it (core/checkin-reminder reminderSlot), or null when off. */
  reminderSlot?: number | null
  /** The Asia/Shanghai day of the last reminder sent. */
  reminderDay?: string | null
  streak?: number
  streakDay?: string | null
}

type ReminderMember = MemberDoc & ReminderFields

interface JobDoc extends JobState {
  dayKey: string
  slot: number
  sent: number
  skipped: number
}

export interface ReminderOutcome {
  dayKey: string
  slots: { slot: string; done: boolean; sent: number; skipped: number }[]
}

const DEFAULT_BATCH = 100

export async function runReminderJob(
  db: Database,
  now: Date,
  startedMs = Date.now(),
): Promise<ReminderOutcome> {
  const dayKey = shanghaiDayKey(now)
  const current = slotAt(now)
  const tuning = await jobTuning(db, 'checkin-reminders', DEFAULT_BATCH)
  const slots: ReminderOutcome['slots'] = []
  // The previous slot first: a run stopped at its timeout is finished by the next tick.
  const earlier = previousSlot(current)
  for (const slot of earlier === null ? [current] : [earlier, current]) {
    const job = await runResumableJob<JobDoc, ReminderMember>({
      db,
      jobId: `checkin-reminders:${slotText(slot)}`,
      period: dayKey,
      initial: { dayKey, slot, sent: 0, skipped: 0 },
      collection: 'members',
      where: { reminderSlot: slot },
      ...tuning,
      now,
      startedMs,
      // Redoing a batch is harmless: `reminderDay` is set once a message went out.
      async step(members, state) {
        for (const member of members) {
          if (await remind(db, member, dayKey)) state.sent++
          else state.skipped++
        }
      },
    })
    slots.push({ slot: slotText(slot), done: job.done, sent: job.sent, skipped: job.skipped })
  }
  return { dayKey, slots }
}

async function remind(db: Database, member: ReminderMember, dayKey: string): Promise<boolean> {
  if (!isActive(member) || member.reminderDay === dayKey || member.streakDay === dayKey) return false
  const streak = member.streakDay === addDays(dayKey, -1) ? (member.streak ?? 0) : 0
  const outcome = await sendSubscribeMessage({
    openid: member.openid,
    template: 'checkinReminder',
    data: {
      thing1: '今天还没有打卡',
      thing2: messageThing(streak ? `已连续打卡 ${streak} 天，今天也来记录吧` : '花一分钟记录今天的收获'),
      time3: member.reminderTime ?? '',
    },
    page: 'pages/home/index',
  })
  if (!outcome.sent) return false
  await db
    .collection('members')
    .doc(member._id)
    .update({ data: { reminderDay: dayKey } })
  return true
}
