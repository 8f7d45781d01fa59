/**
 * `npm run verify:ledger`: recompute every member's balance (Σ delta) and total earned (Σ earned)
 * from the append-only ledger and report every member whose stored numbers differ, plus ledger rows
 * whose member does not exist. Then reconcile the ledger against its sources: every `earn` row must
 * point to a source that allows that amount (see `checkSources`), and every staff adjustment must
 * have its audit row. Prints one summary line; exits 1 on any difference, 2 on a failure.
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
import { FEATURED_POINTS_MAX } from '../cloudfunctions/core/featured'
import { DEFAULT_RANK_SETTINGS, effectiveRankSettings } from '../cloudfunctions/core/leaderboard'
import { CHECKLIST_STEPS } from '../cloudfunctions/core/onboarding'
import {
  DEFAULT_POINT_RULES,
  effectiveRules,
  HISTORY_IMPORT_SOURCE,
  type PointRuleKey,
} from '../cloudfunctions/core/points'
import {
  DEFAULT_REWARD_CEILINGS,
  effectiveCeilings,
  type RewardCeilingKey,
} from '../cloudfunctions/core/rewards'
import { COLLECTIONS } from '../cloudfunctions/core/schema'
import { EnvDatabase } from './local-cloud/db/store'
import { pointSdkAt } from './local-cloud/sdk-env'

export interface LedgerFact {
  communityId: string
  openid: string
  delta: number
  earned: number
  _id?: string
  kind?: string
  source?: string
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
  problem: 'balance' | 'totalEarned' | 'no_member' | 'source'
  stored: number | null
  fromLedger: number
  /** For `source`: the ledger row and what is wrong with it. */
  ledgerId?: string
  detail?: string
}

/** What the ledger's sources say, as stored (each map keyed by _id; the settings by communityId). */
export interface SourceFacts {
  challenges: Map<string, { communityId: string; reward: number; createdBy?: string }>
  surveys: Map<string, { communityId: string; kind?: string; reward: number | null; createdBy?: string }>
  activities: Map<string, { communityId: string; createdBy?: string }>
  pointRules: Map<string, { rules?: Record<string, unknown> }>
  ceilings: Map<string, { ceilings?: Record<string, unknown> }>
  rankSettings: Map<string, { top3?: unknown }>
  audit: Map<
    string,
    {
      communityId: string
      kind: string
      amount?: number | null
      source?: string | null
      target?: string | null
    }
  >
}

/** The collections and fields `checkSources` reads. */
export const SOURCE_FIELDS: Record<keyof SourceFacts, { collection: string; fields: string[] }> = {
  challenges: { collection: 'challenges', fields: ['communityId', 'reward', 'createdBy'] },
  surveys: { collection: 'surveys', fields: ['communityId', 'kind', 'reward', 'createdBy'] },
  activities: { collection: 'activities', fields: ['communityId', 'createdBy'] },
  pointRules: { collection: 'point_rules', fields: ['rules'] },
  ceilings: { collection: 'reward_ceilings', fields: ['ceilings'] },
  rankSettings: { collection: 'rank_settings', fields: ['top3'] },
  audit: { collection: 'audit', fields: ['communityId', 'kind', 'amount', 'source', 'target'] },
}

/** The most a setting ever allowed: its default, its saved value now, and every audited change. */
function highest(...values: (number | null | undefined)[]): number {
  return Math.max(0, ...values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)))
}

/**
 * Reconcile each `earn` row with what paid it. A rule's or ceiling's bound is the highest it ever was
 * (default, saved, audited edits), so a row paid under an earlier setting still reconciles:
 * - `checkin:<day>`, `post:…`, `checklist:<step>`, `invite:<openid>`: the rule's points;
 * - `quality:…` (精选): 1–FEATURED_POINTS_MAX;
 * - `challenge:<id>`: the challenge exists in the community, its reward and the challenge ceiling
 *   bound the amount, and its creator is never paid;
 * - `survey:<id>`: likewise with the survey's reward (or the 完成问卷 rule) and the survey ceiling;
 * - `activity:<id>`: the activity exists in the community, its creator is never paid, and the activity
 *   ceiling bounds the amount (its points may be edited after some were paid, so they do not);
 * - `top3:<month>`: the community's Top-3 rewards;
 * - `seed-earned` / `seed:…`: a member's history brought in from before (the demo seed, test
 *   fixtures); nothing in the functions writes these.
 * Any other source is unknown. `adjust` rows (`adjust:…`, `post-revoke:…`) must have their audit row.
 */
