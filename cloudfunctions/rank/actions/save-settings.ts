import { rankInputs, type RankSettingsResult } from '../../core/contracts/rank'
import type { RankSettings } from '../../core/leaderboard'
import { STAFF_ROLES } from '../../core/roles'
import { action, type MemberActionContext } from '../../runtime/handler'
import { loadRankSettings } from '../../runtime/leaderboard'

/**
 * Save the community's rank settings. When "hide staff" changes, the staff's `ranked` flag follows
 * at once: staff are few, found through the communityId_role index, one update per staff role.
 */
export default action({
  input: rankInputs.saveSettings,
  access: ['owner', 'admin'],
  async run(ctx, input): Promise<RankSettingsResult> {
    const { db, membership, now, caller } = ctx as MemberActionContext
    const communityId = membership.community._id
    const before = await loadRankSettings(db, communityId)
    const settings: RankSettings = { hideStaff: input.hideStaff, top3: input.top3 }
    await db
      .collection('rank_settings')
      .doc(communityId)
      .set({ data: { ...settings, updatedAt: now, updatedBy: caller.openid } })
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
