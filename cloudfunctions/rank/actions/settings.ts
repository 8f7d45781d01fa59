import { rankInputs, type RankSettingsResult } from '../../core/contracts/rank'
import { effectiveRankSettings } from '../../core/leaderboard'
import { getDocOrNull } from '../../runtime/db'
import { action, type MemberActionContext } from '../../runtime/handler'
import type { RankSettingsDoc } from '../../runtime/leaderboard'

export default action({
  input: rankInputs.settings,
  access: ['owner', 'admin'],
  async run(ctx): Promise<RankSettingsResult> {
    const { db, membership } = ctx as MemberActionContext
    const saved = await getDocOrNull<RankSettingsDoc>(db, 'rank_settings', membership.community._id)
    return {
      ...effectiveRankSettings(saved),
      updatedAt: saved?.updatedAt ? new Date(saved.updatedAt).toISOString() : null,
    }
  },
})
