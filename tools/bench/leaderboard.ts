/**
 * Leaderboard figures (issue 4): rank.board latency and database requests per call for one
 * community of 1,000 members and one of 100,000, and the ratio between them. A board is a fixed
 * number of index-served requests (top 50 + one range count per scope, plus the settings read and the
 * caller's membership), so requests per call must be the same at both sizes and the time should grow
 * no more than logarithmically once the local cloud's planner serves compound indexes in order.
 * Members are inserted in bulk through the admin SDK with their week and streak fields set directly
 * (balances and totals stay 0, so verify:ledger has nothing to compare). Run alone:
 * `npm run bench -- leaderboard`.
 */
import { addDays } from '../../cloudfunctions/core/time'
import { periodKeys, type BoardKind } from '../../cloudfunctions/core/leaderboard'
import { addCommunity } from '../../test/support/fixtures'
import { databaseOf, sdkFor, type RunningCloud, type SdkDatabase } from '../../test/support/local-cloud'
import { measureCalls } from './measure'
import { bulkAdd, syntheticMember, syntheticOpenid } from './synthetic'
import type { BenchRow } from './table'

const NOW = '2026-11-18T12:00:00+08:00'
const BULK = 1000
const IN_FLIGHT = 4
const CALLS = 50

/** A deterministic spread of week points (0–2,999, with ties). */
const weekValue = (i: number) => (Math.imul(i + 1, 2654435761) >>> 0) % 3000

async function insertMembers(db: SdkDatabase, communityId: string, count: number): Promise<number> {
  const keys = periodKeys(new Date(NOW))
  const joinedAt = new Date('2026-01-01T00:00:00Z')
  const t = performance.now()
  await bulkAdd(
    db,
    'members',
    count,
    (i) =>
      syntheticMember(communityId, i, joinedAt, {
        ranked: true,
        weekKey: i % 5 === 0 ? addDays(keys.week, -7) : keys.week,
        weekEarned: weekValue(i),
        streakDay: [keys.today, keys.yesterday, addDays(keys.today, -3)][i % 3],
        streak: (i % 40) + 1,
      }),
    { perRequest: BULK, inFlight: IN_FLIGHT },
  )
  return performance.now() - t
}

async function benchBoards(
  cloud: RunningCloud,
  db: SdkDatabase,
  communityId: string,
  members: number,
): Promise<{ rows: BenchRow[]; meanMs: Record<BoardKind, number>; requests: Record<BoardKind, number> }> {
  // The caller sits in the middle of the board: their rank is one range count, not a scan.
  const caller = syntheticOpenid(communityId, Math.floor(members / 2) + 1)
  await db
    .collection('users')
    .doc(caller)
    .set({ data: { currentCommunityId: communityId, updatedAt: new Date(NOW) } })
  const rows: BenchRow[] = []
  const meanMs = {} as Record<BoardKind, number>
  const requests = {} as Record<BoardKind, number>
  for (const kind of ['week', 'streak'] as const) {
    for (let i = 0; i < 3; i++)
      await cloud.call('rank', { action: 'board', kind, _community: communityId }, caller)
    const measured = await measureCalls(
      cloud,
      `rank.board ${kind} @ ${members.toLocaleString('en')}`,
      CALLS,
      async () => {
        const res = await cloud.call<{
          ok: boolean
          data?: { rows: unknown[]; me: { rank: number | null } }
        }>('rank', { action: 'board', kind, _community: communityId }, caller)
        if (!res.ok || res.data?.rows.length !== 50 || !res.data.me.rank)
          throw new Error(`board failed: ${JSON.stringify(res).slice(0, 300)}`)
      },
      {
        latency: `${CALLS} sequential calls, top 50 + own rank`,
        requests: 'per call, incl. membership',
        goal: { requests: '≤ 3' },
      },
    )
    meanMs[kind] = parseFloat(measured[0].value)
    requests[kind] = parseFloat(measured[2].value)
    rows.push(...measured)
  }
  return { rows, meanMs, requests }
}

export async function benchLeaderboard(cloud: RunningCloud): Promise<BenchRow[]> {
  try {
    const db = databaseOf(sdkFor(cloud))
    await cloud.setClock(new Date(NOW).toISOString())
    const sizes = [
      { id: 'bench-rank-1k', members: 1_000 },
      { id: 'bench-rank-100k', members: 100_000 },
    ]
    const out: BenchRow[] = []
    const results = []
    for (const [i, size] of sizes.entries()) {
      await addCommunity(db, size.id, {
        name: `排行压测${i}`,
        inviteCode: `RANKB${i}`,
        memberCount: size.members,
      })
      const ms = await insertMembers(db, size.id, size.members)
      out.push({
        bench: `members inserted @ ${size.members.toLocaleString('en')}`,
        value: `${Math.round(ms)} ms`,
        detail: `${Math.round(size.members / (ms / 1000))} docs/s, bulk add of ${BULK}, ${IN_FLIGHT} in flight`,
      })
      const result = await benchBoards(cloud, db, size.id, size.members)
      out.push(...result.rows)
      results.push(result)
    }
    const [small, large] = results
    for (const kind of ['week', 'streak'] as const)
      out.push({
        bench: `rank.board ${kind} 100k / 1k`,
        value: `${(large.meanMs[kind] / small.meanMs[kind]).toFixed(2)}× time`,
        detail: `requests ${small.requests[kind]} → ${large.requests[kind]}`,
      })
    return out
  } finally {
    await cloud.setClock(null)
  }
}
