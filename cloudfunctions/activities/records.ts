/** Reading and showing activities and their SOP tasks; the writes every publishing action shares. */
import {
  ACTIVITY_KIND_NAMES,
  ACTIVITY_SIZE_NAMES,
  SOP_STEPS,
  timelineFor,
  type ActivityDoc,
  type TaskDoc,
} from '../core/activities'
import type { ActivityView, TaskView } from '../core/contracts/activities'
import { STAGE_NAMES } from '../core/publishing'
import { shanghaiDayKey } from '../core/time'
import type { Database } from '../runtime/cloud'
import { findMany, txGetOrNull, type Transaction } from '../runtime/db'
import { fail } from '../runtime/errors'

const iso = (d: Date) => new Date(d).toISOString()

export function activityView(a: ActivityDoc): ActivityView {
  return {
    id: a._id,
    kind: a.kind,
    kindName: ACTIVITY_KIND_NAMES[a.kind],
    size: a.size,
    sizeName: ACTIVITY_SIZE_NAMES[a.size],
    title: a.title,
    description: a.description,
    coverFileId: a.coverFileId ?? null,
    startAt: iso(a.startAt),
    endAt: iso(a.endAt),
    day: shanghaiDayKey(new Date(a.startAt)),
    place: a.place ?? null,
    link: a.link ?? null,
    capacity: a.capacity,
    signupDeadline: iso(a.signupDeadline),
    minLevel: a.minLevel,
    points: a.points,
    stage: a.stage,
    stageName: STAGE_NAMES[a.stage],
    seriesId: a.seriesId ?? null,
    occurrenceDay: a.occurrenceDay ?? null,
    confirmedCount: a.confirmedCount,
    waitlistCount: a.waitlistCount,
    attendedCount: a.attendedCount,
    cancelReason: a.cancelReason ?? null,
  }
}

const STEP_NAMES = Object.fromEntries(SOP_STEPS.map((s) => [s.step, s.name])) as Record<
  TaskDoc['step'],
  string
>

/** The timeline of a stored activity (dates read back from the database may be strings). */
function timelineOf(activity: ActivityDoc): TaskDoc[] {
  return timelineFor({ ...activity, startAt: new Date(activity.startAt) })
}

export function taskView(t: TaskDoc): TaskView {
  return { step: t.step, name: STEP_NAMES[t.step], dueAt: iso(t.dueAt), state: t.state, auto: t.auto }
}

/** The activity inside a transaction, or NOT_FOUND when it is not this community's. */
export async function txOwnActivity(tx: Transaction, communityId: string, id: string): Promise<ActivityDoc> {
  const a = await txGetOrNull<ActivityDoc>(tx, 'activities', id)
  if (!a || a.communityId !== communityId) return fail('NOT_FOUND', '找不到这个活动')
  return a
}

/** The activity's SOP tasks in timeline order (one query). */
export async function tasksOf(db: Database, activity: ActivityDoc): Promise<TaskDoc[]> {
  const ids = timelineOf(activity).map((t) => t._id)
  const found = await findMany<TaskDoc>(
    db
      .collection('activity_tasks')
      .where({ _id: db.command.in(ids) })
      .limit(ids.length),
  )
  return ids.map((i) => found.find((t) => t._id === i)).filter((t): t is TaskDoc => !!t)
}

/** Publication writes the SOP timeline in the caller's transaction (set: a republished id starts fresh). */
export async function txWriteTimeline(tx: Transaction, activity: ActivityDoc): Promise<TaskDoc[]> {
  const tasks = timelineOf(activity)
  for (const { _id, ...task } of tasks) await tx.collection('activity_tasks').doc(_id).set({ data: task })
  return tasks
}

/**
 * Keep open tasks in step with their activity: new due times when the start moves, the new title,
 * or cancelled with it. Done and skipped tasks stay as they were.
 */
export async function txUpdateOpenTasks(
  tx: Transaction,
  activity: ActivityDoc,
  change: 'retime' | 'cancel',
): Promise<void> {
  for (const task of timelineOf(activity)) {
    const current = await txGetOrNull<TaskDoc>(tx, 'activity_tasks', task._id)
    if (!current || current.state !== 'open') continue
    const data =
      change === 'cancel' ? { state: 'cancelled' } : { dueAt: task.dueAt, activityTitle: task.activityTitle }
    await tx.collection('activity_tasks').doc(task._id).update({ data })
  }
}

/** A new activity id in a community (time-ordered, not guessable from another). */
export function newActivityId(communityId: string, now: Date, tag = 'ac'): string {
  return `${communityId}:${tag}:${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 7)}`
}
