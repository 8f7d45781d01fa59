/**
 * `npm run rebuild`: recompute every counter kept for speed from its source rows (core/derived.ts has
 * the rules) and write the ones that drifted; `--check` writes nothing, reports the drift together
 * with the ledger's own reconciliation (tools/verify-ledger.ts) and exits 1 on any difference.
 * Covers the members' balance, totalEarned, week and month counters, streak fields and check-in state
 * (`checkinState`), and `member_activity`. `npm run verify:ledger` is the check mode.
 *
 *   npm run rebuild -- --check [--data <dir>] [--env <id>]   a data folder, read-only (default: the
 *                                                           local cloud's, LOCAL_CLOUD_DATA or .data)
 *   npm run rebuild -- [--check] --url <http://host:port> [--env <id>]   a running local cloud
 *
 * Rewriting goes through a running cloud's database API with the real wx-server-sdk (never into a
 * data folder behind a running cloud's back). The demo seed calls `rebuildDerived` the same way.
 */
import path from 'node:path'
import { memberId } from '../cloudfunctions/core/community'
import {
  activityDrift,
  activityFromSources,
  checkinStateDrift,
  derivedMemberFields,
  memberDrift,
  pointsFromLedger,
  streaksFromCheckins,
  type ActivitySources,
  type CheckinEntry,
  type Drift,
  type LedgerEntry,
  type StoredMember,
} from '../cloudfunctions/core/derived'
import {
  REBUILDABLE_FIELDS,
  dailyCountsFromSources,
  metricsDrift,
  type MetricSources,
} from '../cloudfunctions/core/metrics'
import { ACTIVITY_COUNTERS, countsOf } from '../cloudfunctions/core/value-score'
import { pointSdkAt } from './local-cloud/sdk-env'
import {
  adminUrlOf,
  arg,
  collect,
  formatReport,
  pages,
  reconcile,
  SOURCE_FIELDS,
  withDataCopy,
  type LedgerFact,
  type MemberFact,
  type SdkDb,
  type SourceFacts,
  type VerifyReport,
  verifyUrl,
} from './verify-ledger'

type Doc = { _id: string } & Record<string, unknown>

/** The collections the derived state comes from and lives in. */
export const DERIVED_COLLECTIONS = [
  'members',
  'ledger',
  'checkins',
  'checkin_likes',
  'challenge_members',
  'violations',
  'activity_signups',
  'posts',
  'post_replies',
  'post_likes',
  'member_activity',
  // The dashboard's daily figures and the sources of their counted fields (core/metrics).
  'metrics_daily',
  'survey_responses',
  'mall_orders',
  'posts',
  'post_replies',
] as const
/** Sources another feature creates (the square's posts): read as empty until they exist. */
const OPTIONAL_COLLECTIONS = new Set<string>(['posts', 'post_replies'])
type Name = (typeof DERIVED_COLLECTIONS)[number]
export type DerivedDocs = Record<Name, Doc[]>

export interface DerivedPlan {
  drift: Drift[]
  /** The documents to write to end the drift: a member's fields (points, check-in state), or a whole activity doc. */
  writes: {
    collection: Drift['collection']
    id: string
    data: Record<string, unknown>
    /** 'update' some fields, 'set' a whole doc, 'add' a doc that does not exist yet. */
    how: 'update' | 'set' | 'add'
  }[]
}

/** The dashboard's source rows among the derived collections (core/metrics dailyCountsFromSources). */
export function metricSourcesOf(docs: DerivedDocs): MetricSources {
  return {
    members: docs.members,
    checkins: docs.checkins,
    posts: docs.posts,
    replies: docs.post_replies,
    surveyResponses: docs.survey_responses,
    orders: docs.mall_orders,
    signups: docs.activity_signups,
  } as unknown as MetricSources
}

