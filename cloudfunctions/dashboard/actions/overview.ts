import { dashboardInputs, type AlertView, type DashboardOverview } from '../../core/contracts/dashboard'
import { DASHBOARD_READ_DAYS, playsOf, readMetrics } from '../../core/metrics'
import { percent } from '../../core/survey'
import { shanghaiMonthKey } from '../../core/time'
import { TIERS, TIER_NAMES } from '../../core/value-score'
import { findMany, findOne } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { DASHBOARD_ACCESS, assertDashboard } from '../access'
import type { AlertDoc } from '../alerts'
import { funnelSteps, type StoredFigures } from '../figures'

/**
 * The dashboard in one call and four reads besides the membership (the same at 1k and 100k members):
 * the last 60 days of figures, the alerts, the tier distribution and the month's top contributors.
 */
export default memberAction({
  input: dashboardInputs.overview,
  access: DASHBOARD_ACCESS,
  async run(ctx): Promise<DashboardOverview> {
    const { db, membership, now } = ctx
    assertDashboard(membership)
    const cid = membership.community._id
    const [daysDesc, alerts, distribution, top] = await Promise.all([
      findMany<StoredFigures>(
        db
          .collection('metrics_daily')
          .where({ communityId: cid })
          .orderBy('day', 'desc')
          .limit(DASHBOARD_READ_DAYS),
      ),
      findMany<AlertDoc>(
        db.collection('alerts').where({ communityId: cid }).orderBy('raisedAt', 'desc').limit(20),
      ),
      findOne<Record<string, number> & { weekKey: string; total: number }>(
        db.collection('score_distributions').where({ communityId: cid }).orderBy('weekKey', 'desc'),
      ),
      findMany<{ _id: string; nickname: string; monthEarned: number }>(
        db
          .collection('members')
          .where({ communityId: cid, ranked: true, monthKey: shanghaiMonthKey(now) })
          .orderBy('monthEarned', 'desc')
          .field({ nickname: true, monthEarned: true })
          .limit(5),
      ),
    ])
    const history = daysDesc.reverse()
    const latest = history[history.length - 1]
    const total = distribution?.total ?? 0
    const views: AlertView[] = alerts
      .sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1))
      .map((a) => ({
        id: a._id,
        rule: a.rule,
        title: a.title,
        summary: a.summary,
        since: a.since,
        change: a.change,
        status: a.status,
        raisedAt: new Date(a.raisedAt).toISOString(),
        resolvedAt: a.resolvedAt ? new Date(a.resolvedAt).toISOString() : null,
        movers: a.movers ?? [],
        plays: playsOf(a.plays ?? []),
      }))
    return {
      day: latest?.day ?? null,
      days: history.length,
      members: latest?.members ?? membership.community.memberCount,
      dau: latest?.dau ?? 0,
      metrics: readMetrics(history),
      trendDays: history.slice(-30).map((d) => d.day),
      tiers: {
        weekKey: distribution?.weekKey ?? null,
        total,
        rows: [...TIERS, 'silent' as const].map((key) => ({
          key,
          name: key === 'silent' ? '沉默' : TIER_NAMES[key],
          count: distribution?.[key] ?? 0,
          percent: percent(distribution?.[key] ?? 0, total),
        })),
      },
      funnel: { week: latest?.funnel?.week ?? null, steps: funnelSteps(latest?.funnel) },
      top: top.map((m) => ({ memberId: m._id, nickname: m.nickname, points: m.monthEarned ?? 0 })),
      alerts: views,
      openAlerts: views.filter((a) => a.status === 'open').length,
    }
  },
})
