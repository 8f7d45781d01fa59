import { communityInputs, type AckResult } from '../../core/contracts/community'
import { rulesAckId, rulesVersionId } from '../../core/onboarding'
import { EVERY_MEMBER } from '../../core/roles'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import {
  checklistView,
  payChecklistStep,
  type MemberOnboardingDoc,
  type OnboardingSettingsDoc,
  type RulesVersionDoc,
} from '../../runtime/onboarding'

/**
 * 已阅: acknowledge the current rules version. The acknowledgement row, the version's counter, the
 * member's acknowledged version and the checklist progress change in one transaction, so parallel
 * repeats count once; the checklist step then pays through the ledger (once, by its source).
 */
export default memberAction({
  input: communityInputs.ackRules,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<AckResult> {
    const { member, community } = ctx.membership
    const cid = community._id
    const mid = ctx.membership.member._id
    const recorded = await inTransaction(ctx.db, async (tx) => {
      const settings = await txGetOrNull<OnboardingSettingsDoc>(tx, 'onboarding_settings', cid)
      const current = settings?.rulesVersion ?? 0
      if (current === 0) return fail('NOT_FOUND', '社群还没有发布群规')
      if (input.version !== current) return fail('RULES_VERSION_STALE')
      const ackId = rulesAckId(cid, current, member.openid)
      const [ack, version, progress] = await Promise.all([
        txGetOrNull(tx, 'rules_acks', ackId),
        txGetOrNull<RulesVersionDoc>(tx, 'rules_versions', rulesVersionId(cid, current)),
        txGetOrNull<MemberOnboardingDoc>(tx, 'member_onboarding', mid),
      ])
      if (ack) return false
      if (!version) return fail('NOT_FOUND')
      await tx
        .collection('rules_acks')
        .doc(ackId)
        .set({ data: { communityId: cid, version: current, openid: member.openid, ackedAt: ctx.now } })
      await tx
        .collection('rules_versions')
        .doc(version._id)
        .update({ data: { ackCount: (version.ackCount ?? 0) + 1 } })
      await tx
        .collection('members')
        .doc(mid)
        .update({ data: { rulesAckVersion: current } })
      if (!progress?.rulesAckedAt) {
        const { _id, ...rest } = progress ?? { _id: mid }
        void _id
        await tx
          .collection('member_onboarding')
          .doc(mid)
          .set({ data: { ...rest, communityId: cid, openid: member.openid, rulesAckedAt: ctx.now } })
      }
      return true
    })
    await payChecklistStep(ctx.db, member, 'rules', ctx.now)
    return { version: input.version, recorded, checklist: await checklistView(ctx.db, member, ctx.now) }
  },
})