export function checkSources(rows: Iterable<LedgerFact>, facts: SourceFacts): Difference[] {
  const auditedMax = new Map<string, number>()
  for (const a of facts.audit.values())
    if (a.source && typeof a.amount === 'number') {
      const key = `${a.communityId}|${a.source}`
      auditedMax.set(key, Math.max(auditedMax.get(key) ?? 0, a.amount))
    }
  const ruleMax = (cid: string, rule: PointRuleKey) => {
    const now = effectiveRules(facts.pointRules.get(cid)?.rules as never)[rule]
    return highest(
      DEFAULT_POINT_RULES[rule].enabled ? DEFAULT_POINT_RULES[rule].points : 0,
      now.enabled ? now.points : 0,
      auditedMax.get(`${cid}|rule:${rule}`),
    )
  }
  const ceilingMax = (cid: string, key: RewardCeilingKey) =>
    highest(
      DEFAULT_REWARD_CEILINGS[key],
      effectiveCeilings(facts.ceilings.get(cid)?.ceilings as never)[key],
      auditedMax.get(`${cid}|ceiling:${key}`),
    )
  const top3Max = (cid: string) => {
    const now = effectiveRankSettings({ top3: facts.rankSettings.get(cid)?.top3 as never }).top3
    return highest(
      ...DEFAULT_RANK_SETTINGS.top3.points,
      ...(now.enabled ? now.points : []),
      auditedMax.get(`${cid}|top3`),
    )
  }
  const differences: Difference[] = []
  for (const row of rows) {
    const source = String(row.source ?? '')
    const [prefix, ...restParts] = source.split(':')
    const rest = restParts.join(':')
    const delta = Number(row.delta) || 0
    const cid = row.communityId
    const problem = (detail: string) =>
      differences.push({
        memberId: memberKey(cid, row.openid),
        problem: 'source',
        stored: null,
        fromLedger: delta,
        ledgerId: row._id,
        detail,
      })
    if (row.kind === 'adjust') {
      // A staff adjustment (adjust:<requestId>) or a valued post's pay taken back (post-revoke:<postId>).
      const audit = facts.audit.get(`${cid}:${prefix === 'post-revoke' ? source : `adjust:${rest}`}`)
      if ((prefix !== 'adjust' && prefix !== 'post-revoke') || !audit || audit.amount !== delta)
        problem(`adjustment ${source} of ${delta} has no matching audit row`)
      continue
    }
    if (row.kind !== 'earn') continue
    if (source === HISTORY_IMPORT_SOURCE || prefix === 'seed') continue
    if (delta <= 0) {
      problem(`earn row of ${delta}`)
      continue
    }
    const within = (max: number, what: string) => {
      if (delta > max) problem(`${source} pays ${delta}, ${what} allows at most ${max}`)
    }
    switch (prefix) {
      case 'checkin':
      case 'post':
      case 'invite':
        within(ruleMax(cid, prefix), `the ${prefix} rule`)
        break
      case 'checklist':
        if (!(CHECKLIST_STEPS as readonly string[]).includes(rest))
          problem(`unknown checklist step ${source}`)
        else within(ruleMax(cid, 'checklist'), 'the checklist rule')
        break
      case 'quality':
        within(FEATURED_POINTS_MAX, 'a featured note')
        break
      case 'activity': {
        const activity = facts.activities.get(rest)
        if (!activity || activity.communityId !== cid) problem(`${source}: no such activity in ${cid}`)
        else if (activity.createdBy === row.openid) problem(`${source} paid its own creator`)
        else within(ceilingMax(cid, 'activity'), 'the activity ceiling')
        break
      }
      case 'top3':
        within(top3Max(cid), 'the Top-3 rewards')
        break
      case 'challenge': {
        const challenge = facts.challenges.get(rest)
        if (!challenge || challenge.communityId !== cid) problem(`${source}: no such challenge in ${cid}`)
        else if (challenge.createdBy === row.openid) problem(`${source} paid its own creator`)
        else within(Math.min(Number(challenge.reward) || 0, ceilingMax(cid, 'challenge')), 'the challenge')
        break
      }
      case 'survey': {
        const survey = facts.surveys.get(rest)
        if (!survey || survey.communityId !== cid || survey.kind === 'entry')
          problem(`${source}: no such survey in ${cid}`)
        else if (survey.createdBy === row.openid) problem(`${source} paid its own creator`)
        else
          within(
            Math.min(
              typeof survey.reward === 'number' ? survey.reward : ruleMax(cid, 'survey'),
              ceilingMax(cid, 'survey'),
            ),
            'the survey',
          )
        break
      }
      default:
        problem(`unknown source "${source}"`)
    }
  }
  return differences
}

export interface VerifyReport {
  rows: number
  members: number
  differences: Difference[]
  ms: number
}

const memberKey = (communityId: string, openid: string) => `${communityId}_${openid}`

