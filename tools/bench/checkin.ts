/**
 * Check-in figures (issue 3), on a local cloud of its own:
 *   - checkIn latency through the gateway and database requests per check-in (GET /_local/stats);
 *   - the 22:30-style spike: 2,000 distinct members check in within one simulated minute before
 *     midnight (clock at 23:59:00 Asia/Shanghai), 64 in flight, with zero errors and zero duplicates.
 * Members are seeded directly through the SDK. Run alone: `npm run bench -- checkin`.
 */
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { addDays, shanghaiDayStart } from '../../cloudfunctions/core/time'
import { addCommunity, addMember } from '../../test/support/fixtures'
import {
  databaseOf,
  REPO_ROOT,
  sdkFor,
  startCloud,
  type RunningCloud,
  type SdkDatabase,
} from '../../test/support/local-cloud'
import { measureCalls } from './measure'
import { inParallel } from './synthetic'
import { printTable, type BenchRow } from './table'

const COMMUNITY = 'bench-checkin'
const DAY = '2026-11-22'
const BURST = 2000
const IN_FLIGHT = 64
const LATENCY_CALLS = 100

async function seedMembers(db: SdkDatabase, prefix: string, count: number): Promise<string[]> {
  const openids = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`)
  const joinedAt = new Date('2026-10-01T00:00:00Z')
  await inParallel(openids.length, 100, (i) =>
    addMember(db, COMMUNITY, openids[i], {
      nickname: `成员${openids[i].slice(-4)}`,
      makeupCards: 0,
      joinedAt,
    }),
  )
  return openids
}

async function count(db: SdkDatabase, collection: string, where: object): Promise<number> {
  return ((await db.collection(collection).where(where).count()) as { total: number }).total
}

type CallResult = { ok: boolean; data?: { alreadyCheckedIn: boolean; checkin: { day: string } } }

async function benchLatency(cloud: RunningCloud, db: SdkDatabase): Promise<BenchRow[]> {
  const openids = await seedMembers(db, 'lat', LATENCY_CALLS + 10)
  const noon = (day: string) => new Date(shanghaiDayStart(day).getTime() + 12 * 3600_000).toISOString()
  let failures = 0
  const checkIn = async (openid: string) => {
    const res = await cloud.call<CallResult>('checkin', { action: 'checkIn', _community: COMMUNITY }, openid)
    if (!res.ok || res.data?.alreadyCheckedIn) failures++
  }
  const what =
    "membership with settings; one transaction (member read; check-in, ledger row, the week's activity, member write)"
  // The day before (the same week): the members' first check-ins, their first event of the week.
  await cloud.setClock(noon(addDays(DAY, -1)))
  for (const openid of openids.slice(LATENCY_CALLS)) await checkIn(openid) // warms the instances
  const first = await measureCalls(
    cloud,
    'checkin.checkIn, first of the week',
    LATENCY_CALLS,
    (i) => checkIn(openids[i]),
    {
      latency: `${LATENCY_CALLS} sequential first check-ins of distinct members`,
      requests: `per check-in without a note: ${what}; the week's activity doc read and created`,
      goal: { requests: '≤ 6' },
    },
  )
  // The next day: the common case, activity added to the week's doc without a read.
  await cloud.setClock(noon(DAY))
  const rows = await measureCalls(cloud, 'checkin.checkIn', LATENCY_CALLS, (i) => checkIn(openids[i]), {
    latency: `${LATENCY_CALLS} sequential check-ins of members who checked in yesterday`,
    requests: `per check-in without a note: ${what}`,
    goal: { requests: '≤ 6' },
  })
  if (failures) throw new Error(`${failures} check-ins failed in the latency run`)
  return [...rows, ...first]
}

async function benchBurst(cloud: RunningCloud, db: SdkDatabase): Promise<BenchRow[]> {
  const openids = await seedMembers(db, 'burst', BURST)
  // 23:59:00 in Shanghai: the whole burst must land on DAY, within the simulated minute.
  const start = new Date(shanghaiDayStart(DAY).getTime() + 86_400_000 - 60_000)
  await cloud.setClock(start.toISOString())
  let errors = 0
  let already = 0
  const days = new Map<string, number>()
  const queue = [...openids]
  const t = performance.now()
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let openid = queue.shift(); openid; openid = queue.shift()) {
        try {
          const res = await cloud.call<CallResult>(
            'checkin',
            { action: 'checkIn', _community: COMMUNITY },
            openid,
          )
          if (!res.ok || !res.data) errors++
          else {
            if (res.data.alreadyCheckedIn) already++
            days.set(res.data.checkin.day, (days.get(res.data.checkin.day) ?? 0) + 1)
          }
        } catch {
          errors++
        }
      }
    }),
  )
  const ms = performance.now() - t
  const clock = (await (await fetch(`${cloud.url}/_local/clock`)).json()) as { now: string }
  const simulated = (Date.parse(clock.now) - start.getTime()) / 1000
  const burstOnly = { communityId: COMMUNITY, openid: db.RegExp({ regexp: '^burst-' }) }
  const ledgerRows = await count(db, 'ledger', { ...burstOnly, source: `checkin:${DAY}` })
  const onDay = await count(db, 'checkins', { ...burstOnly, dayKey: DAY })
  const stored = await count(db, 'checkins', burstOnly)
  const duplicates = stored - BURST + already
  await cloud.setClock(null)
  if (errors || duplicates || stored !== BURST || ledgerRows !== onDay)
    throw new Error(
      `burst: ${errors} errors, ${duplicates} duplicates, ${stored} stored, ${ledgerRows} ledger rows for ${onDay} check-ins`,
    )
  return [
    {
      bench: `burst: ${BURST} check-ins before midnight`,
      value: `${((BURST / ms) * 1000).toFixed(0)} /s`,
      detail: `${(ms / 1000).toFixed(1)} s wall, ${IN_FLIGHT} in flight, clock 23:59:00 → +${simulated.toFixed(0)} s`,
    },
    {
      bench: 'burst errors / duplicates',
      value: `${errors} / ${duplicates}`,
      detail: `${stored} check-ins stored, days: ${[...days].map(([d, n]) => `${d}×${n}`).join(', ')}`,
    },
    {
      bench: 'burst ledger rows',
      value: String(ledgerRows),
      detail: 'one per check-in, source checkin:<day>',
    },
  ]
}

export async function benchCheckin(): Promise<BenchRow[]> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/functions/checkin/index.js'))) {
    execSync('npm run --silent build:functions', { cwd: REPO_ROOT, stdio: 'inherit' })
  }
  const cloud = await startCloud()
  try {
    const db = databaseOf(sdkFor(cloud))
    await addCommunity(db, COMMUNITY, {
      name: '打卡压测',
      inviteCode: 'BENCHC',
      memberCount: BURST + LATENCY_CALLS + 10,
    })
    const latency = await benchLatency(cloud, db)
    return [...latency, ...(await benchBurst(cloud, db))]
  } finally {
    await cloud.stop()
  }
}

if (require.main === module) {
  benchCheckin()
    .then(printTable)
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
