/**
 * npm run bench: the product's figures, printed as one table.
 *   - member.me through the gateway: latency and database requests per call
 *   - 1000 parallel _.inc on one document: throughput, and the check that none was lost
 *   - check-ins: latency, database requests, a 2,000-member burst before midnight (bench/checkin.ts)
 *   - points: adjust latency and requests, verify:ledger over 100k rows (bench/points.ts)
 *   - member search by a middle part of a nickname at 1k and 100k members (bench/directory.ts)
 *   - sign-ups: a 500-way burst for 50 places, 300 attendance check-ins (bench/signups.ts)
 *   - the T−1h activity reminder to 10,000 subscribed sign-ups (bench/sop.ts)
 *   - the dashboard at 1k and 100k members, the nightly metrics job, a year of alerts (bench/dashboard.ts)
 *   - the weapp main package against its 600 KB budget
 *   - the first screen: home, 排行 and 商城 in Chromium on the H5 build (bench/first-screen.ts)
 */
import { execSync } from 'node:child_process'
import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import { sdkFor, startCloud, REPO_ROOT, type RunningCloud } from '../../test/support/local-cloud'
import { DEMO_COMMUNITY } from '../local-cloud/demo'
import { MAIN_PACKAGE_BUDGET_KB, weappSizes } from '../check-size'
import { benchCheckin } from './checkin'
import { benchDashboard } from './dashboard'
import { benchDirectory } from './directory'
import { benchFirstScreen } from './first-screen'
import { benchLeaderboard } from './leaderboard'
import { benchMall } from './mall'
import { benchPoints } from './points'
import { benchSignups } from './signups'
import { benchSop } from './sop'
import { benchSquare } from './square'
import { benchSurvey } from './survey'
import { benchValueScore } from './value-score'
import { measureCalls } from './measure'
import { printTable, type BenchRow } from './table'

async function benchMe(cloud: RunningCloud): Promise<BenchRow[]> {
  for (let i = 0; i < 20; i++)
    await cloud.call('member', { action: 'me', _community: DEMO_COMMUNITY._id }, 'demo-member')
  return measureCalls(
    cloud,
    'member.me',
    200,
    async () => {
      await cloud.call('member', { action: 'me', _community: DEMO_COMMUNITY._id }, 'demo-member')
    },
    { latency: '200 sequential calls via the gateway', goal: { requests: '1' } },
  )
}

async function benchInc(cloud: RunningCloud): Promise<BenchRow[]> {
  const cloudSdk = sdkFor(cloud)
  const db = cloudSdk.database()
  await db.createCollection('bench_counters')
  await db
    .collection('bench_counters')
    .doc('hot')
    .set({ data: { n: 0 } })
  const updates = 1000
  const t = performance.now()
  await Promise.all(
    Array.from({ length: updates }, () =>
      db
        .collection('bench_counters')
        .doc('hot')
        .update({ data: { n: db.command.inc(1) } }),
    ),
  )
  const ms = performance.now() - t
  const doc = (await db.collection('bench_counters').doc('hot').get()) as unknown as { data: { n: number } }
  const lost = updates - doc.data.n
  if (lost !== 0) throw new Error(`${lost} increments were lost`)
  return [
    {
      bench: '1000 parallel _.inc on one doc',
      value: `${((updates / ms) * 1000).toFixed(0)} /s`,
      detail: `${ms.toFixed(0)} ms in all`,
    },
    { bench: 'increments lost', value: String(lost), detail: `final value ${doc.data.n}` },
  ]
}

function benchSize(): BenchRow[] {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/weapp/app.json'))) {
    execSync('npm run --silent build:weapp', { cwd: REPO_ROOT, stdio: 'inherit' })
  }
  const { mainKb, subpackages } = weappSizes()
  return [
    {
      bench: 'weapp main package',
      value: `${mainKb.toFixed(1)} KB`,
      detail: `budget ${MAIN_PACKAGE_BUDGET_KB} KB (${((mainKb / MAIN_PACKAGE_BUDGET_KB) * 100).toFixed(0)}%)`,
    },
    ...subpackages.map((s) => ({ bench: `weapp subpackage ${s.root}`, value: `${s.kb.toFixed(1)} KB` })),
  ]
}

/** Run a bench on a fresh cloud of its own, stopped (and its ledger verified) afterwards. */
async function onOwnCloud(
  run: (cloud: RunningCloud) => Promise<BenchRow[]>,
  options: { seed?: boolean; env?: Record<string, string> } = {},
): Promise<BenchRow[]> {
  const cloud = await startCloud(options)
  try {
    return await run(cloud)
  } finally {
    await cloud.stop()
  }
}

/** The bench groups, in the order the table prints them. Each starts the cloud (and data) it needs. */
const GROUPS: Record<string, () => Promise<BenchRow[]>> = {
  core: () =>
    onOwnCloud(async (cloud) => [...(await benchMe(cloud)), ...(await benchInc(cloud))], { seed: true }),
  checkin: benchCheckin,
  points: benchPoints,
  leaderboard: () => onOwnCloud(benchLeaderboard),
  score: () => onOwnCloud(benchValueScore),
  directory: () => onOwnCloud(benchDirectory),
  mall: () => onOwnCloud(benchMall),
  survey: () => onOwnCloud(benchSurvey),
  signups: () => onOwnCloud(benchSignups),
  sop: () => onOwnCloud(benchSop),
  // A million posts: a heap to hold them, and no compaction mid-load (each rewrites the whole data).
  square: () =>
    onOwnCloud(benchSquare, {
      env: { NODE_OPTIONS: '--max-old-space-size=16384', LOCAL_CLOUD_DB_COMPACT_BYTES: String(2 ** 34) },
    }),
  dashboard: () => onOwnCloud(benchDashboard),
  size: async () => benchSize(),
  'first-screen': benchFirstScreen,
}

/** `npm run bench` runs every group; `npm run bench -- checkin points` only those. */
async function main(): Promise<void> {
  // The SDK adds a listener per request on shared keep-alive sockets; dozens in flight is expected here.
  EventEmitter.defaultMaxListeners = 200
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/functions/member/index.js'))) {
    execSync('npm run --silent build:functions', { cwd: REPO_ROOT, stdio: 'inherit' })
  }
  const wanted = process.argv.slice(2)
  const unknown = wanted.filter((name) => !(name in GROUPS))
  if (unknown.length)
    throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(GROUPS).join(', ')}`)
  const rows: BenchRow[] = []
  for (const [name, run] of Object.entries(GROUPS))
    if (!wanted.length || wanted.includes(name)) rows.push(...(await run()))
  printTable(rows)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
