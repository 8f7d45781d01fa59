/** Staff publish one activity: create or edit it, publish it with its SOP tasks, cancel it, finish it. */
import type { ActivityDoc, ActivityStage, SignupDoc } from '../core/activities'
import { activitiesInputs, type ActivitiesOutputs } from '../core/contracts/activities'
import { messageThing } from '../core/notify'
import { activityFieldErrors, canEdit, canMove, defaultMinLevel } from '../core/publishing'
import { accessFor } from '../core/rights'
import { shanghaiDateTimeText } from '../core/time'
import { findMany, getDocOrNull, inTransaction, type Transaction } from '../runtime/db'
import { fail } from '../runtime/errors'
import { memberAction, type MemberActionContext } from '../runtime/handler'
import { acceptImage } from '../runtime/images'
import { SCENE, screenStaffText } from '../runtime/moderation'
import { sendSubscribeMessage } from '../runtime/notify'
import { loadRewardCeilings } from '../runtime/rewards'
import {
  activityView,
  newActivityId,
  taskView,
  tasksOf,
  txOwnActivity,
  txUpdateOpenTasks,
  txWriteTimeline,
} from './records'

/** Refuse with the first field's message and every field's, so the form marks each one. */
export function failFields(errors: Record<string, string>): void {
  const first = Object.values(errors)[0]
  if (first) fail('INVALID_INPUT', first, errors)
}

/**
 * Screen what members will read and accept a new cover, before any transaction (both are network
 * calls). A cover already on the activity is not checked again.
 */
export async function screenActivityContent(
  ctx: MemberActionContext,
  input: { title: string; description: string; place?: string | null; coverFileId?: string | null },
  keptCover: string | null,
): Promise<void> {
  const { community, member } = ctx.membership
  await screenStaffText(ctx.db, {
    communityId: community._id,
    openid: member.openid,
    scene: SCENE.forum,
    what: '活动信息',
    texts: [input.title, input.description, input.place],
  })
  if (input.coverFileId && input.coverFileId !== keptCover)
    await acceptImage(ctx.db, {
      communityId: community._id,
      openid: member.openid,
      fileId: input.coverFileId,
      purpose: 'cover',
      now: ctx.now,
    })
}

export const save = memberAction({
  input: activitiesInputs.save,
  access: accessFor('activities'),
  async run(ctx, input): Promise<ActivitiesOutputs['save']> {
    const { community, member } = ctx.membership
    const cid = community._id
    const startAt = new Date(input.startAt)
    const endAt = new Date(input.endAt)
    const signupDeadline = new Date(input.signupDeadline)
    const [existing, ceilings] = await Promise.all([
      input.id ? getDocOrNull<ActivityDoc>(ctx.db, 'activities', input.id) : Promise.resolve(null),
      loadRewardCeilings(ctx.db, cid),
    ])
    if (input.id && (!existing || existing.communityId !== cid)) fail('NOT_FOUND', '找不到这个活动')
    const moved = !existing || new Date(existing.startAt).getTime() !== startAt.getTime()
    const errors = activityFieldErrors(
      { startAt, endAt, signupDeadline, points: input.points },
      { now: ctx.now, ceiling: ceilings.activity, moved },
    )
    if (errors.points) fail('REWARD_OVER_CEILING', errors.points, { points: errors.points })
    if (existing && input.capacity !== null && input.capacity < existing.confirmedCount)
      errors.capacity = `已有 ${existing.confirmedCount} 人报名，人数上限不能更少`
    failFields(errors)
    await screenActivityContent(ctx, input, existing?.coverFileId ?? null)
    const fields = {
      kind: input.kind,
      size: input.size,
      title: input.title,
      description: input.description,
      coverFileId: input.coverFileId ?? null,
      startAt,
      endAt,
      place: input.place || null,
      link: input.link || null,
      capacity: input.capacity,
      signupDeadline,
      minLevel: defaultMinLevel(input.kind, input.minLevel),
      points: input.points,
      updatedAt: ctx.now,
    }
    const saved = await inTransaction(ctx.db, async (tx): Promise<ActivityDoc> => {
      if (!existing) {
        const doc: ActivityDoc = {
          _id: newActivityId(cid, ctx.now),
          communityId: cid,
          ...fields,
          stage: 'draft',
          seriesId: null,
          occurrenceDay: null,
          ownerOpenid: member.openid,
          createdBy: member.openid,
          createdAt: ctx.now,
          confirmedCount: 0,
          waitlistCount: 0,
          attendedCount: 0,
        }
        const { _id, ...data } = doc
        await tx.collection('activities').doc(_id).set({ data })
        return doc
      }
      const current = await txOwnActivity(tx, cid, existing._id)
      if (!canEdit(current.stage)) fail('CONFLICT', '活动已取消或已结束，不能再修改')
      if (input.capacity !== null && input.capacity < current.confirmedCount)
        fail('INVALID_INPUT', `已有 ${current.confirmedCount} 人报名，人数上限不能更少`)
      await tx.collection('activities').doc(current._id).update({ data: fields })
      const next = { ...current, ...fields }
      // A published activity's open steps follow its start and title.
      if (current.stage === 'published') await txUpdateOpenTasks(tx, next, 'retime')
      return next
    })
    return activityView(saved)
  },
})

