/**
 * The health dashboard's figures (issue 14), on one cloud:
 * - dashboard.overview at 1,000 and 100,000 members: requests per load (goal ≤ 5, membership included)
 *   and time, with the ratio (goal ≤ 1.5×). The page reads the last 60 days of `metrics_daily`, the
 *   alerts, the tier distribution and the month's top 5: the community's size never enters.
 * - the nightly metrics job over a 100,000-member community with a year of daily figures stored: time,
 *   timer invocations, the longest invocation against the function's 60 s limit.
 * - the alert evaluation (dashboard/alerts.ts, the job's own code, against the database) over a year of
 *   synthetic figures shaped to trip each rule once (core/metrics-history alertYear): every expected
 *   alert raised once, and none other.
 * Run alone: `npm run bench -- dashboard`.
 */
import { metricsDayId, type DailyFigures } from '../../cloudfunctions/core/metrics'
import { alertYear, steadyHistory } from '../../cloudfunctions/core/metrics-history'
import { addDays, shanghaiDayStart, shanghaiMonthKey, DAY_MS } from '../../cloudfunctions/core/time'
import { TIERS } from '../../cloudfunctions/core/value-score'
import { evaluateCommunityAlerts, type AlertDoc } from '../../cloudfunctions/dashboard/alerts'
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { MetricsJobOutcome } from '../../cloudfunctions/core/contracts/dashboard'
import { addCommunity, addMember } from '../../test/support/fixtures'
import { databaseOf, sdkFor, type RunningCloud, type SdkDatabase } from '../../test/support/local-cloud'
import { measureCalls } from './measure'
import { bulkAdd } from './synthetic'
import { syntheticMember } from './synthetic'
import type { BenchRow } from './table'

const CALLS = 30
/** The last day of the stored year; the clock stands the night after it. */
const LAST_DAY = '2027-06-30'
const NIGHT = new Date(shanghaiDayStart(addDays(LAST_DAY, 1)).getTime() + 30 * 60_000)

/** Daily figures as the nightly job stores them, 100 to a request. */
async function storeFigures(db: SdkDatabase, cid: string, days: DailyFigures[]): Promise<void> {
  await bulkAdd(
    db,
    'metrics_daily',
    days.length,
    (i) => ({ _id: metricsDayId(cid, days[i].day), ...days[i] }),
    {
      perRequest: 100,
      inFlight: 4,
    },
  )
}

async function insertCommunity(db: SdkDatabase, cid: string, members: number): Promise<BenchRow> {
  await addCommunity(db, cid, {
    name: '看板压测',
    inviteCode: `DASH${String(members).length}`,
    memberCount: members,
  })
  const end = shanghaiDayStart(addDays(LAST_DAY, 1)).getTime()
  const month = shanghaiMonthKey(new Date(end - DAY_MS))
  const t = performance.now()
  await bulkAdd(
    db,
    'members',
    members,
    (i) =>
      syntheticMember(cid, i, new Date(end - ((i * 7919) % 365) * DAY_MS - DAY_MS / 2), {
        // Active on one of the last 60 days, a fifth posted, tiers in turn, everyone on the month board.
        lastActiveAt: new Date(end - ((i * 104729) % 60) * DAY_MS - DAY_MS / 3),
        ...(i % 5 === 0 ? { lastPostAt: new Date(end - ((i * 31) % 30) * DAY_MS - DAY_MS / 3) } : {}),
        tier: TIERS[i % TIERS.length],
        ranked: true,
        monthKey: month,
        monthEarned: (i * 37) % 500,
      }),
    { perRequest: 1000, inFlight: 4 },
  )
  const insertMs = performance.now() - t
  await addMember(db, cid, `${cid}-admin`, { role: 'admin', nickname: '看板管理员' })
  // A year of daily figures, an alert and last week's tier distribution.
  const year = steadyHistory(cid, addDays(LAST_DAY, -364), 365, {
    members,
    dau: Math.round(members * 0.2),
    posters30: Math.round(members * 0.25),
    retained: 0.5,
  })
  await storeFigures(db, cid, year)
  await db
    .collection('score_distributions')
    .doc(`${cid}:2027-06-21`)
    .set({
      data: {
        communityId: cid,
        weekKey: '2027-06-21',
        total: members,
        core: members * 0.06,
        active: members * 0.18,
        normal: members * 0.6,
        watch: members * 0.16,
        silent: members * 0.12,
        computedAt: new Date(),
      },
    })
  return {
    bench: `dashboard data @ ${members.toLocaleString('en')} members`,
    value: `${Math.round(insertMs)} ms`,
    detail: 'members inserted (then 365 days of figures)',
  }
}

