import { accessFor } from '../../core/rights'
import { scoreInputs, type DistributionRow, type DistributionView } from '../../core/contracts/score'
import { percent } from '../../core/survey'
import { HEALTHY_BANDS, TIERS, TIER_NAMES, withinBand, type DistributionGroup } from '../../core/value-score'
import { findOne } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'

interface DistributionDoc extends Record<DistributionGroup, number> {
  communityId: string
  weekKey: string
  total: number
  computedAt: Date
}

const GROUP_NAMES: Record<DistributionGroup, string> = { ...TIER_NAMES, silent: '沉默' }

/** The latest weekly run's tier counts against the SPEC's healthy ranges (one indexed read). */
export default memberAction({
  input: scoreInputs.distribution,
  access: accessFor('tiers'),
  async run(ctx): Promise<DistributionView> {
    const { db, membership } = ctx
    const doc = await findOne<DistributionDoc>(
      db
        .collection('score_distributions')
        .where({ communityId: membership.community._id })
        .orderBy('weekKey', 'desc'),
    )
    const total = doc?.total ?? 0
    const rows: DistributionRow[] = [...TIERS, 'silent' as const].map((group) => {
      const count = doc?.[group] ?? 0
      const share = percent(count, total)
      return {
        group,
        name: GROUP_NAMES[group],
        count,
        percent: share,
        band: HEALTHY_BANDS[group] ?? null,
        healthy: total ? withinBand(group, share) : null,
      }
    })
    return {
      weekKey: doc?.weekKey ?? null,
      total,
      rows,
      computedAt: doc ? new Date(doc.computedAt).toISOString() : null,
    }
  },
})
