import { communityInputs, type ChecklistView } from '../../core/contracts/community'
import { EVERY_MEMBER } from '../../core/roles'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { checklistView, payChecklistStep, type MemberOnboardingDoc } from '../../runtime/onboarding'

/** Opening the handbook page marks the checklist step (and pays it once). */
export default memberAction({
  input: communityInputs.readHandbook,
  access: EVERY_MEMBER,
  async run(ctx): Promise<ChecklistView> {
    const { member } = ctx.membership
    const id = ctx.membership.member._id
    await inTransaction(ctx.db, async (tx) => {
      const progress = await txGetOrNull<MemberOnboardingDoc>(tx, 'member_onboarding', id)
      if (progress?.handbookReadAt) return
      await tx
        .collection('member_onboarding')
        .doc(id)
        .set({
          data: {
            communityId: member.communityId,
            openid: member.openid,
            ...stripId(progress),
            handbookReadAt: ctx.now,
          },
        })
    })
    await payChecklistStep(ctx.db, member, 'handbook', ctx.now)
    return checklistView(ctx.db, member, ctx.now)
  },
})

function stripId(doc: MemberOnboardingDoc | null): Partial<MemberOnboardingDoc> {
  if (!doc) return {}
  const { _id, ...rest } = doc
  void _id
  return rest
}
