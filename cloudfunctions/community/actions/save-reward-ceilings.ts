import { accessFor } from '../../core/rights'
import { communityInputs, type RewardCeilingsView } from '../../core/contracts/community'
import { REWARD_CEILING_KEYS, REWARD_CEILING_NAMES, effectiveCeilings } from '../../core/rewards'
import { writeAudit } from '../../runtime/audit'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import type { RewardCeilingsDoc } from '../../runtime/rewards'

/**
 * The owner sets the ceilings on staff-set rewards. Each changed ceiling is one audit row (amount:
 * the new ceiling), written with the change.
 */
export default memberAction({
  input: communityInputs.saveRewardCeilings,
  access: accessFor('settings'),
  async run(ctx, input): Promise<RewardCeilingsView> {
    const { db, now, caller, membership } = ctx
    const cid = membership.community._id
    const ceilings = effectiveCeilings(input)
    await inTransaction(db, async (tx) => {
      const before = effectiveCeilings(
        (await txGetOrNull<RewardCeilingsDoc>(tx, 'reward_ceilings', cid))?.ceilings,
      )
      await tx
        .collection('reward_ceilings')
        .doc(cid)
        .set({ data: { ceilings, updatedAt: now, updatedBy: caller.openid } })
      for (const key of REWARD_CEILING_KEYS)
        if (before[key] !== ceilings[key])
          await writeAudit(tx, {
            communityId: cid,
            kind: 'ceiling',
            by: caller.openid,
            byNickname: membership.member.nickname,
            target: null,
            targetNickname: null,
            amount: ceilings[key],
            source: `ceiling:${key}`,
            reason: `${REWARD_CEILING_NAMES[key]}上限：${before[key]} → ${ceilings[key]} 分`,
            requestId: null,
            createdAt: now,
          })
    })
    return { ceilings, canEdit: true, updatedAt: now.toISOString() }
  },
})
