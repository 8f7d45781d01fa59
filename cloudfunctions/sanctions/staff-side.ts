/** The staff side of the ladder: the queue, appeal decisions, settings and removal tasks. */
import { sanctionsInputs, type SanctionsOutputs, type ViolationView } from '../core/contracts/sanctions'
import { accessFor, can } from '../core/rights'
import { effectiveSanctionSettings, type SanctionSettings } from '../core/sanctions'
import { findMany, inTransaction, txGetOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import { memberAction } from '../runtime/handler'
import { recordActivity } from '../runtime/activity'
import type { RemovalTaskDoc } from '../runtime/leaving'
import { loadSanctionSettings } from '../runtime/speech'
import { taskView, violationView, type ViolationDoc } from './records'

export const list = memberAction({
  input: sanctionsInputs.list,
  access: accessFor('sanctions'),
  async run(ctx): Promise<SanctionsOutputs['list']> {
    const { db, now } = ctx
    const cid = ctx.membership.community._id
    const [recent, appeals, tasks, settings] = await Promise.all([
      findMany<ViolationDoc>(
        db.collection('violations').where({ communityId: cid }).orderBy('createdAt', 'desc').limit(30),
      ),
      findMany<ViolationDoc>(
        db
          .collection('violations')
          .where({ communityId: cid, appealPending: true })
          .orderBy('createdAt', 'desc')
          .limit(50),
      ),
      db.collection('removal_tasks').where({ communityId: cid, status: 'open' }).count() as Promise<{
        total: number
      }>,
      loadSanctionSettings(db, cid),
    ])
    return {
      recent: recent.map((v) => violationView(v, now)),
      appeals: appeals.map((v) => violationView(v, now)),
      openTasks: tasks.total,
      allowSkip: settings.allowSkip,
    }
  },
})

/**
 * Decide an appeal: upheld keeps the step; overturned voids it (off the ladder, the notice board and
 * the value score), and lifts the mute a step 3 set.
 */
export const decideAppeal = memberAction({
  input: sanctionsInputs.decideAppeal,
  access: accessFor('sanctions'),
  async run(ctx, input): Promise<ViolationView> {
    const { db, now, caller } = ctx
    const cid = ctx.membership.community._id
    const doc = await inTransaction(db, async (tx) => {
      const v = await txGetOrNull<ViolationDoc>(tx, 'violations', input.violationId)
      if (!v || v.communityId !== cid || !v.appeal) return fail('NOT_FOUND')
      if (v.appeal.decision) return fail('CONFLICT', '这条申诉已经处理过了')
      const appeal = { ...v.appeal, decision: input.decision, decidedBy: caller.openid, decidedAt: now }
      await tx
        .collection('violations')
        .doc(v._id)
        .update({ data: { appeal, appealPending: false } })
      if (input.decision === 'overturned') {
        await recordActivity(tx, {
          communityId: cid,
          openid: v.openid,
          now,
          weekOf: new Date(v.createdAt),
          add: { violations: -1 },
          active: false,
        })
        if (v.step === 3 && v.mutedUntil) {
          const member = await txGetOrNull<{ mutedUntil?: Date }>(tx, 'members', v.memberId)
          // Only the mute this violation set: a later, longer one stays.
          if (member?.mutedUntil && new Date(member.mutedUntil).getTime() <= new Date(v.mutedUntil).getTime())
            await tx
              .collection('members')
              .doc(v.memberId)
              .update({ data: { mutedUntil: now } })
        }
      }
      return { ...v, appeal, appealPending: false }
    })
    return violationView(doc, now)
  },
})

export const settings = memberAction({
  input: sanctionsInputs.settings,
  access: accessFor('sanctions'),
  async run(ctx): Promise<SanctionsOutputs['settings']> {
    const saved = await loadSanctionSettings(ctx.db, ctx.membership.community._id)
    return { ...saved, canEdit: can(ctx.membership.member.role, 'settings') }
  },
})

export const saveSettings = memberAction({
  input: sanctionsInputs.saveSettings,
  access: accessFor('settings'),
  async run(ctx, input): Promise<SanctionsOutputs['saveSettings']> {
    const next: SanctionSettings = effectiveSanctionSettings(input)
    await ctx.db
      .collection('sanction_settings')
      .doc(ctx.membership.community._id)
      .set({ data: { ...next, updatedAt: ctx.now, updatedBy: ctx.caller.openid } })
    return { ...next, canEdit: true }
  },
})

export const removalTasks = memberAction({
  input: sanctionsInputs.removalTasks,
  access: accessFor('sanctions'),
  async run(ctx): Promise<SanctionsOutputs['removalTasks']> {
    const cid = ctx.membership.community._id
    const of = (status: 'open' | 'done') =>
      findMany<RemovalTaskDoc>(
        ctx.db
          .collection('removal_tasks')
          .where({ communityId: cid, status })
          .orderBy('createdAt', 'desc')
          .limit(50),
      )
    const [open, done] = await Promise.all([of('open'), of('done')])
    return { open: open.map(taskView), done: done.map(taskView) }
  },
})

/** A human admin removed the person from the WeChat group: the task is done. */
export const completeRemovalTask = memberAction({
  input: sanctionsInputs.completeRemovalTask,
  access: accessFor('sanctions'),
  async run(ctx, input) {
    const cid = ctx.membership.community._id
    const task = await inTransaction(ctx.db, async (tx) => {
      const t = await txGetOrNull<RemovalTaskDoc>(tx, 'removal_tasks', input.taskId)
      if (!t || t.communityId !== cid) return fail('NOT_FOUND')
      if (t.status === 'done') return t
      const done = { status: 'done' as const, doneAt: ctx.now, doneBy: ctx.caller.openid }
      await tx.collection('removal_tasks').doc(t._id).update({ data: done })
      return { ...t, ...done }
    })
    return taskView(task)
  },
})
