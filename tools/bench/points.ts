/**
 * Points figures for `npm run bench` (wired by tools/bench/run.ts):
 *   - verify:ledger over 100k ledger rows, from the data folder and through the SDK (rows/s);
 *   - points.adjust latency and database requests per call;
 *   - the ledger still verifies clean at the end (no difference after the bench).
 * Rows are written through the real SDK in parallel batches, shaped as runtime/ledger.ts writes them,
 * and each member's balance and total are set to their rows' sums.
 */
import { earnedPart, ledgerId } from '../../cloudfunctions/core/points'
import { shanghaiDayKey } from '../../cloudfunctions/core/time'
import { addCommunity } from '../../test/support/fixtures'
import { databaseOf, now as clockNow, sdkFor, startCloud } from '../../test/support/local-cloud'
import { verifyDataDir, verifyUrl } from '../verify-ledger'
import { measureCalls } from './measure'
import { inParallel } from './synthetic'
import { printTable, type BenchRow } from './table'

const COMMUNITY = 'c-bench-points'
const MEMBERS = 1000
const ROWS_PER_MEMBER = 100
const PARALLEL = 64

export async function benchPoints(): Promise<BenchRow[]> {
  const cloud = await startCloud()
  try {
    const db = databaseOf(sdkFor(cloud))
    const now = clockNow().getTime()
    await addCommunity(db, COMMUNITY, { name: '积分压测', inviteCode: 'PTBNCH', memberCount: MEMBERS })
    const openid = (i: number) => `bench-${String(i).padStart(5, '0')}`
    const rows = MEMBERS * ROWS_PER_MEMBER
    const written = performance.now()
    await inParallel(rows, PARALLEL, async (n) => {
      const m = Math.floor(n / ROWS_PER_MEMBER)
      const k = n % ROWS_PER_MEMBER
      const spend = k % 10 === 9
      const kind = spend ? 'spend' : 'earn'
      const delta = spend ? -10 : 5
      const at = new Date(now - (ROWS_PER_MEMBER - k) * 3600_000)
      // Shaped as check-ins (5 points each), so the source reconciliation accepts them.
      const source = `checkin:bench-${k}`
      await db
        .collection('ledger')
        .doc(ledgerId(COMMUNITY, openid(m), source))
        .set({
          data: {
            communityId: COMMUNITY,
            openid: openid(m),
            kind,
            delta,
            earned: earnedPart(kind, delta),
            reason: spend ? '兑换' : '每日打卡',
            source,
            rule: spend ? null : 'checkin',
            by: null,
            balanceAfter: 0,
            dayKey: shanghaiDayKey(at),
            createdAt: at,
          },
        })
    })
    const writeMs = performance.now() - written
    const earned = (ROWS_PER_MEMBER - ROWS_PER_MEMBER / 10) * 5
    const balance = earned - (ROWS_PER_MEMBER / 10) * 10
    await inParallel(MEMBERS, PARALLEL, (m) =>
      db
        .collection('members')
        .doc(`${COMMUNITY}_${openid(m)}`)
        .set({
          data: {
            communityId: COMMUNITY,
            openid: openid(m),
            nickname: `压测${m}`,
            role: m === 0 ? 'admin' : 'member',
            level: 'newcomer',
            balance,
            totalEarned: earned,
            joinedAt: new Date(now - 200 * 86_400_000),
            via: 'seed',
          },
        }),
    )
    await db
      .collection('users')
      .doc(openid(0))
      .set({ data: { currentCommunityId: COMMUNITY, updatedAt: new Date(now) } })

    const fromData = await verifyDataDir(cloud.dataDir, cloud.envId)
    const fromUrl = await verifyUrl(cloud.url, cloud.envId)
    const rate = (r: { rows: number; ms: number }) => Math.round((r.rows / Math.max(1, r.ms)) * 1000)

    // Adjust: sequential calls by the admin on one member, alternating +/−.
    const calls = 200
    for (let i = 0; i < 10; i++)
      await cloud.call('points', { action: 'rules', _community: COMMUNITY }, openid(0))
    const adjustRows = await measureCalls(
      cloud,
      'points.adjust',
      calls,
      async (i) => {
        const res = await cloud.call<{ ok: boolean }>(
          'points',
          {
            action: 'adjust',
            _community: COMMUNITY,
            memberId: `${COMMUNITY}_${openid(1 + (i % 50))}`,
            delta: i % 2 ? -3 : 3,
            reason: '压测调整',
            requestId: `bench-adjust-${i.toString().padStart(6, '0')}`,
          },
          openid(0),
        )
        if (!res.ok) throw new Error(`adjust failed: ${JSON.stringify(res)}`)
      },
      { latency: `${calls} sequential calls via the gateway`, goal: { requests: '≤ 6' } },
    )
    const after = await verifyUrl(cloud.url, cloud.envId)

    return [
      {
        bench: 'ledger rows written (SDK)',
        value: `${rows}`,
        detail: `${Math.round(rows / (writeMs / 1000))} rows/s, ${PARALLEL} in flight`,
      },
      {
        bench: 'verify:ledger --data (100k rows)',
        value: `${fromData.ms} ms`,
        detail: `${rate(fromData)} rows/s, ${fromData.differences.length} differences`,
      },
      {
        bench: 'verify:ledger --url (100k rows)',
        value: `${fromUrl.ms} ms`,
        detail: `${rate(fromUrl)} rows/s, ${fromUrl.differences.length} differences`,
      },
      ...adjustRows,
      {
        bench: 'verify:ledger after the bench',
        value: `${after.differences.length}`,
        detail: `differences over ${after.rows} rows`,
      },
    ]
  } finally {
    await cloud.stop()
  }
}

if (require.main === module) {
  benchPoints().then(printTable, (err) => {
    console.error(err)
    process.exit(1)
  })
}