/** Compare stored derived state with what its sources say; `now` stamps rewritten docs. */
export function planRebuild(docs: DerivedDocs, now: Date): DerivedPlan {
  const points = pointsFromLedger(docs.ledger as unknown as LedgerEntry[])
  const streaks = streaksFromCheckins(docs.checkins as unknown as CheckinEntry[])
  const activity = activityFromSources({
    checkins: docs.checkins,
    likes: docs.checkin_likes,
    challengeMembers: docs.challenge_members,
    members: docs.members,
    violations: docs.violations,
    attendances: docs.activity_signups,
    posts: docs.posts,
    replies: docs.post_replies,
    postLikes: docs.post_likes,
  } as unknown as ActivitySources)
  const drift: Drift[] = []
  const writes: DerivedPlan['writes'] = []
  for (const member of docs.members as StoredMember[]) {
    const key = memberId(member.communityId, member.openid)
    const found = memberDrift(member, points.get(key), streaks.get(key))
    drift.push(...found)
    if (found.length)
      writes.push({
        collection: 'members',
        id: member._id,
        data: derivedMemberFields(points.get(key), streaks.get(key)),
        how: 'update',
      })
    const state = member.checkinState as Record<string, unknown> | undefined
    const streak = streaks.get(key)
    const stateFound = checkinStateDrift(member._id, state, streak)
    drift.push(...stateFound)
    // The whole state in one field (its active challenges kept), so any update semantics leave it right.
    if (stateFound.length)
      writes.push({
        collection: 'members',
        id: member._id,
        data: {
          checkinState: {
            activeChallenges: state?.activeChallenges ?? [],
            ...(streak?.state ?? { runs: [], longest: 0, total: 0 }),
          },
        },
        how: 'update',
      })
  }
  const storedActivity = new Map(docs.member_activity.map((d) => [d._id, d]))
  for (const id of new Set([...storedActivity.keys(), ...activity.keys()])) {
    const derived = activity.get(id)
    const found = activityDrift(id, storedActivity.get(id), derived)
    drift.push(...found)
    if (!found.length) continue
    const stored = storedActivity.get(id)
    const counts = derived?.counts ?? countsOf(null)
    writes.push({
      collection: 'member_activity',
      id,
      data: {
        communityId: derived?.communityId ?? stored?.communityId,
        openid: derived?.openid ?? stored?.openid,
        weekKey: derived?.weekKey ?? stored?.weekKey,
        ...Object.fromEntries(ACTIVITY_COUNTERS.map((k) => [k, counts[k]])),
        updatedAt: now,
      },
      how: stored ? 'set' : 'add',
    })
  }
  // The dashboard's counted figures of every stored day (the snapshots, DAU and the like, stay as counted).
  const counted = dailyCountsFromSources(metricSourcesOf(docs))
  const metricsFound = metricsDrift(docs.metrics_daily, counted)
  for (const d of metricsFound) drift.push({ collection: 'metrics_daily', ...d })
  for (const id of new Set(metricsFound.map((d) => d.id))) {
    const row = counted.get(id)
    writes.push({
      collection: 'metrics_daily',
      id,
      data: Object.fromEntries(REBUILDABLE_FIELDS.map((f) => [f, row?.[f] ?? 0])),
      how: 'update',
    })
  }
  return { drift, writes }
}

/** Every doc of the derived collections, through the SDK (paged by _id). */
export async function readDerivedDocs(db: SdkDb): Promise<DerivedDocs> {
  const lists = await Promise.all(
    DERIVED_COLLECTIONS.map((name) =>
      collect(pages<Doc>(db, name, null)).catch((err: Error) => {
        if (OPTIONAL_COLLECTIONS.has(name) && /not exist/i.test(String(err?.message ?? err)))
          return [] as Doc[]
        throw err
      }),
    ),
  )
  return Object.fromEntries(DERIVED_COLLECTIONS.map((name, i) => [name, lists[i]])) as DerivedDocs
}

export interface RebuildReport {
  drift: Drift[]
  written: number
}

