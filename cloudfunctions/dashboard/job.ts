/**
 * The nightly metrics job: for every community, the figures of the day that just ended
 * (`metrics_daily/<communityId>_<day>`, count queries only: figures.ts), then its alerts (alerts.ts).
 * Resumable batches of communities (runtime/jobs.ts) with progress in `jobs/metrics:<day>`; the timer
 * ticks every 10 minutes from 00:00 to 02:50, and a finished day does nothing until the next.
 */
import { metricsDayId } from '../core/metrics'
import type { MetricsJobOutcome } from '../core/contracts/dashboard'
import { addDays, shanghaiDayKey } from '../core/time'
import type { Database } from '../runtime/cloud'
import { findMany } from '../runtime/db'
import { jobTuning, runResumableJob, type JobState } from '../runtime/jobs'
import { evaluateCommunityAlerts } from './alerts'
import { dayFigures } from './figures'

interface JobDoc extends JobState {
  day: string
  communities: number
  alertsRaised: number
  alertsResolved: number
}

interface CommunityRow {
  _id: string
  name: string
  memberCount: number
  createdAt?: Date
}

/**
 * One community a batch: the budget is checked between batches, and a 100,000-member community takes
 * seconds (npm run bench -- dashboard), so a batch never carries a run past its 60 s limit.
 */
const DEFAULT_BATCH = 1

/** The day the nightly run counts: the Asia/Shanghai day before `now`. */
export function dayToCount(now: Date): string {
  return addDays(shanghaiDayKey(now), -1)
}

export async function runMetricsJob(
  db: Database,
  now: Date,
  startedMs = Date.now(),
): Promise<MetricsJobOutcome> {
  const day = dayToCount(now)
  const job = await runResumableJob<JobDoc, CommunityRow>({
    db,
    jobId: `metrics:${day}`,
    initial: { day, communities: 0, alertsRaised: 0, alertsResolved: 0 },
    collection: 'communities',
    ...(await jobTuning(db, 'metrics', DEFAULT_BATCH)),
    now,
    startedMs,
    // Redoing a batch is harmless: the day's doc is set whole, an alert stored for the day is not raised again.
    async step(communities, state) {
      for (const community of communities) {
        await countCommunityDay(db, community, day, now)
        const { raised, resolved } = await evaluateCommunityAlerts(db, community, day, now)
        state.alertsRaised += raised
        state.alertsResolved += resolved
      }
      state.communities += communities.length
    },
  })
  const { done, communities, alertsRaised, alertsResolved, runs } = job
  return { day: job.day, done, communities, alertsRaised, alertsResolved, runs }
}

export async function countCommunityDay(db: Database, community: CommunityRow, day: string, now: Date) {
  const groups = await findMany<{ _id: string }>(
    db.collection('groups').where({ communityId: community._id }).field({ _id: true }).limit(100),
  )
  const figures = await dayFigures(
    db,
    community,
    day,
    groups.map((g) => g._id),
  )
  await db
    .collection('metrics_daily')
    .doc(metricsDayId(community._id, day))
    .set({ data: { ...figures, computedAt: now } })
  return figures
}
