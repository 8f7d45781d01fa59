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
import { findMany } from '../runtime/db'
import { jobTuning, runResumableJob, type JobState } from '../runtime/jobs'
import { isActive } from '../runtime/membership'
import type { ScoredMember } from './score-view'

type GroupCounts = Record<DistributionGroup, number> & { total: number }

interface JobDoc extends JobState {
  weekKey: string
  processed: number
  /** Per community: members per tier and silent members (silent ones also count in their tier). */
  counts: (GroupCounts & { communityId: string })[]
  startedAt: Date
}

const DEFAULT_BATCH = 500
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
  const job = await runResumableJob<JobDoc, ScoredMember>({
    db,
    jobId: `score:${weekKey}`,
    initial: { weekKey, processed: 0, counts: [], startedAt: now },
    collection: 'members',
    ...(await jobTuning(db, 'score', DEFAULT_BATCH)),
    now,
    startedMs,
    step: (members, state) => scoreBatch(db, members, state, weekEnd, now),
    finish: (state) => writeDistributions(db, weekKey, state.counts, now),
  })
  return outcome(job)
}

/**
 * Score one batch of members and add them to the job's counts. Redoing a batch is harmless: scores
 * are set by id, and the counts are only saved together with the cursor.
 */
async function scoreBatch(
  db: Database,
  members: ScoredMember[],
  job: JobDoc,
  weekEnd: Date,
  now: Date,
): Promise<void> {
  const { weekKey } = job
  const _ = db.command
  // Community ids are data, not field names: kept as a list in the doc, as a map while running.
  const byCommunity = new Map(job.counts.map((c) => [c.communityId, c]))
  // Members who joined after the week ended have nothing to be scored on yet.
  // Left and removed members are no longer scored, counted or listed (runtime/leaving.ts).
  const scored = members.filter((m) => new Date(m.joinedAt) < weekEnd && isActive(m))
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
  job.counts = [...byCommunity.values()]
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