/** Recompute through a database handle (the SDK's); with `check`, write nothing. */
export async function rebuildDerived(
  db: SdkDb,
  options: { check?: boolean; now?: Date } = {},
): Promise<RebuildReport> {
  const plan = planRebuild(await readDerivedDocs(db), options.now ?? new Date())
  if (options.check) return { drift: plan.drift, written: 0 }
  // New docs go in bulk (one request, one commit per 500); existing ones one by one.
  const fresh = plan.writes.filter((w) => w.how === 'add') // activity weeks: the only docs a rebuild adds
  for (let i = 0; i < fresh.length; i += 500)
    await db
      .collection('member_activity')
      .add({ data: fresh.slice(i, i + 500).map((w) => ({ _id: w.id, ...w.data })) as never })
  const changes = plan.writes.filter((w) => w.how !== 'add')
  for (let i = 0; i < changes.length; i += 20)
    await Promise.all(
      changes
        .slice(i, i + 20)
        .map((w) =>
          w.how === 'set'
            ? db.collection(w.collection).doc(w.id).set({ data: w.data })
            : db.collection(w.collection).doc(w.id).update({ data: w.data }),
        ),
    )
  return { drift: plan.drift, written: plan.writes.length }
}

/** The check of a data folder, read-only: the ledger's reconciliation and the derived drift. */
export function checkDataDir(dataDir: string, env: string): { ledger: VerifyReport; drift: Drift[] } {
  const started = Date.now()
  return withDataCopy(dataDir, env, (read) => {
    const all = (name: string) => [...read(name)] as Doc[]
    const docs = Object.fromEntries(DERIVED_COLLECTIONS.map((n) => [n, all(n)])) as DerivedDocs
    const sources = Object.fromEntries(
      Object.entries(SOURCE_FIELDS).map(([key, { collection }]) => [
        key,
        new Map(all(collection).map((d) => [d._id, d])),
      ]),
    ) as unknown as SourceFacts
    const ledger = reconcile(
      docs.ledger as unknown as LedgerFact[],
      docs.members as unknown as MemberFact[],
      sources,
    )
    return { ledger: { ...ledger, ms: Date.now() - started }, drift: planRebuild(docs, new Date()).drift }
  })
}

export function formatDrift(drift: Drift[]): string[] {
  const lines = drift
    .slice(0, 50)
    .map(
      (d) =>
        `  ${d.collection}/${d.id}: ${d.field} stored ${JSON.stringify(d.stored)}, sources say ${JSON.stringify(d.derived)}`,
    )
  if (drift.length > 50) lines.push(`  … and ${drift.length - 50} more`)
  return lines
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check')
  const env = arg('env') ?? process.env.LOCAL_CLOUD_ENV ?? 'qunhuo-local'
  const url = arg('url')
  if (!url) {
    if (!check) throw new Error('rebuild writes through a running local cloud: give --url (or use --check)')
    const dataDir = path.resolve(
      arg('data') ?? process.env.LOCAL_CLOUD_DATA ?? path.join(__dirname, '..', '.data'),
    )
    const { ledger, drift } = checkDataDir(dataDir, env)
    for (const line of [...formatReport(ledger, `${dataDir} env ${env}`), ...formatDrift(drift)])
      console.log(line)
    console.log(`rebuild --check: ${drift.length} derived field(s) differ from their sources`)
    return ledger.differences.length || drift.length ? 1 : 0
  }
  pointSdkAt(adminUrlOf(url), env)
  const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')
  sdk.init({ env })
  const db = sdk.database({ env } as never)
  const ledger = check ? await verifyUrl(url, env) : null
  const report = await rebuildDerived(db, { check })
  if (ledger) for (const line of formatReport(ledger, `${url} env ${env}`)) console.log(line)
  for (const line of formatDrift(report.drift)) console.log(line)
  console.log(
    check
      ? `rebuild --check ${url}: ${report.drift.length} derived field(s) differ from their sources`
      : `rebuild ${url}: ${report.drift.length} derived field(s) differed; ${report.written} document(s) rewritten`,
  )
  return check && (report.drift.length || ledger?.differences.length) ? 1 : 0
}

if (require.main === module)
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`rebuild failed: ${(err as Error).message}`)
      process.exit(2)
    },
  )
