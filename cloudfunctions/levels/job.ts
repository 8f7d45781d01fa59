/**
 * The nightly demotion job (core/demotion.ts has the rules). It pages through every member by _id
 * in resumable batches (runtime/jobs.ts) with its progress in `jobs/levels:<dayKey>`, so a run that
 * reaches its time budget stops cleanly and the next timer tick (every 10 minutes from 03:00 to 04:50)
 * continues where it stopped. A finished day's job does nothing until the next day.
 */
import { evaluateDemotion, demotionWindow, type DemotionDecision } from '../core/demotion'
import { shanghaiDayKey, shanghaiDayStart } from '../core/time'
import type { Database } from '../runtime/cloud'
import { findMany, inTransaction, txGetOrNull } from '../runtime/db'
import { jobTuning, runResumableJob, type JobState } from '../runtime/jobs'
import type { PointsMember } from '../runtime/ledger'
import { changeLevel } from '../runtime/levels'

export interface JobDoc extends JobState {
  dayKey: string
  processed: number
  demoted: number
  dormant: number
  startedAt: Date
}

const DEFAULT_BATCH = 100

export interface RunOutcome {
  dayKey: string
  done: boolean
  processed: number
  demoted: number
  dormant: number
  runs: number
}

export async function runDemotionJob(db: Database, now: Date, startedMs = Date.now()): Promise<RunOutcome> {
  const dayKey = shanghaiDayKey(now)
  const job = await runResumableJob<JobDoc, PointsMember>({
    db,
    jobId: `levels:${dayKey}`,
    initial: { dayKey, processed: 0, demoted: 0, dormant: 0, startedAt: now },
    collection: 'members',
    ...(await jobTuning(db, 'levels', DEFAULT_BATCH)),
    now,
    startedMs,
    // Redoing a batch is harmless: level_changes ids are per member per day, and state is re-read.
    async step(members, state) {
      for (const member of members) {
        const decision = await decide(db, member, now, dayKey)
        if (decision.kind === 'demote') {
          if (await demote(db, member, decision, now)) state.demoted++
        } else if (decision.kind === 'dormant') {
          if (await markDormant(db, member, decision.reason, now)) state.dormant++
        }
      }
      state.processed += members.length
    },
  })
  const { done, processed, demoted, dormant, runs } = job
  return { dayKey: job.dayKey, done, processed, demoted, dormant, runs }
}

/** Gather the facts one member's rule needs (one count or one small read), then apply the rule. */
async function decide(
  db: Database,
  member: PointsMember,
  now: Date,
  todayKey: string,
): Promise<DemotionDecision> {
  const since = new Date(member.levelSince ?? member.joinedAt)
  // The idle count starts at the last visit, or at the last level change if later: a member just
  // demoted to 新手 gets 14 days to come back before a dormancy warning follows the demotion.
  const lastVisit = new Date(
    Math.max(new Date(member.lastVisitAt ?? member.joinedAt).getTime(), since.getTime()),
  )
  const base = {
    level: member.level,
    todayKey,
    lastVisitKey: shanghaiDayKey(lastVisit),
    levelSince: since,
    now,
    dormant: !!member.dormantSince,
  }
  const window = demotionWindow(member.level, todayKey)
  // Quick exits that need no reads: newcomers and members still in their grace period.
  const quick = evaluateDemotion({ ...base, interactions: Infinity, activeDays: Infinity })
  if (!window || quick.kind !== 'keep' || quick.why === 'grace') return quick
  const _ = db.command
  const where = {
    communityId: member.communityId,
    openid: member.openid,
    kind: 'earn',
    createdAt: _.gte(shanghaiDayStart(window.first)).and(_.lt(shanghaiDayStart(todayKey))),
  }
  if (member.level === 'advanced') {
    const { total } = (await db.collection('ledger').where(where).count()) as { total: number }
    return evaluateDemotion({ ...base, interactions: total })
  }
  const days = new Set<string>()
  for (let offset = 0; ; offset += 1000) {
    const rows = await findMany<{ dayKey: string }>(
      db
        .collection('ledger')
        .where(where)
        .field({ dayKey: true })
        .orderBy('createdAt', 'asc')
        .skip(offset)
        .limit(1000),
    )
    for (const row of rows) days.add(row.dayKey)
    if (rows.length < 1000) break
  }
  return evaluateDemotion({ ...base, activeDays: days.size })
}

async function demote(
  db: Database,
  member: PointsMember,
  decision: Extract<DemotionDecision, { kind: 'demote' }>,
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const current = await txGetOrNull<PointsMember>(tx, 'members', member._id)
    // Promoted or changed since the read: leave it for the next run.
    if (!current || current.level !== decision.from) return false
    const patch = await changeLevel(tx, {
      communityId: member.communityId,
      openid: member.openid,
      kind: 'demote',
      from: decision.from,
      to: decision.to,
      reason: decision.reason,
      totalEarned: current.totalEarned,
      now,
    })
    await tx.collection('members').doc(member._id).update({ data: patch })
    return true
  })
}

async function markDormant(db: Database, member: PointsMember, reason: string, now: Date): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const current = await txGetOrNull<PointsMember>(tx, 'members', member._id)
    if (!current || current.dormantSince || current.level !== 'newcomer') return false
    const patch = await changeLevel(tx, {
      communityId: member.communityId,
      openid: member.openid,
      kind: 'dormant',
      from: 'newcomer',
      to: 'newcomer',
      reason,
      totalEarned: current.totalEarned,
      now,
    })
    await tx.collection('members').doc(member._id).update({ data: patch })
    return true
  })
}