/**
 * Move one of the community's activities to another stage in the caller's transaction: refused with
 * CONFLICT and `refusal` when the stage may not move there (core/publishing canMove), then `check`.
 */
async function txMoveStage(
  tx: Transaction,
  communityId: string,
  id: string,
  move: {
    to: ActivityStage
    refusal: string
    check?: (a: ActivityDoc) => void
    change: Partial<ActivityDoc>
  },
): Promise<{ before: ActivityDoc; after: ActivityDoc }> {
  const a = await txOwnActivity(tx, communityId, id)
  if (!canMove(a.stage, move.to)) fail('CONFLICT', move.refusal)
  move.check?.(a)
  const change = { ...move.change, stage: move.to }
  await tx.collection('activities').doc(a._id).update({ data: change })
  return { before: a, after: { ...a, ...change } }
}

export const publish = memberAction({
  input: activitiesInputs.publish,
  access: accessFor('activities'),
  async run(ctx, input): Promise<ActivitiesOutputs['publish']> {
    const cid = ctx.membership.community._id
    const { activity, tasks } = await inTransaction(ctx.db, async (tx) => {
      const { after } = await txMoveStage(tx, cid, input.id, {
        to: 'published',
        refusal: '只有草稿可以发布',
        check: (a) => {
          if (new Date(a.endAt).getTime() <= ctx.now.getTime())
            fail('INVALID_INPUT', '活动已经结束，不能再发布')
        },
        change: { publishedAt: ctx.now, updatedAt: ctx.now },
      })
      return { activity: after, tasks: await txWriteTimeline(tx, after) }
    })
    return { ...activityView(activity), tasks: tasks.map(taskView) }
  },
})

/** Page size when telling everyone signed up. */
const TELL_PAGE = 100

export const cancel = memberAction({
  input: activitiesInputs.cancel,
  access: accessFor('activities'),
  async run(ctx, input): Promise<ActivitiesOutputs['cancel']> {
    const cid = ctx.membership.community._id
    const activity = await inTransaction(ctx.db, async (tx) => {
      const { before, after } = await txMoveStage(tx, cid, input.id, {
        to: 'cancelled',
        refusal: '活动已取消或已结束',
        change: { cancelledAt: ctx.now, cancelReason: input.reason, updatedAt: ctx.now },
      })
      if (before.stage === 'published') await txUpdateOpenTasks(tx, after, 'cancel')
      return after
    })
    // Everyone confirmed or waitlisted is told, once each; a member without a subscription is not.
    let told = 0
    let notSubscribed = 0
    if (activity.confirmedCount + activity.waitlistCount > 0) {
      const _ = ctx.db.command
      for (let offset = 0; ; offset += TELL_PAGE) {
        const page = await findMany<SignupDoc>(
          ctx.db
            .collection('activity_signups')
            .where({ activityId: activity._id, state: _.in(['confirmed', 'waitlisted']) })
            .orderBy('seq', 'asc')
            .skip(offset)
            .limit(TELL_PAGE),
        )
        const outcomes = await Promise.all(
          page.map((s) =>
            sendSubscribeMessage({
              openid: s.openid,
              template: 'activityChange',
              data: {
                thing1: messageThing(activity.title),
                thing2: messageThing(`活动已取消：${input.reason}`),
                time3: shanghaiDateTimeText(new Date(activity.startAt)),
              },
              page: `packages/activities/detail/index?id=${encodeURIComponent(activity._id)}`,
            }),
          ),
        )
        told += outcomes.filter((o) => o.sent).length
        notSubscribed += outcomes.filter((o) => !o.sent && o.reason === 'not-subscribed').length
        if (page.length < TELL_PAGE) break
      }
    }
    return { ...activityView(activity), told, notSubscribed }
  },
})

export const finish = memberAction({
  input: activitiesInputs.finish,
  access: accessFor('activities'),
  async run(ctx, input): Promise<ActivitiesOutputs['finish']> {
    const cid = ctx.membership.community._id
    const { after: activity } = await inTransaction(ctx.db, (tx) =>
      txMoveStage(tx, cid, input.id, {
        to: 'finished',
        refusal: '只有已发布的活动可以结束',
        check: (a) => {
          if (new Date(a.startAt).getTime() > ctx.now.getTime()) fail('CONFLICT', '活动还没开始，不能结束')
        },
        change: { finishedAt: ctx.now, updatedAt: ctx.now },
      }),
    )
    return activityView(activity)
  },
})

export const get = memberAction({
  input: activitiesInputs.get,
  access: accessFor('activities'),
  async run(ctx, input): Promise<ActivitiesOutputs['get']> {
    const cid = ctx.membership.community._id
    const [a, ceilings] = await Promise.all([
      getDocOrNull<ActivityDoc>(ctx.db, 'activities', input.id),
      loadRewardCeilings(ctx.db, cid),
    ])
    if (!a || a.communityId !== cid) return fail('NOT_FOUND', '找不到这个活动')
    const tasks = a.stage === 'draft' ? [] : await tasksOf(ctx.db, a)
    return {
      ...activityView(a),
      tasks: tasks.map(taskView),
      ceiling: ceilings.activity,
      canEdit: canEdit(a.stage),
    }
  },
})
