/**
 * The autopilot's timer run: every due, open `auto` task (index state_auto_dueAt), oldest first, is
 * carried out and closed with a result line. The T−1h reminder walks the activity's confirmed
 * sign-ups in resumable batches (runtime/jobs.ts, progress in `jobs/sop:remind:<activityId>`), so
 * 10,000 sign-ups take as many timer runs as the time limit needs and a run killed mid-way loses
 * nothing. Each reminder is claimed on its sign-up (remindedAt, one conditional update) before it is
 * sent, so neither a rerun nor two overlapping runs ever use a member's subscription twice.
 */
import type { ActivityDoc, SignupDoc, TaskDoc } from '../core/activities'
import { messageThing } from '../core/notify'
import { autoDecision, reminderCounts, reminderResult, thanksResult } from '../core/review'
import { shanghaiDateTimeText } from '../core/time'
import type { Database } from '../runtime/cloud'
import { findMany, getDocOrNull } from '../runtime/db'
import { jobTuning, runResumableJob, type JobState } from '../runtime/jobs'
import { sendSubscribeMessage } from '../runtime/notify'
import { writeReview } from './write-review'

/** Due tasks taken per run; the timer comes back in 5 minutes for the rest. */
const TASKS_PER_RUN = 50
/** Small enough that one batch's sends end well inside the 20 s left after the jobs' 40 s budget. */
const REMIND_BATCH = 50
/** Reminders sent at once within a batch. */
const SEND_CONCURRENCY = 10

export interface SopRunOutcome {
  /** Tasks closed by this run, with what was done. */
  closed: { taskId: string; state: TaskDoc['state']; result: string }[]
  /** A reminder run that continues on the next timer tick. */
  pending: string[]
}

interface RemindJobDoc extends JobState {
  activityId: string
}

export async function runSopTimer(db: Database, now: Date, startedMs = Date.now()): Promise<SopRunOutcome> {
  const _ = db.command
  const outcome: SopRunOutcome = { closed: [], pending: [] }
  const due = await findMany<TaskDoc>(
    db
      .collection('activity_tasks')
      .where({ state: 'open', auto: true, dueAt: _.lte(now) })
      .orderBy('dueAt', 'asc')
      .limit(TASKS_PER_RUN),
  )
  for (const task of due) {
    const activity = await getDocOrNull<ActivityDoc>(db, 'activities', task.activityId)
    const decision = autoDecision(task, activity, now)
    if (!decision) continue
    if (!decision.run) {
      await closeTask(db, task, { state: decision.state, result: decision.result }, now, outcome)
      continue
    }
    if (task.step === 'remind') {
      const counts = await remind(db, activity!, now, startedMs)
      // Out of time: the next tick continues the same job.
      if (!counts) {
        outcome.pending.push(task._id)
        break
      }
      await closeTask(db, task, { state: 'done', result: reminderResult(counts), counts }, now, outcome)
    } else if (task.step === 'thanks') {
      const attended = await thank(db, activity!, now)
      await closeTask(db, task, { state: 'done', result: thanksResult(attended) }, now, outcome)
    } else if (task.step === 'review') {
      const review = await writeReview(db, activity!, now)
      const result = `复盘已生成：报名 ${review.figures.signups} 人，到场 ${review.figures.attended} 人`
      await closeTask(db, task, { state: 'done', result }, now, outcome)
    }
  }
  return outcome
}

/** Close an open task once; a run that lost the race to another leaves it as the other closed it. */
async function closeTask(
  db: Database,
  task: TaskDoc,
  patch: Pick<TaskDoc, 'state' | 'result' | 'counts'>,
  now: Date,
  outcome: SopRunOutcome,
): Promise<void> {
  const res = (await db
    .collection('activity_tasks')
    .where({ _id: task._id, state: 'open' })
    .update({ data: { ...patch, doneAt: now, doneBy: 'timer' } })) as { stats: { updated: number } }
  if (res.stats.updated) outcome.closed.push({ taskId: task._id, state: patch.state, result: patch.result! })
}

/** The reminder run over the confirmed sign-ups; null while it still has batches to go. */
async function remind(db: Database, activity: ActivityDoc, now: Date, startedMs: number) {
  const job = await runResumableJob<RemindJobDoc, SignupDoc>({
    db,
    jobId: `sop:remind:${activity._id}`,
    initial: { activityId: activity._id },
    collection: 'activity_signups',
    where: { activityId: activity._id, state: 'confirmed' },
    ...(await jobTuning(db, 'sop', REMIND_BATCH)),
    now,
    startedMs,
    async step(signups) {
      const waiting = signups.filter((s) => s.subscribed && !s.remindedAt)
      for (let i = 0; i < waiting.length; i += SEND_CONCURRENCY) {
        await Promise.all(waiting.slice(i, i + SEND_CONCURRENCY).map((s) => remindOne(db, s, activity, now)))
      }
    },
  })
  if (!job.done) return null
  const _ = db.command
  const count = async (where: object) =>
    (
      (await db
        .collection('activity_signups')
        .where({ activityId: activity._id, state: 'confirmed', ...where })
        .count()) as { total: number }
    ).total
  const [confirmed, sent, notSubscribed] = await Promise.all([
    count({}),
    count({ remindedAt: _.neq(null) }),
    count({ subscribed: false }),
  ])
  return reminderCounts(confirmed, sent, notSubscribed)
}

async function remindOne(db: Database, signup: SignupDoc, activity: ActivityDoc, now: Date): Promise<void> {
  const _ = db.command
  // The claim: only the run whose update changed the row sends.
  const claim = (await db
    .collection('activity_signups')
    .where({ _id: signup._id, state: 'confirmed', remindedAt: _.eq(null) })
    .update({ data: { remindedAt: now } })) as { stats: { updated: number } }
  if (claim.stats.updated !== 1) return
  const sent = await sendSubscribeMessage({
    openid: signup.openid,
    template: 'activityReminder',
    data: {
      thing1: messageThing(activity.title),
      time2: shanghaiDateTimeText(new Date(activity.startAt)),
      thing3: messageThing(activity.place || activity.link || '线上'),
    },
    page: `packages/activities/detail/index?id=${activity._id}`,
  })
  // Not sent: the subscription was not used, so the sign-up is not counted as reminded.
  if (!sent.sent)
    await db
      .collection('activity_signups')
      .doc(signup._id)
      .update({ data: { remindedAt: null } })
}

/**
 * The thank-you is in the app, not a subscribe message: each attendee's sign-up is marked thanked
 * (one update), and the activity's page shows them the note. Returns the number of attendees.
 */
async function thank(db: Database, activity: ActivityDoc, now: Date): Promise<number> {
  const _ = db.command
  const attendees = { activityId: activity._id, attendedAt: _.neq(null) }
  await db
    .collection('activity_signups')
    .where({ ...attendees, thankedAt: _.eq(null) })
    .update({ data: { thankedAt: now } })
  const { total } = (await db.collection('activity_signups').where(attendees).count()) as { total: number }
  return total
}
