/**
 * Ninety days of the dashboard's daily figures for 晨光读书会 (issue 14), so a newcomer sees it at work:
 * the counted fields (joined, left, check-ins, surveys, orders, sign-ups…) come from the rows the seeds
 * before wrote (core/metrics dailyCountsFromSources, as the rebuild tool counts them), the day-end
 * snapshots (DAU, MAU, posters, retention) follow a steady community whose last three complete weeks
 * decline (衰退期), mostly in 晨光读书会·2群 and among the old members. The alert rules replay over the
 * history as the nightly job runs them, so the one alert they raise is stored as the job would store it.
 */
import {
  dailyCountsFromSources,
  metricsDayId,
  REBUILDABLE_FIELDS,
  type DailyFigures,
} from '../../../cloudfunctions/core/metrics'
import { replayAlerts, steadyHistory } from '../../../cloudfunctions/core/metrics-history'
import {
  addDays,
  daysBetween,
  shanghaiDayKey,
  shanghaiDayStart,
  weekdayOf,
} from '../../../cloudfunctions/core/time'
import { alertId } from '../../../cloudfunctions/dashboard/alerts'
import { newestFunnel } from '../../../cloudfunctions/dashboard/figures'
import { DEMO_COMMUNITY, DEMO_GROUPS } from '../demo'
import { metricSourcesOf, readDerivedDocs } from '../../rebuild'
import { inBatches, type SeedContext } from './context'

export const METRICS_DAYS = 90

/** How active each of the last weeks is against normal: three falling complete weeks, the week now as the last. */
const DECLINE = [0.93, 0.86, 0.8]

export async function seedMetrics(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const cid = DEMO_COMMUNITY._id
  const community = ctx.communities.find((c) => c.id === cid)!
  const members = community.members.length
  const yesterday = addDays(shanghaiDayKey(now), -1)
  const first = addDays(yesterday, -(METRICS_DAYS - 1))
  // The last complete Monday–Sunday week ends on the last Sunday up to yesterday.
  const lastSunday = addDays(yesterday, -weekdayOf(yesterday))
  const factorOf = (day: string) => {
    if (day > lastSunday) return DECLINE[2]
    const weeksBack = Math.floor(daysBetween(day, lastSunday) / 7)
    return weeksBack < DECLINE.length ? DECLINE[DECLINE.length - 1 - weeksBack] : 1
  }
  const groups = DEMO_GROUPS.filter((g) => g.communityId === cid).map((g) => g._id)
  const shaped = steadyHistory(cid, first, METRICS_DAYS, {
    members,
    dau: Math.round(members * 0.3),
    posters30: Math.round(members * 0.26),
    retained: 0.55,
    shape: (_i, day) => {
      const factor = factorOf(day)
      const dau = Math.round(members * 0.3 * factor)
      // 2群 carries the decline: the other groups hold.
      const steadyShare = Math.round(members * 0.3 * 0.3)
      const byGroup = Object.fromEntries(
        groups.map((g, i) => [
          g,
          i === 1 ? Math.max(0, dau - steadyShare * (groups.length - 1)) : steadyShare,
        ]),
      )
      return { dauFactor: factor, patch: { dauByGroup: byGroup, dauNew: Math.round(members * 0.3 * 0.2) } }
    },
  })
  // The counted fields from the rows the other seeds wrote (what the rebuild tool checks).
  const counted = dailyCountsFromSources(metricSourcesOf(await readDerivedDocs(db as never)))
  const history: DailyFigures[] = shaped.map((d) => {
    const row = counted.get(metricsDayId(cid, d.day))
    return {
      ...d,
      ...(Object.fromEntries(REBUILDABLE_FIELDS.map((f) => [f, row?.[f] ?? 0])) as Record<string, number>),
      mix: { practical: 0, interaction: 0, life: 0 },
      posts: 0,
      replies: 0,
    }
  })
  const funnel = await newestFunnel(db as never, cid, yesterday)
  await inBatches(history, 20, async (d) => {
    const computedAt = new Date(shanghaiDayStart(addDays(d.day, 1)).getTime() + 10 * 60_000)
    await db
      .collection('metrics_daily')
      .doc(metricsDayId(cid, d.day))
      .set({ data: { ...d, ...(d.day === yesterday ? { funnel } : {}), computedAt } })
  })
  // The alerts as the nightly job would have raised and resolved them.
  const events = replayAlerts(history, 90, Object.fromEntries(DEMO_GROUPS.map((g) => [g._id, g.name])))
  const raised = new Map<
    string,
    { day: string; draft: (typeof events)[number]['raised'][number]; resolvedOn?: string }
  >()
  for (const e of events) {
    for (const key of e.resolved) {
      const open = [...raised.values()].find((r) => r.draft.key === key && !r.resolvedOn)
      if (open) open.resolvedOn = e.day
    }
    for (const draft of e.raised) raised.set(alertId(cid, draft.key, e.day), { day: e.day, draft })
  }
  const at = (day: string) => new Date(shanghaiDayStart(addDays(day, 1)).getTime() + 10 * 60_000)
  for (const [id, r] of raised)
    await db
      .collection('alerts')
      .doc(id)
      .set({
        data: {
          ...r.draft,
          communityId: cid,
          status: r.resolvedOn ? 'resolved' : 'open',
          raisedAt: at(r.day),
          resolvedAt: r.resolvedOn ? at(r.resolvedOn) : null,
          notified: 0,
        },
      })
  const open = [...raised.values()].filter((r) => !r.resolvedOn).map((r) => r.draft.key)
  return `${METRICS_DAYS} days of figures, alerts: ${open.join(', ') || 'none'}`
}