/** Compare stored balances and totals with the ledger's sums, and (given its sources) each row with its source. */
export function reconcile(
  rows: Iterable<LedgerFact>,
  members: Iterable<MemberFact>,
  sources?: SourceFacts,
): Omit<VerifyReport, 'ms'> {
  const all = sources ? [...rows] : rows
  const sums = new Map<string, { balance: number; earned: number }>()
  let rowCount = 0
  for (const row of all) {
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
  if (sources) differences.push(...checkSources(all, sources))
  return { rows: rowCount, members: memberCount, differences }
}

/**
 * Open a copy of a data folder's env with the local database's own store and hand `read` its
 * collections (read-only: the folder itself is never written; see the header).
 */
export function withDataCopy<T>(
  dataDir: string,
  env: string,
  read: (docs: (name: string) => Iterable<unknown>) => T,
): T {
  const source = path.join(dataDir, env)
  if (!fs.existsSync(source)) throw new Error(`no env "${env}" in ${dataDir}`)
  const copyRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-ledger-'))
  try {
    fs.mkdirSync(path.join(copyRoot, env))
    for (const file of fs.readdirSync(source))
      if (/\.jsonl$/.test(file)) fs.copyFileSync(path.join(source, file), path.join(copyRoot, env, file))
    const store = new EnvDatabase({ env, dataDir: copyRoot, compactBytes: Number.MAX_SAFE_INTEGER })
    store.open(COLLECTIONS)
    return read((name) => (store.collection(name)?.docs.values() ?? []) as Iterable<unknown>)
  } finally {
    fs.rmSync(copyRoot, { recursive: true, force: true })
  }
}

/** Verify a data folder of the local cloud, read-only (see the header). */
export async function verifyDataDir(dataDir: string, env: string): Promise<VerifyReport> {
  const started = Date.now()
  return withDataCopy(dataDir, env, (docs) => {
    const byId = <T>(name: string) =>
      new Map([...docs(name)].map((d) => [(d as { _id: string })._id, d as T])) as Map<string, T>
    const sources = Object.fromEntries(
      Object.entries(SOURCE_FIELDS).map(([key, { collection }]) => [key, byId(collection)]),
    ) as unknown as SourceFacts
    const report = reconcile(
      docs('ledger') as Iterable<LedgerFact>,
      docs('members') as Iterable<MemberFact>,
      sources,
    )
    return { ...report, ms: Date.now() - started }
  })
}

export type SdkDb = ReturnType<(typeof import('wx-server-sdk'))['database']>

/** A collection's docs through the SDK, a thousand at a time in _id order. */
export async function* pages<T>(
  db: SdkDb,
  collection: string,
  /** The fields to read; every field when null. */
  fields: Record<string, true> | null,
): AsyncGenerator<T> {
  const _ = db.command
  let last: string | null = null
  for (;;) {
    const query = db.collection(collection).where(last === null ? {} : { _id: _.gt(last) })
    const res = (await (fields ? query.field(fields) : query)
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()) as unknown as { data: (T & { _id: string })[] }
    for (const doc of res.data) yield doc as T
    if (res.data.length < 1000) return
    last = res.data[res.data.length - 1]._id
  }
}

export async function collect<T>(iter: AsyncGenerator<T>): Promise<T[]> {
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
  const fields = (names: string[]) => Object.fromEntries(names.map((n) => [n, true as const]))
  const [rows, members, ...sourceLists] = await Promise.all([
    collect(
      pages<LedgerFact>(
        db,
        'ledger',
        fields(['_id', 'communityId', 'openid', 'delta', 'earned', 'kind', 'source']),
      ),
    ),
    collect(
      pages<MemberFact>(db, 'members', { communityId: true, openid: true, balance: true, totalEarned: true }),
    ),
    ...Object.values(SOURCE_FIELDS).map(({ collection, fields: names }) =>
      collect(pages<{ _id: string }>(db, collection, fields(['_id', ...names]))),
    ),
  ])
  const sources = Object.fromEntries(
    Object.keys(SOURCE_FIELDS).map((key, i) => [key, new Map(sourceLists[i].map((d) => [d._id, d]))]),
  ) as unknown as SourceFacts
  return { ...reconcile(rows, members, sources), ms: Date.now() - started }
}

export function formatReport(report: VerifyReport, where: string): string[] {
  const lines = report.differences
    .slice(0, 50)
    .map((d) =>
      d.problem === 'no_member'
        ? `  ${d.memberId}: ledger rows sum to ${d.fromLedger} but there is no such member`
        : d.problem === 'source'
          ? `  ${d.ledgerId ?? d.memberId}: ${d.detail}`
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

export function arg(name: string): string | undefined {
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
