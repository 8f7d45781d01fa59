import { accessFor } from '../../core/rights'
import { communityInputs, type RulesView } from '../../core/contracts/community'
import { rulesVersionId } from '../../core/onboarding'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { defaultSettings, rulesView, type OnboardingSettingsDoc } from '../../runtime/onboarding'

/**
 * 声明+确认: publish new rules as a new version. Every member (the publisher too) is asked to
 * acknowledge it; the version's ack counter starts at 0.
 */
export default memberAction({
  input: communityInputs.publishRules,
  access: accessFor('rules'),
  async run(ctx, input): Promise<RulesView> {
    const cid = ctx.membership.community._id
    await screenStaffText(ctx.db, {
      communityId: cid,
      openid: ctx.caller.openid,
      scene: SCENE.forum,
      what: '群规',
      verb: '发布',
      texts: [input.shortRules, input.fullRules],
    })
    const settings = await inTransaction(ctx.db, async (tx) => {
      const saved = await txGetOrNull<OnboardingSettingsDoc>(tx, 'onboarding_settings', cid)
      const base = { ...defaultSettings(cid), ...(saved ?? {}) }
      const version = base.rulesVersion + 1
      const next: OnboardingSettingsDoc = {
        ...base,
        shortRules: input.shortRules,
        fullRules: input.fullRules,
        rulesVersion: version,
        rulesPublishedAt: ctx.now,
        updatedAt: ctx.now,
      }
      await tx
        .collection('rules_versions')
        .doc(rulesVersionId(cid, version))
        .set({
          data: {
            communityId: cid,
            version,
            shortRules: input.shortRules,
            fullRules: input.fullRules,
            publishedAt: ctx.now,
            publishedBy: ctx.caller.openid,
            ackCount: 0,
          },
        })
      const { _id, ...doc } = next
      void _id
      await tx.collection('onboarding_settings').doc(cid).set({ data: doc })
      return next
    })
    return rulesView(settings, { ...ctx.membership.member, rulesAckVersion: settings.rulesVersion - 1 })
  },
})
