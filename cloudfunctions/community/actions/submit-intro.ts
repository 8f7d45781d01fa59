import { communityInputs, type IntroResult } from '../../core/contracts/community'
import { visibilityFor } from '../../core/moderation'
import { CHECKLIST_STEP_NAMES, checklistSource, introPays } from '../../core/onboarding'
import { ledgerReason } from '../../core/points'
import { EVERY_MEMBER } from '../../core/roles'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { holdInTransaction, SCENE, screenOrReject } from '../../runtime/moderation'
import { assertMaySpeak } from '../../runtime/speech'
import { checklistView, loadChecklistRule, payChecklistStep, type IntroDoc } from '../../runtime/onboarding'

/**
 * Introduce yourself. The text passes the community word list and the content-security API first:
 * risky is refused (nothing written), review is held (only the author and admins see it; the step
 * pays when an admin approves), pass is shown and pays at once — within 24 hours of joining only.
 */
export default memberAction({
  input: communityInputs.submitIntro,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<IntroResult> {
    const { member } = ctx.membership
    await assertMaySpeak(ctx.db, member, ctx.now)
    const id = ctx.membership.member._id
    const pays = introPays(new Date(member.joinedAt), ctx.now)
    const rule = await loadChecklistRule(ctx.db, member.communityId)
    const reward =
      pays && rule.enabled && rule.points > 0
        ? {
            source: checklistSource('intro'),
            delta: rule.points,
            reason: ledgerReason('checklist', CHECKLIST_STEP_NAMES.intro),
            rule: 'checklist',
            dailyCap: rule.dailyCap,
          }
        : null
    const screened = await screenOrReject(
      ctx.db,
      { communityId: member.communityId, openid: member.openid, text: input.text, scene: SCENE.profile },
      '自我介绍包含不适宜的内容，请修改后再提交',
    )
    const status = visibilityFor(screened.verdict)
    // The intro and its queue row change together: the queue shows exactly the stored text, and a
    // clean rewrite of a held intro takes the old text out of the queue.
    await inTransaction(ctx.db, async (tx) => {
      const existing = await txGetOrNull<IntroDoc>(tx, 'intros', id)
      await tx
        .collection('intros')
        .doc(id)
        .set({
          data: {
            communityId: member.communityId,
            openid: member.openid,
            nickname: member.nickname,
            text: input.text,
            status,
            createdAt: existing?.createdAt ?? ctx.now,
            updatedAt: ctx.now,
          },
        })
      await holdInTransaction(tx, screened, {
        communityId: member.communityId,
        openid: member.openid,
        kind: 'intro',
        collection: 'intros',
        docId: id,
        text: input.text,
        reward,
        rewrite: true,
        now: ctx.now,
      })
    })
    const paid = status === 'visible' && pays ? await payChecklistStep(ctx.db, member, 'intro', ctx.now) : 0
    return {
      status: status as 'visible' | 'held',
      paid,
      late: !pays,
      checklist: await checklistView(ctx.db, member, ctx.now),
    }
  },
})
