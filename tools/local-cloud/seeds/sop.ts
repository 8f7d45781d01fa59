/**
 * Demo SOP history: for every activity whose T+1d has passed (seeded by seeds/activities and
 * seeds/signups; none before those land), its steps are closed as the staff and the timer would
 * have closed them — plan, warm-up (with the reach recorded) and notify done, the reminder used on
 * each subscribed confirmed sign-up, attendees thanked — and its review is written by the `sop`
 * function's own code (sop/write-review.ts), oldest first so each compares with those before it.
 */
import type { ActivityDoc, TaskDoc } from '../../../cloudfunctions/core/activities'
import { reminderCounts, reminderResult, thanksResult } from '../../../cloudfunctions/core/review'
import { DAY_MS } from '../../../cloudfunctions/core/time'
import type { Database } from '../../../cloudfunctions/runtime/cloud'
import { writeReview } from '../../../cloudfunctions/sop/write-review'
import type { SeedContext, SeedDatabase } from './context'

/** Warm-up reach staff recorded, around the 80% target. */
const REACH = [92, 85, 78, 88, 81, 95, 74]

export async function seedSop(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const _ = db.command
  let reviews = 0
  let tasks = 0
  for (const community of ctx.communities) {
    const { data: past } = (await db
      .collection('activities')
      .where({
        communityId: community.id,
        stage: _.in(['published', 'finished']),
        startAt: _.lte(new Date(now.getTime() - DAY_MS)),
      })
      .orderBy('startAt', 'asc')
      .limit(1000)
      .get()) as unknown as { data: ActivityDoc[] }
    for (const [i, activity] of past.entries()) {
      tasks += await closeSteps(db, activity, REACH[i % REACH.length]!)
      await writeReview(
        db as unknown as Database,
        activity,
        new Date(new Date(activity.startAt).getTime() + DAY_MS),
      )
      reviews++
    }
  }
  return `sop: ${tasks} steps closed, ${reviews} reviews`
}

async function closeSteps(db: SeedDatabase, activity: ActivityDoc, reach: number): Promise<number> {
  const _ = db.command
  const count = async (where: object) =>
    (
      (await db
        .collection('activity_signups')
        .where({ activityId: activity._id, ...where })
        .count()) as { total: number }
    ).total
  const { data: open } = (await db
    .collection('activity_tasks')
    .where({ activityId: activity._id, state: 'open' })
    .get()) as unknown as { data: TaskDoc[] }
  for (const task of open) {
    const dueAt = new Date(task.dueAt)
    const patch: Partial<TaskDoc> = {
      state: 'done',
      doneAt: dueAt,
      doneBy: task.auto ? 'timer' : task.ownerOpenid,
    }
    if (task.step === 'warmup') patch.reach = reach
    if (task.step === 'remind') {
      await db
        .collection('activity_signups')
        .where({ activityId: activity._id, state: 'confirmed', subscribed: true })
        .update({ data: { remindedAt: dueAt } })
      const counts = reminderCounts(
        await count({ state: 'confirmed' }),
        await count({ state: 'confirmed', remindedAt: _.neq(null) }),
        await count({ state: 'confirmed', subscribed: false }),
      )
      patch.counts = counts
      patch.result = reminderResult(counts)
    }
    if (task.step === 'thanks') {
      const attendees = { activityId: activity._id, attendedAt: _.neq(null) }
      await db
        .collection('activity_signups')
        .where(attendees)
        .update({ data: { thankedAt: dueAt } })
      patch.result = thanksResult(await count({ attendedAt: _.neq(null) }))
    }
    await db.collection('activity_tasks').doc(task._id).update({ data: patch })
  }
  return open.length
}
