import { accessFor } from '../../core/rights'
import { pointsInputs, type GrantCardsResult } from '../../core/contracts/points'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { type PointsMember } from '../../runtime/ledger'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { targetMember } from '../members'
import { type AuditDoc } from '../../runtime/audit'

/**
 * Give a member make-up cards (补签卡): `members.makeupCards` goes up, the check-in function takes
 * one when a card is used. Audited; the requestId makes a retry harmless.
 */
export default memberAction({
  input: pointsInputs.grantMakeupCards,
  access: accessFor('points'),
  async run(ctx, input): Promise<GrantCardsResult> {
    const { db, membership, now, caller } = ctx
    const communityId = membership.community._id
    const target = await targetMember(db, communityId, input.memberId)
    await screenStaffText(db, {
      communityId,
      openid: caller.openid,
      scene: SCENE.comment,
      what: '发放原因',
      texts: [input.reason],
    })
    const auditId = `${communityId}:makeup_cards:${input.requestId}`
    return inTransaction(db, async (tx) => {
      const [done, member] = await Promise.all([
        txGetOrNull<AuditDoc>(tx, 'audit', auditId),
        txGetOrNull<PointsMember>(tx, 'members', target._id),
      ])
      if (!member) return fail('NOT_FOUND', '找不到这位成员')
      if (done) return { makeupCards: member.makeupCards ?? 0, duplicate: true }
      const makeupCards = (member.makeupCards ?? 0) + input.count
      await tx.collection('members').doc(target._id).update({ data: { makeupCards } })
      const audit: Omit<AuditDoc, '_id'> = {
        communityId,
        kind: 'makeup_cards',
        by: caller.openid,
        byNickname: membership.member.nickname,
        target: target._id,
        targetNickname: target.nickname,
        amount: input.count,
        source: `makeup_cards:${input.requestId}`,
        reason: input.reason || '管理员发放补签卡',
        requestId: input.requestId,
        createdAt: now,
      }
      await tx.collection('audit').doc(auditId).set({ data: audit })
      return { makeupCards, duplicate: false }
    })
  },
})
