/**
 * The weekly value-score job (core/value-score.ts has the rules). Every Monday it scores the week
 * just ended for every member: pages through `members` by _id, reads the batch's `member_activity`
 * docs in one query (ids are known, so O(1) per member), writes `value_scores` and denormalises
 * tier / valueScore / silent onto the member for the index-served lists. Progress (cursor and the
 * per-community tier counts) is saved after each batch in `jobs/score:<weekKey>`, so a run that
 * reaches its time budget stops cleanly and the next timer tick continues; the distribution docs are
 * written when the last batch is done.
 */
import {
  countsOf,
  distributionId,
  isSilent,
  memberWeekId,
  scoreOf,
  type DistributionGroup,
  type Tier,
} from '../core/value-score'
import { addWeeks, shanghaiDayStart, shanghaiWeekKey } from '../core/time'
import type { JobOutcome } from '../core/contracts/score'
import type { Database } from '../runtime/cloud'
import type { ActivityDoc } from '../runtime/activity'
import { findMany, getDocOrNull } from '../runtime/db'
import type { ScoredMember } from './shared'

type GroupCounts = Record<DistributionGroup, number> & { total: number }

interface JobDoc {
  weekKey: string
  /** The last member _id processed. */
  cursor: string | null
  processed: number
  /** Per community: members per tier and silent members (silent ones also count in their tier). */
  counts: (GroupCounts & { communityId: string })[]
  runs: number
  done: boolean
  startedAt: Date
  updatedAt: Date
}

/** Optional tuning without a redeploy (tests use a small batch): `jobs/score:settings`. */
interface JobSettings {
  batchSize?: number
  batchesPerRun?: number
}

const DEFAULT_BATCH = 500
/** Stop taking new batches after this long (the function's timeout is 60 s). */
const TIME_BUDGET_MS = 40_000
/** Parallel writes within a batch. */
const WRITE_CONCURRENCY = 16

const emptyGroups = (communityId: string) => ({
  communityId,
  core: 0,
  active: 0,
  normal: 0,
  watch: 0,
  silent: 0,
  total: 0,
})

/** The week the job scores at `now`: the one that ended last Sunday night. */
export function scoredWeek(now: Date): string {
  return addWeeks(shanghaiWeekKey(now), -1)
}

