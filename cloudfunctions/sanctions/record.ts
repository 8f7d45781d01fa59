import { sanctionsInputs, type RecordResult, type SanctionsOutputs } from '../core/contracts/sanctions'
import { messageThing } from '../core/notify'
import {
  STEP_NAMES,
  chooseStep,
  maySanction,
  muteEndsAt,
  nextStep,
  violationExpiresAt,
} from '../core/sanctions'
import { accessFor } from '../core/rights'
import { shanghaiDateTimeText } from '../core/time'
import { getDocOrNull, inTransaction, txGetOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import { memberAction, type MemberActionContext } from '../runtime/handler'
import { acceptImage } from '../runtime/images'
import { endMembership } from '../runtime/leaving'
import { SCENE, screenStaffText, type HeldContentDoc } from '../runtime/moderation'
import { sendSubscribeMessage } from '../runtime/notify'
import { recordActivity } from '../runtime/activity'
import { loadSanctionSettings } from '../runtime/speech'
import { memberViolations, targetMember, taskView, violationView, type ViolationDoc } from './records'

/**
 * Record a violation and take the member one step up the ladder, in one transaction with its effect:
 * step 3 mutes for 24 hours (member.mutedUntil), step 4 ends the membership with a removal task.
 * The row's id counts the member's violations, so two staff recording at once cannot both take the
 * same step: the second gets CONFLICT and sees the first on refresh. Also used by moderation
 * `reject` with `recordViolation`.
 */
export async function recordViolation(
  ctx: MemberActionContext,
  input: {
    memberId: string
    reason: string
    evidenceText?: string
    imageFileId?: string
    heldId?: string
    step?: 1 | 2 | 3 | 4
  },
): Promise<RecordResult> {
  const { db, now, caller, membership } = ctx
  const cid = membership.community._id
  const target = await targetMember(db, cid, input.memberId)
  if (target.openid === caller.openid) fail('SANCTION_NOT_ALLOWED', '不能给自己记录违规')
  if (!maySanction(membership.member.role, target.role)) fail('SANCTION_NOT_ALLOWED')
  await screenStaffText(db, {
    communityId: cid,
    openid: caller.openid,
    scene: SCENE.comment,
    what: '违规原因或证据',
    texts: [input.reason, input.evidenceText],
  })
  if (input.imageFileId)
    await acceptImage(db, {
      communityId: cid,
      openid: caller.openid,
      fileId: input.imageFileId,
      purpose: 'evidence',
      now,
    })
  if (input.heldId) {
    const held = await getDocOrNull<HeldContentDoc>(db, 'held_content', input.heldId)
    if (!held || held.communityId !== cid || held.openid !== target.openid)
      fail('INVALID_INPUT', '关联的内容不是这位成员的', { heldId: '关联的内容不是这位成员的' })
  }
  const [settings, past] = await Promise.all([
    loadSanctionSettings(db, cid),
    memberViolations(db, cid, target._id),
  ])
  const chosen = chooseStep(nextStep(past, now), input.step, settings.allowSkip)
  if ('problem' in chosen) return fail('INVALID_INPUT', chosen.problem, { step: chosen.problem })
  const { step } = chosen
  const doc: ViolationDoc = {
    _id: `${target._id}#${past.length + 1}`,
    communityId: cid,
    memberId: target._id,
    openid: target.openid,
    nickname: target.nickname,
    step,
    reason: input.reason,
    evidence: {
      ...(input.evidenceText ? { text: input.evidenceText } : {}),
      ...(input.imageFileId ? { imageFileId: input.imageFileId } : {}),
      ...(input.heldId ? { heldId: input.heldId } : {}),
    },
    by: caller.openid,
    createdAt: now,
    expiresAt: violationExpiresAt(now, settings.expiryDays),
    ...(step === 3 ? { mutedUntil: muteEndsAt(now) } : {}),
  }
  let mutedUntil: Date | null = null
  await inTransaction(db, async (tx) => {
    if (await txGetOrNull(tx, 'violations', doc._id))
      return fail('CONFLICT', '刚有人记录了这位成员的违规，请刷新后再试')
    const { _id, ...fields } = doc
    await tx.collection('violations').doc(_id).set({ data: fields })
    // The value score's violation dimension counts recorded violations, in the week recorded.
    await recordActivity(tx, {
      communityId: cid,
      openid: target.openid,
      now,
      add: { violations: 1 },
      active: false,
    })
    if (step === 3) {
      const current = await txGetOrNull<{ mutedUntil?: Date }>(tx, 'members', target._id)
      const ends = doc.mutedUntil as Date
      mutedUntil =
        current?.mutedUntil && new Date(current.mutedUntil) > ends ? new Date(current.mutedUntil) : ends
      await tx.collection('members').doc(target._id).update({ data: { mutedUntil } })
    }
    if (step === 4)
      await endMembership(tx, {
        memberDocId: target._id,
        status: 'removed',
        now,
        by: caller.openid,
        reason: input.reason,
      })
  })
  // Private warning in the app (the member's record) and by subscribe message where they subscribed.
  const sent = await sendSubscribeMessage({
    openid: target.openid,
    template: 'violationNotice',
    data: {
      thing1: messageThing(STEP_NAMES[step]),
      thing2: messageThing(input.reason),
      time3: shanghaiDateTimeText(now),
    },
    page: 'packages/me/violations/index',
  })
  if (sent.sent)
    await db
      .collection('violations')
      .doc(doc._id)
      .update({ data: { notified: true } })
  return {
    violation: violationView(doc, now),
    notified: sent.sent,
    mutedUntil: mutedUntil ? (mutedUntil as Date).toISOString() : null,
    removed: step === 4,
  }
}

export const record = memberAction({
  input: sanctionsInputs.record,
  access: accessFor('sanctions'),
  run: (ctx, input) => recordViolation(ctx, input),
})

/** Staff remove a member outright: the membership ends and a removal task opens. */
export const remove = memberAction({
  input: sanctionsInputs.remove,
  access: accessFor('sanctions'),
  async run(ctx, input): Promise<SanctionsOutputs['remove']> {
    const { db, now, caller, membership } = ctx
    const cid = membership.community._id
    const target = await targetMember(db, cid, input.memberId)
    if (target.openid === caller.openid) fail('SANCTION_NOT_ALLOWED', '要离开社群请在「我的」里退出')
    if (!maySanction(membership.member.role, target.role)) fail('SANCTION_NOT_ALLOWED')
    await screenStaffText(db, {
      communityId: cid,
      openid: caller.openid,
      scene: SCENE.comment,
      what: '移出原因',
      texts: [input.reason],
    })
    const { task } = await inTransaction(db, (tx) =>
      endMembership(tx, {
        memberDocId: target._id,
        status: 'removed',
        now,
        by: caller.openid,
        reason: input.reason,
      }),
    )
    return { removed: true, task: taskView(task!) }
  },
})
