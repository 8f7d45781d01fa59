import { communityInputs } from '../../core/contracts/community'
import type { HandbookSection } from '../../core/onboarding'
import { checkText, SCENE } from '../../runtime/content-check'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { action } from '../../runtime/handler'
import { defaultSettings, type OnboardingSettingsDoc } from '../../runtime/onboarding'
import { memberCtx } from '../shared'

/** Replace the handbook's ordered sections (the order given is the order shown). */
export default action({
  input: communityInputs.saveHandbook,
  access: ['owner', 'admin', 'organiser'],
  async run(raw, input): Promise<{ sections: HandbookSection[] }> {
    const ctx = memberCtx(raw)
    const cid = ctx.membership.community._id
    const text = input.sections.map((s) => `${s.title}\n${s.body}`).join('\n')
    if (text && (await checkText(text, { openid: ctx.caller.openid, scene: SCENE.forum })) === 'risky')
      fail('CONTENT_RISKY', '手册内容包含不适宜的信息，请修改后再保存')
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
