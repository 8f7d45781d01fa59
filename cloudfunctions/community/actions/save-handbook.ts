import { accessFor } from '../../core/rights'
import { communityInputs } from '../../core/contracts/community'
import type { HandbookSection } from '../../core/onboarding'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { defaultSettings, type OnboardingSettingsDoc } from '../../runtime/onboarding'

/** Replace the handbook's ordered sections (the order given is the order shown). */
export default memberAction({
  input: communityInputs.saveHandbook,
  access: accessFor('onboarding'),
  async run(ctx, input): Promise<{ sections: HandbookSection[] }> {
    const cid = ctx.membership.community._id
    await screenStaffText(ctx.db, {
      communityId: cid,
      openid: ctx.caller.openid,
      scene: SCENE.forum,
      what: '新人手册',
      texts: input.sections.flatMap((s) => [s.title, s.body]),
    })
    await inTransaction(ctx.db, async (tx) => {
      const saved = await txGetOrNull<OnboardingSettingsDoc>(tx, 'onboarding_settings', cid)
      const { _id, ...doc } = {
        ...defaultSettings(cid),
        ...(saved ?? {}),
        sections: input.sections,
        updatedAt: ctx.now,
      }
      void _id
      await tx.collection('onboarding_settings').doc(cid).set({ data: doc })
    })
    return { sections: input.sections }
  },
})