export async function runScoreJob(db: Database, now: Date, startedMs = Date.now()): Promise<JobOutcome> {
  const weekKey = scoredWeek(now)
  const weekEnd = shanghaiDayStart(addWeeks(weekKey, 1))
  const jobId = `score:${weekKey}`
  const settings: JobSettings = (await getDocOrNull<JobSettings>(db, 'jobs', 'score:settings')) ?? {}
  const batchSize = Math.min(Math.max(1, settings.batchSize ?? DEFAULT_BATCH), 1000)
  const batchesPerRun = settings.batchesPerRun ?? Infinity
  const existing = await getDocOrNull<JobDoc>(db, 'jobs', jobId)
  const job: JobDoc = existing
    ? { ...existing, runs: existing.runs + 1 }
    : {
        weekKey,
        cursor: null,
        processed: 0,
        counts: [],
        runs: 1,
        done: false,
        startedAt: now,
        updatedAt: now,
      }
  delete (job as Partial<JobDoc> & { _id?: string })._id
  if (existing?.done) return outcome(existing)

  // Community ids are data, not field names: kept as a list in the doc, as a map while running.
  const byCommunity = new Map(job.counts.map((c) => [c.communityId, c]))
  const _ = db.command
  const save = async () => {
    job.counts = [...byCommunity.values()]
    job.updatedAt = now
    await db.collection('jobs').doc(jobId).set({ data: job })
  }
  for (let batch = 0; batch < batchesPerRun && Date.now() - startedMs < TIME_BUDGET_MS; batch++) {
    const members = await findMany<ScoredMember>(
      db
        .collection('members')
        .where(job.cursor ? { _id: _.gt(job.cursor) } : {})
        .orderBy('_id', 'asc')
        .limit(batchSize),
    )
    // Members who joined after the week ended have nothing to be scored on yet.
    const scored = members.filter((m) => new Date(m.joinedAt) < weekEnd)
    const ids = scored.map((m) => memberWeekId(m.communityId, m.openid, weekKey))
    const activity = new Map<string, ActivityDoc>()
    if (ids.length)
      for (const doc of await findMany<ActivityDoc>(
        db
          .collection('member_activity')
          .where({ _id: _.in(ids) })
          .limit(ids.length),
      ))
        activity.set(doc._id, doc)
    const scores: object[] = []
    // Members whose standing changed, grouped by the new standing: one update per group.
    const changed = new Map<string, { data: object; ids: string[] }>()
    const writes: (() => unknown)[] = []
    for (const [i, member] of scored.entries()) {
      const counts = countsOf(activity.get(ids[i]))
      const score = scoreOf(counts)
      const lastActiveAt = member.lastActiveAt ? new Date(member.lastActiveAt) : null
      const joinedAt = new Date(member.joinedAt)
      const silent = isSilent(lastActiveAt, joinedAt, weekEnd)
      let groups = byCommunity.get(member.communityId)
      if (!groups) byCommunity.set(member.communityId, (groups = emptyGroups(member.communityId)))
      groups[score.tier]++
      if (silent) groups.silent++
      groups.total++
      scores.push({
        _id: ids[i],
        communityId: member.communityId,
        openid: member.openid,
        weekKey,
        total: score.total,
        tier: score.tier,
        parts: score.parts,
        silent,
        inputs: counts,
        computedAt: now,
      })
      const standing = { tier: score.tier, valueScore: score.total, silent }
      if (!lastActiveAt)
        // lastActiveAt defaults to the join, so the silent list orders every member by it.
        writes.push(() =>
          db
            .collection('members')
            .doc(member._id)
            .update({ data: { ...standing, lastActiveAt: joinedAt } }),
        )
      else if (!sameStanding(member, score.tier, score.total, silent)) {
        const key = JSON.stringify(standing)
        const group = changed.get(key) ?? { data: standing, ids: [] }
        group.ids.push(member._id)
        changed.set(key, group)
      }
    }
    for (const { data, ids: memberIds } of changed.values())
      writes.push(() =>
        db
          .collection('members')
          .where({ _id: _.in(memberIds) })
          .update({ data }),
      )
    // The batch's scores in two requests: clear what an interrupted run may have written, then
    // insert them all (ids are per member and week, so redoing a batch gives the same docs).
    if (scores.length) {
      await db
        .collection('value_scores')
        .where({ _id: _.in(ids) })
        .remove()
      await db.collection('value_scores').add({ data: scores })
    }
    await runPool(writes, WRITE_CONCURRENCY)
    job.processed += scored.length
    if (members.length) job.cursor = members[members.length - 1]._id
    if (members.length < batchSize) {
      job.done = true
      break
    }
    // Saved after every batch: a run killed at its timeout redoes at most one batch, which is
    // harmless (scores are set by id, and the counts are only saved together with the cursor).
    await save()
  }
  if (job.done) await writeDistributions(db, weekKey, [...byCommunity.values()], now)
  await save()
  return outcome(job)
}

function sameStanding(m: ScoredMember, tier: Tier, total: number, silent: boolean): boolean {
  return m.tier === tier && m.valueScore === total && !!m.silent === silent
}

async function writeDistributions(
  db: Database,
  weekKey: string,
  counts: JobDoc['counts'],
  now: Date,
): Promise<void> {
  await runPool(
    counts.map(
      (c) => () =>
        db
          .collection('score_distributions')
          .doc(distributionId(c.communityId, weekKey))
          .set({ data: { ...c, weekKey, computedAt: now } }),
    ),
    WRITE_CONCURRENCY,
  )
}

async function runPool(tasks: (() => unknown)[], concurrency: number): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]()
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker))
}

function outcome(job: JobDoc): JobOutcome {
  return { weekKey: job.weekKey, done: job.done, processed: job.processed, runs: job.runs }
}
