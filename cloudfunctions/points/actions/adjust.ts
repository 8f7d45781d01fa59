import { accessFor } from '../../core/rights'
import { pointsInputs, type AdjustResult } from '../../core/contracts/points'
import { adjustReason, adjustSource } from '../../core/points'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { fail } from '../../runtime/errors'
import { postToDraft, type PointsMember } from '../../runtime/ledger'
import { MemberDraft } from '../../runtime/member-write'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { type AuditDoc } from '../../runtime/audit'

/**
 * An owner or admin adds or removes points, with a reason. The audit row's id carries the
 * requestId, so a retried request (same id) changes nothing, whatever else it says; the ledger's
 * own derived id backs that up. A balance never goes below zero (INSUFFICIENT_POINTS).
 */
export default memberAction({
  input: pointsInputs.adjust,
  access: accessFor('points'),
  async run(ctx, input): Promise<AdjustResult> {
    const { db, membership, now, caller } = ctx
    const communityId = membership.community._id
    // The reason is shown in the member's points history: screened like any text.
    await screenStaffText(db, {
      communityId,
      openid: caller.openid,
      scene: SCENE.comment,
      what: '调整原因',
      texts: [input.reason],
    })
    const auditId = `${communityId}:adjust:${input.requestId}`
    return inTransaction(db, async (tx) => {
      const done = await txGetOrNull<AuditDoc>(tx, 'audit', auditId)
      if (done) {
        const current = await txGetOrNull<{ balance: number }>(tx, 'members', done.target ?? input.memberId)
        return { balance: current?.balance ?? 0, delta: done.amount ?? 0, duplicate: true }
      }
      // The target is read here only: the transaction's read is the one the write depends on.
      const found = await txGetOrNull<PointsMember>(tx, 'members', input.memberId)
      if (!found || found.communityId !== communityId) return fail('NOT_FOUND', '找不到这位成员')
      const target = new MemberDraft(found)
      const posted = await postToDraft(tx, target, {
        communityId,
        openid: found.openid,
        source: adjustSource(input.requestId),
        kind: 'adjust',
        delta: input.delta,
        reason: adjustReason(input.reason),
        by: caller.openid,
        now,
        // Every adjustment's row is written with its audit row: no audit row, no ledger row.
        sourceIsNew: true,
      })
      await target.write(tx)
      const audit: Omit<AuditDoc, '_id'> = {
        communityId,
        kind: 'adjust',
        by: caller.openid,
        byNickname: membership.member.nickname,
        target: found._id,
        targetNickname: found.nickname,
        amount: posted.delta,
        source: adjustSource(input.requestId),
        reason: input.reason,
        requestId: input.requestId,
        createdAt: now,
      }
      if (!posted.duplicate) await tx.collection('audit').doc(auditId).set({ data: audit })
      return { balance: posted.balance, delta: posted.delta, duplicate: posted.duplicate }
    })
  },
})
