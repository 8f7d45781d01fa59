import { rankInputs, type RankSettingsResult } from '../../core/contracts/rank'
import type { RankSettings } from '../../core/leaderboard'
import { STAFF_ROLES, accessFor } from '../../core/rights'
import { writeAudit } from '../../runtime/audit'
import { inTransaction } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { loadRankSettings } from '../../runtime/leaderboard'

/**
 * Save the community's rank settings. When "hide staff" changes, the staff's `ranked` flag follows
 * at once: staff are few, found through the communityId_role index, one update per staff role.
 */
export default memberAction({
  input: rankInputs.saveSettings,
  access: accessFor('rank'),
  async run(ctx, input): Promise<RankSettingsResult> {
    const { db, membership, now, caller } = ctx
    const communityId = membership.community._id
    const before = await loadRankSettings(db, communityId)
    const settings: RankSettings = { hideStaff: input.hideStaff, top3: input.top3 }
    const top3Changed = JSON.stringify(before.top3) !== JSON.stringify(settings.top3)
    await inTransaction(db, async (tx) => {
      await tx
        .collection('rank_settings')
        .doc(communityId)
        .set({ data: { ...settings, updatedAt: now, updatedBy: caller.openid } })
      // The Top-3 rewards are points staff set: a change is audited with the change.
      if (top3Changed)
        await writeAudit(tx, {
          communityId,
          kind: 'top3_reward',
          by: caller.openid,
          byNickname: membership.member.nickname,
          target: null,
          targetNickname: null,
          amount: settings.top3.enabled ? Math.max(0, ...settings.top3.points) : 0,
          source: 'top3',
          reason: settings.top3.enabled
            ? `月度 Top3 奖励：${settings.top3.points.join(' / ')} 分`
            : '月度 Top3 奖励：停用',
          requestId: null,
          createdAt: now,
        })
    })
    if (before.hideStaff !== settings.hideStaff) {
      for (const role of STAFF_ROLES)
        await db
          .collection('members')
          .where({ communityId, role })
          .update({ data: { ranked: !settings.hideStaff } })
    }
    return { ...settings, updatedAt: now.toISOString() }
  },
})