async function benchLoad(cloud: RunningCloud, cid: string, members: number) {
  const admin = `${cid}-admin`
  const load = async () => {
    const res = await cloud.call<ActionResult<{ metrics: unknown[]; days: number }>>(
      'dashboard',
      { action: 'overview', _community: cid },
      admin,
    )
    if (!res.ok || res.data.days !== 60)
      throw new Error(`overview failed: ${JSON.stringify(res).slice(0, 300)}`)
  }
  for (let i = 0; i < 3; i++) await load()
  const rows = await measureCalls(
    cloud,
    `dashboard.overview @ ${members.toLocaleString('en')}`,
    CALLS,
    load,
    {
      latency: `${CALLS} sequential loads of the whole screen`,
      requests: 'per load, incl. membership',
      goal: { requests: '≤ 5' },
    },
  )
  return { rows, meanMs: parseFloat(rows[0].value), requests: parseFloat(rows[2].value) }
}

async function benchNightly(cloud: RunningCloud): Promise<BenchRow[]> {
  await cloud.setClock(NIGHT.toISOString())
  const runs: { ms: number; outcome: MetricsJobOutcome }[] = []
  const t = performance.now()
  for (let i = 0; i < 100; i++) {
    const r = performance.now()
    const res = await cloud.control<{ value: ActionResult<MetricsJobOutcome> }>('timers/dashboard')
    if (!res.value.ok) throw new Error(`nightly job failed: ${JSON.stringify(res.value)}`)
    runs.push({ ms: performance.now() - r, outcome: res.value.data })
    if (res.value.data.done) break
  }
  const totalMs = performance.now() - t
  const last = runs[runs.length - 1].outcome
  if (!last.done) throw new Error('the nightly job did not finish in 100 invocations')
  return [
    {
      bench: 'nightly metrics job @ 100k members + a year of figures',
      value: `${Math.round(totalMs)} ms`,
      detail: `${runs.length} invocation(s), longest ${Math.round(Math.max(...runs.map((r) => r.ms)))} ms of the 60 s limit; ${last.communities} communities counted`,
    },
  ]
}

async function benchAlerts(db: SdkDatabase): Promise<BenchRow[]> {
  const cid = 'bench-dash-alerts'
  await addCommunity(db, cid, { name: '预警压测', inviteCode: 'DASHAL', memberCount: 1000 })
  const year = alertYear(cid, '2026-01-05')
  await storeFigures(db, cid, year)
  const community = { _id: cid, name: '预警压测', createdAt: new Date('2025-01-01T00:00:00Z') }
  let raised = 0
  let resolved = 0
  const t = performance.now()
  for (const d of year) {
    const at = new Date(shanghaiDayStart(addDays(d.day, 1)).getTime() + 30 * 60_000)
    const outcome = await evaluateCommunityAlerts(db as never, community, d.day, at)
    raised += outcome.raised
    resolved += outcome.resolved
  }
  const ms = performance.now() - t
  const stored = (await db.collection('alerts').where({ communityId: cid }).limit(100).get()) as unknown as {
    data: AlertDoc[]
  }
  const keys = stored.data.map((a) => a.key).sort()
  const expected = ['activityDrop', 'band:postingShare', 'decline3w']
  const exact =
    JSON.stringify(keys) === JSON.stringify(expected) && stored.data.every((a) => a.status === 'resolved')
  if (!exact)
    throw new Error(`alerts over the year: ${JSON.stringify(stored.data.map((a) => [a._id, a.status]))}`)
  return [
    {
      bench: 'alert evaluation over a year of figures',
      value: `${Math.round(ms)} ms`,
      detail: `365 nightly evaluations; raised ${raised} (${keys.join(', ')}), each once, none other; resolved ${resolved}`,
    },
  ]
}

export async function benchDashboard(cloud: RunningCloud): Promise<BenchRow[]> {
  const db = databaseOf(sdkFor(cloud))
  await cloud.setClock(new Date(shanghaiDayStart(LAST_DAY).getTime() + 12 * 3600_000).toISOString())
  const inserted = [
    await insertCommunity(db, 'bench-dash-1k', 1_000),
    await insertCommunity(db, 'bench-dash-100k', 100_000),
  ]
  const small = await benchLoad(cloud, 'bench-dash-1k', 1_000)
  const large = await benchLoad(cloud, 'bench-dash-100k', 100_000)
  const alerts = await benchAlerts(db)
  const nightly = await benchNightly(cloud)
  return [
    ...inserted,
    ...small.rows,
    ...large.rows,
    {
      bench: 'dashboard.overview 100k / 1k',
      value: `${(large.meanMs / small.meanMs).toFixed(2)}× time`,
      detail: `goal ≤ 1.5×; requests ${small.requests} → ${large.requests}`,
    },
    ...nightly,
    ...alerts,
  ]
}
