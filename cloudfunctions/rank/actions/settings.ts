import { accessFor } from '../../core/rights'
import { rankInputs, type RankSettingsResult } from '../../core/contracts/rank'
import { effectiveRankSettings } from '../../core/leaderboard'
import { getDocOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import type { RankSettingsDoc } from '../../runtime/leaderboard'

export default memberAction({
  input: rankInputs.settings,
  access: accessFor('rank'),
  async run(ctx): Promise<RankSettingsResult> {
    const { db, membership } = ctx
    const saved = await getDocOrNull<RankSettingsDoc>(db, 'rank_settings', membership.community._id)
    return {
      ...effectiveRankSettings(saved),
      updatedAt: saved?.updatedAt ? new Date(saved.updatedAt).toISOString() : null,
    }
  },
})
