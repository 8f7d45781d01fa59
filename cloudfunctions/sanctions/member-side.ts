/** What a member sees of the ladder: their own record, their appeals, and the notice board. */
import { sanctionsInputs, type SanctionsOutputs, type ViolationView } from '../core/contracts/sanctions'
import { NOTICE_DAYS, appealProblem, isOverturned, nextStep } from '../core/sanctions'
import { EVERY_MEMBER } from '../core/roles'
import { DAY_MS } from '../core/time'
import { findMany, inTransaction, txGetOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import { memberAction } from '../runtime/handler'
import { SCENE, screenOrReject } from '../runtime/moderation'
import { memberViolations, violationView, type ViolationDoc } from './records'

export const mine = memberAction({
  input: sanctionsInputs.mine,
  access: EVERY_MEMBER,
  async run(ctx): Promise<SanctionsOutputs['mine']> {
    const { member } = ctx.membership
    const rows = await memberViolations(ctx.db, member.communityId, member._id)
    const muted =
      member.mutedUntil && new Date(member.mutedUntil) > ctx.now ? new Date(member.mutedUntil) : null
    return {
      violations: rows.map((v) => violationView(v, ctx.now, true)),
      nextStep: nextStep(rows, ctx.now),
      mutedUntil: muted ? muted.toISOString() : null,
    }
  },
})

/**
 * Appeal one of my violations, once, in writing. Screened (risky is refused), read only by staff.
 * A muted member may appeal: an appeal is not speech to the community.
 */
export const appeal = memberAction({
  input: sanctionsInputs.appeal,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<ViolationView> {
    const { db, now, membership } = ctx
    const { member } = membership
    await screenOrReject(
      db,
      { communityId: member.communityId, openid: member.openid, text: input.text, scene: SCENE.comment },
      '申诉里有不适宜的内容，请修改后再提交',
    )
    const doc = await inTransaction(db, async (tx) => {
      const v = await txGetOrNull<ViolationDoc>(tx, 'violations', input.violationId)
      if (!v || v.communityId !== member.communityId || v.memberId !== member._id) return fail('NOT_FOUND')
      const problem = appealProblem(v, now)
      if (problem) return fail('APPEAL_CLOSED', problem)
      const next = { ...v, appeal: { text: input.text, at: now }, appealPending: true }
      await tx
        .collection('violations')
        .doc(v._id)
        .update({ data: { appeal: next.appeal, appealPending: true } })
      return next
    })
    return violationView(doc, now, true)
  },
})

/** Public namings (step 2) of the last NOTICE_DAYS days, not overturned: the community notice board. */
export const notices = memberAction({
  input: sanctionsInputs.notices,
  access: EVERY_MEMBER,
  async run(ctx): Promise<SanctionsOutputs['notices']> {
    const _ = ctx.db.command
    const rows = await findMany<ViolationDoc>(
      ctx.db
        .collection('violations')
        .where({
          communityId: ctx.membership.community._id,
          step: 2,
          createdAt: _.gt(new Date(ctx.now.getTime() - NOTICE_DAYS * DAY_MS)),
        })
        .orderBy('createdAt', 'desc')
        .limit(20),
    )
    return {
      items: rows
        .filter((v) => !isOverturned(v))
        .map((v) => ({
          nickname: v.nickname,
          reason: v.reason,
          createdAt: new Date(v.createdAt).toISOString(),
        })),
    }
  },
})
