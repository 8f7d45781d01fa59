/**
 * Timer jobs over a whole collection, in resumable batches. The job's progress lives in `jobs/<jobId>`
 * (a cursor on _id, the job's own counts, runs, done): a run takes batches in _id order until its
 * time budget is spent and saves after every batch, so a run killed at its timeout loses at most one
 * batch and the next timer tick continues where it stopped. A finished job does nothing until the next
 * period's job id. Used by levels (nightly demotion), score (weekly value score), rank (monthly Top 3)
 * and sop (an activity's T−1h reminders, over its confirmed sign-ups only).
 */
import type { Database } from './cloud'
import { findMany, getDocOrNull } from './db'

/** Stop taking new batches after this long (the function's timeout is 60 s). */
const TIME_BUDGET_MS = 40_000

/** What every job doc holds besides its own counts. */
export interface JobState {
  /** The last _id processed. */
  cursor: string | null
  runs: number
  done: boolean
  updatedAt: Date
}

/** Optional tuning without a redeploy (tests use a small batch): `jobs/<name>:settings`. */
export async function jobTuning(
  db: Database,
  name: string,
  defaultBatch: number,
): Promise<{ batchSize: number; batchesPerRun: number }> {
  type Settings = { batchSize?: number; batchesPerRun?: number }
  const settings: Settings = (await getDocOrNull<Settings>(db, 'jobs', `${name}:settings`)) ?? {}
  return {
    batchSize: Math.min(Math.max(1, settings.batchSize ?? defaultBatch), 1000),
    batchesPerRun: settings.batchesPerRun ?? Infinity,
  }
}

/**
 * Run (or continue) the job `jobId` over `collection` and return its state; a job already done is
 * returned as it was saved (its runs not counted). `step` handles one batch and updates the state's
 * counts; redoing a batch must be harmless. `finish` runs once the last batch is handled, before the
 * job is saved as done, so a run stopped in between redoes the last batch and finishes again.
 */
export async function runResumableJob<S extends JobState, R extends { _id: string }>(job: {
  db: Database
  jobId: string
  /** The job's own fields when it starts (its counts at zero). */
  initial: Omit<S, keyof JobState>
  collection: string
  /** Only these rows (an indexed condition besides _id), e.g. the members of one reminder slot. */
  where?: Record<string, unknown>
  /**
   * A job id reused every period (one doc per reminder slot, not one per slot per day): a saved
   * state of another period starts over instead of counting as done.
   */
  period?: string
  batchSize: number
  batchesPerRun?: number
  now: Date
  startedMs: number
  step: (rows: R[], state: S) => Promise<void>
  finish?: (state: S) => Promise<void>
}): Promise<S> {
  const { db, jobId, batchSize, batchesPerRun = Infinity, now } = job
  const saved = await getDocOrNull<S & { period?: string }>(db, 'jobs', jobId)
  const existing = saved && (job.period === undefined || saved.period === job.period) ? saved : null
  const state = (
    existing
      ? { ...existing, runs: existing.runs + 1 }
      : {
          ...job.initial,
          ...(job.period === undefined ? {} : { period: job.period }),
          cursor: null,
          runs: 1,
          done: false,
          updatedAt: now,
        }
  ) as S & { _id?: string }
  delete state._id
  if (existing?.done) return { ...state, runs: existing.runs }

  const save = async () => {
    state.updatedAt = now
    await db.collection('jobs').doc(jobId).set({ data: state })
  }
  const _ = db.command
  for (let batch = 0; batch < batchesPerRun && Date.now() - job.startedMs < TIME_BUDGET_MS; batch++) {
    const rows = await findMany<R>(
      db
        .collection(job.collection)
        .where({ ...job.where, ...(state.cursor ? { _id: _.gt(state.cursor) } : {}) })
        .orderBy('_id', 'asc')
        .limit(batchSize),
    )
    await job.step(rows, state)
    if (rows.length) state.cursor = rows[rows.length - 1]._id
    if (rows.length < batchSize) {
      state.done = true
      break
    }
    await save()
  }
  if (state.done && job.finish) await job.finish(state)
  await save()
  return state
}
