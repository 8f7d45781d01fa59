/**
 * The weekly value-score job over 100,000 members (`npm run bench`, wired by tools/bench/run.ts):
 * members and one week of activity counters are bulk-inserted through the real SDK, then the
 * `score` timer is fired (as the platform's Monday ticks would) until the week is done. Reports the
 * wall time, the invocations needed within the 60 s function limit, and members per second.
 */
import { addWeeks, shanghaiDayStart } from '../../cloudfunctions/core/time'
import { memberWeekId } from '../../cloudfunctions/core/value-score'
import { addCommunity } from '../../test/support/fixtures'
import { databaseOf, sdkFor, type RunningCloud } from '../../test/support/local-cloud'
import { databaseRequests } from './measure'
import { bulkAdd, syntheticMember, syntheticOpenid } from './synthetic'
import type { BenchRow } from './table'

const COMMUNITY = 'bench-score'
const MEMBERS = 100_000
const WEEK = '2027-05-03' // a Monday; the job runs the next Monday
const RUN_AT = shanghaiDayStart(addWeeks(WEEK, 1)).getTime() + 60 * 60_000 // 01:00 Shanghai
const BULK = 500
const IN_FLIGHT = 8

/** A deterministic pseudo-random 0..n-1 per member and salt. */
const pick = (i: number, salt: number, n: number) => (Math.imul(i + 1, 2654435761 + salt * 40503) >>> 0) % n

export async function benchValueScore(cloud: RunningCloud): Promise<BenchRow[]> {
  const db = databaseOf(sdkFor(cloud))
  await cloud.setClock(new Date(RUN_AT).toISOString())
  await addCommunity(db, COMMUNITY, { name: '活跃度压测', inviteCode: 'SCRBCH', memberCount: MEMBERS })
  const openid = (i: number) => syntheticOpenid(COMMUNITY, i)
  const weekStart = shanghaiDayStart(WEEK).getTime()
  const joinedAt = new Date('2026-06-01T00:00:00Z')
  const bulk = { perRequest: BULK, inFlight: IN_FLIGHT }
  const t0 = performance.now()
  await bulkAdd(
    db,
    'members',
    MEMBERS,
    (i) =>
      syntheticMember(COMMUNITY, i, joinedAt, {
        // One in eight has been quiet for half a year: the silent group.
        lastActiveAt: new Date(weekStart - (i % 8 === 0 ? 180 : pick(i, 1, 20)) * 86_400_000),
      }),
    bulk,
  )
  // Seven in eight did something last week, with a spread of intensity.
  await bulkAdd(
    db,
    'member_activity',
    MEMBERS,
    (i) => {
      if (i % 8 === 0) return null
      const days = pick(i, 2, 8)
      return {
        _id: memberWeekId(COMMUNITY, openid(i), WEEK),
        communityId: COMMUNITY,
        openid: openid(i),
        weekKey: WEEK,
        checkinDays: days,
        notes: pick(i, 3, days + 1),
        likesReceived: pick(i, 4, 8),
        challengeDays: pick(i, 5, 3) === 0 ? days : 0,
        invitesJoined: pick(i, 6, 40) === 0 ? 1 : 0,
        violations: pick(i, 7, 200) === 0 ? 1 : 0,
        updatedAt: new Date(weekStart),
      }
    },
    bulk,
  )
  const insertMs = performance.now() - t0

  const requestsBefore = await databaseRequests(cloud)
  const started = performance.now()
  const runTimes: number[] = []
  let done = false
  let processed = 0
  while (!done) {
    const t = performance.now()
    const res = await cloud.control<{
      value: { ok: boolean; data?: { done: boolean; processed: number } }
    }>('timers/score')
    runTimes.push(performance.now() - t)
    if (!res.value?.ok || !res.value.data) throw new Error(`score job failed: ${JSON.stringify(res)}`)
    ;({ done, processed } = res.value.data)
    if (runTimes.length > 100) throw new Error('the score job did not finish in 100 invocations')
  }
  const jobMs = performance.now() - started
  const requests = (await databaseRequests(cloud)) - requestsBefore
  const dist = (await db.collection('score_distributions').doc(`${COMMUNITY}:${WEEK}`).get()) as unknown as {
    data: Record<string, number>
  }
  const d = dist.data
  const pct = (n: number) => `${((n / d.total) * 100).toFixed(1)}%`
  return [
    {
      bench: 'value score: setup (100k members + counters)',
      value: `${(insertMs / 1000).toFixed(1)} s`,
      detail: `bulk add, ${BULK} per request`,
    },
    {
      bench: 'value score: weekly job over 100k members',
      value: `${(jobMs / 1000).toFixed(1)} s`,
      goal: '≤ 60 s in ≤ 2 runs',
      detail: `${runTimes.length} timer invocations (longest ${(Math.max(...runTimes) / 1000).toFixed(1)} s of 60 s)`,
    },
    {
      bench: 'value score: members scored per second',
      value: `${Math.round(processed / (jobMs / 1000))} /s`,
      detail: `${processed} members, ${(requests / processed).toFixed(2)} db requests per member`,
    },
    {
      bench: 'value score: distribution of the bench week',
      value: `core ${pct(d.core)}`,
      detail: `active ${pct(d.active)}, normal ${pct(d.normal)}, watch ${pct(d.watch)}, silent ${pct(d.silent)}`,
    },
  ]
}
