/**
 * `npm run verify:ledger`: recompute every member's balance (Σ delta) and total earned (Σ earned)
 * from the append-only ledger and report every member whose stored numbers differ, plus ledger rows
 * whose member does not exist. Prints one summary line; exits 1 on any difference, 2 on a failure.
 *
 *   npm run verify:ledger                              the local cloud's data folder (LOCAL_CLOUD_DATA or .data),
 *                                                      env LOCAL_CLOUD_ENV or qunhuo-local
 *   npm run verify:ledger -- --data <dir> [--env <id>] a data folder
 *   npm run verify:ledger -- --url <http://host:port> [--env <id>]   a running local cloud
 *
 * --data never writes to the folder: it copies the env's snapshot and log to a temporary folder and
 * opens that copy with the local database's own store (so it is safe next to a running cloud, which
 * fsyncs every commit before answering; at worst it sees the state a moment earlier).
 * --url reads through the real wx-server-sdk, paging by _id (1,000 rows a request), as an operator
 * would against a deployed environment.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { COLLECTIONS } from '../cloudfunctions/core/schema'
import { EnvDatabase } from './local-cloud/db/store'
import { pointSdkAt } from './local-cloud/sdk-env'

export interface LedgerFact {
  communityId: string
  openid: string
  delta: number
  earned: number
}

export interface MemberFact {
  _id: string
  communityId: string
  openid: string
  balance: number
  totalEarned: number
}

export interface Difference {
  memberId: string
  problem: 'balance' | 'totalEarned' | 'no_member'
  stored: number | null
  fromLedger: number
}

export interface VerifyReport {
  rows: number
  members: number
  differences: Difference[]
  ms: number
}

const memberKey = (communityId: string, openid: string) => `${communityId}_${openid}`

/** Compare stored balances and totals with the ledger's sums. */
export function reconcile(
  rows: Iterable<LedgerFact>,
  members: Iterable<MemberFact>,
): Omit<VerifyReport, 'ms'> {
  const sums = new Map<string, { balance: number; earned: number }>()
  let rowCount = 0
  for (const row of rows) {
    rowCount++
    const key = memberKey(row.communityId, row.openid)
    const sum = sums.get(key) ?? { balance: 0, earned: 0 }
    sum.balance += Number(row.delta) || 0
    sum.earned += Number(row.earned) || 0
    sums.set(key, sum)
  }
  const differences: Difference[] = []
  let memberCount = 0
  const seen = new Set<string>()
  for (const m of members) {
    memberCount++
    const key = memberKey(m.communityId, m.openid)
    seen.add(key)
    const sum = sums.get(key) ?? { balance: 0, earned: 0 }
    const balance = Number(m.balance ?? 0)
    const totalEarned = Number(m.totalEarned ?? 0)
    if (balance !== sum.balance)
      differences.push({ memberId: m._id, problem: 'balance', stored: balance, fromLedger: sum.balance })
    if (totalEarned !== sum.earned)
      differences.push({
        memberId: m._id,
        problem: 'totalEarned',
        stored: totalEarned,
        fromLedger: sum.earned,
      })
  }
  for (const [key, sum] of sums)
    if (!seen.has(key))
      differences.push({ memberId: key, problem: 'no_member', stored: null, fromLedger: sum.balance })
  return { rows: rowCount, members: memberCount, differences }
}

/** Verify a data folder of the local cloud, read-only (see the header). */
export async function verifyDataDir(dataDir: string, env: string): Promise<VerifyReport> {
  const started = Date.now()
  const source = path.join(dataDir, env)
  if (!fs.existsSync(source)) throw new Error(`no env "${env}" in ${dataDir}`)
  const copyRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-ledger-'))
  try {
    fs.mkdirSync(path.join(copyRoot, env))
    for (const file of fs.readdirSync(source))
      if (/\.jsonl$/.test(file)) fs.copyFileSync(path.join(source, file), path.join(copyRoot, env, file))
    const store = new EnvDatabase({ env, dataDir: copyRoot, compactBytes: Number.MAX_SAFE_INTEGER })
    store.open(COLLECTIONS)
    const ledger = store.collection('ledger')?.docs.values() ?? []
    const members = store.collection('members')?.docs.values() ?? []
    const report = reconcile(
      ledger as Iterable<unknown> as Iterable<LedgerFact>,
      members as Iterable<unknown> as Iterable<MemberFact>,
    )
    return { ...report, ms: Date.now() - started }
  } finally {
    fs.rmSync(copyRoot, { recursive: true, force: true })
  }
}

type SdkDb = ReturnType<(typeof import('wx-server-sdk'))['database']>

async function* pages<T>(db: SdkDb, collection: string, fields: Record<string, true>): AsyncGenerator<T> {
  const _ = db.command
  let last: string | null = null
  for (;;) {
    const res = (await db
      .collection(collection)
      .where(last === null ? {} : { _id: _.gt(last) })
      .field(fields)
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()) as unknown as { data: (T & { _id: string })[] }
    for (const doc of res.data) yield doc as T
    if (res.data.length < 1000) return
    last = res.data[res.data.length - 1]._id
  }
}

async function collect<T>(iter: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iter) out.push(item)
  return out
}

/** The CloudBase API address of a local cloud given as its base URL or its `/admin` URL. */
export function adminUrlOf(url: string): string {
  return `${url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/admin$/, '')}/admin`
}

/** Verify through a running local cloud's database API with the real wx-server-sdk. */
export async function verifyUrl(url: string, env: string): Promise<VerifyReport> {
  const started = Date.now()
  pointSdkAt(adminUrlOf(url), env)
  const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')
  sdk.init({ env })
  const db = sdk.database({ env } as never)
  const [rows, members] = await Promise.all([
    collect(pages<LedgerFact>(db, 'ledger', { communityId: true, openid: true, delta: true, earned: true })),
    collect(
      pages<MemberFact>(db, 'members', { communityId: true, openid: true, balance: true, totalEarned: true }),
    ),
  ])
  return { ...reconcile(rows, members), ms: Date.now() - started }
}

export function formatReport(report: VerifyReport, where: string): string[] {
  const lines = report.differences
    .slice(0, 50)
    .map((d) =>
      d.problem === 'no_member'
        ? `  ${d.memberId}: ledger rows sum to ${d.fromLedger} but there is no such member`
        : `  ${d.memberId}: ${d.problem} stored ${d.stored}, ledger says ${d.fromLedger}`,
    )
  if (report.differences.length > 50) lines.push(`  … and ${report.differences.length - 50} more`)
  const rate = report.ms > 0 ? Math.round((report.rows / report.ms) * 1000) : report.rows
  lines.push(
    `verify:ledger ${where}: ${report.rows} ledger rows, ${report.members} members, ` +
      `${report.differences.length} difference(s) in ${report.ms} ms (${rate} rows/s)`,
  )
  return lines
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

if (require.main === module) {
  const env = arg('env') ?? process.env.LOCAL_CLOUD_ENV ?? 'qunhuo-local'
  const url = arg('url')
  const dataDir = path.resolve(
    arg('data') ?? process.env.LOCAL_CLOUD_DATA ?? path.join(__dirname, '..', '.data'),
  )
  const run = url ? verifyUrl(url, env) : verifyDataDir(dataDir, env)
  run.then(
    (report) => {
      for (const line of formatReport(report, url ? `${url} env ${env}` : `${dataDir} env ${env}`))
        console.log(line)
      process.exit(report.differences.length ? 1 : 0)
    },
    (err) => {
      console.error(`verify:ledger failed: ${(err as Error).message}`)
      process.exit(2)
    },
  )
}
