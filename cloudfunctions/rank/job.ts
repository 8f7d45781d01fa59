/**
 * The monthly Top-3 job, started by its timer (config.json) in the first hours of each month. For
 * every community, in resumable batches by _id (runtime/jobs.ts; progress in
 * `jobs/rank:top3:<monthKey>`), it pays last month's Top 3 (core/leaderboard top3Winners) through the
 * ledger with source `top3:<monthKey>`, so a member is paid at most once per month however often the
 * job runs, records the result in `top3_results/<communityId>:<monthKey>` and then tells each winner
 * by subscribe message.
 */
import type { MonthlyResult, MonthlyWinner } from '../core/contracts/rank'
import {
  BOARD_LIMIT,
  earnedInMonth,
  monthName,
  top3Month,
  top3Source,
  top3Winners,
} from '../core/leaderboard'
import { messageThing } from '../core/notify'
import type { Database } from '../runtime/cloud'
import { findMany, getDocOrNull } from '../runtime/db'
import { runResumableJob, type JobState } from '../runtime/jobs'
import { AppError } from '../runtime/errors'
import { post } from '../runtime/ledger'
import { loadRankSettings, type BoardMemberFields } from '../runtime/leaderboard'
import type { CommunityDoc, MemberDoc } from '../runtime/membership'
import { sendSubscribeMessage } from '../runtime/notify'

export interface Top3ResultDoc {
  _id: string
  communityId: string
  monthKey: string
  status: MonthlyResult['status']
  winners: (MonthlyWinner & { openid: string })[]
  /** True once every winner has been told (or found not subscribed). */
  done: boolean
  createdAt: Date
}

interface Top3JobDoc extends JobState {
  monthKey: string
  communities: number
  winners: number
}

export interface Top3Outcome {
  monthKey: string
  done: boolean
  communities: number
  winners: number
  runs: number
}

const BATCH = 20

export function resultView(doc: Top3ResultDoc): MonthlyResult {
  return {
    monthKey: doc.monthKey,
    label: `${doc.monthKey.slice(0, 4)}年${monthName(doc.monthKey)}`,
    status: doc.status,
    winners: doc.winners.map(({ openid: _openid, ...w }) => w),
    createdAt: new Date(doc.createdAt).toISOString(),
  }
}

export async function runTop3Job(db: Database, now: Date, startedMs = Date.now()): Promise<Top3Outcome> {
  const monthKey = top3Month(now)
  const job = await runResumableJob<Top3JobDoc, CommunityDoc>({
    db,
    jobId: `rank:top3:${monthKey}`,
    initial: { monthKey, communities: 0, winners: 0 },
    collection: 'communities',
    batchSize: BATCH,
    now,
    startedMs,
    async step(communities, state) {
      for (const community of communities) {
        state.winners += await awardCommunity(db, community._id, monthKey, now)
        state.communities++
      }
    },
  })
  return outcome(job)
}

function outcome(job: Top3JobDoc): Top3Outcome {
  const { monthKey, done, communities, winners, runs } = job
  return { monthKey, done, communities, winners, runs }
}

/** Pay, record and tell one community's Top 3 for `monthKey`; returns how many won (0 if done before). */
async function awardCommunity(
  db: Database,
  communityId: string,
  monthKey: string,
  now: Date,
): Promise<number> {
  const resultId = `${communityId}:${monthKey}`
  let result = await getDocOrNull<Top3ResultDoc>(db, 'top3_results', resultId)
  if (result?.done) return 0
  if (!result) {
    const settings = await loadRankSettings(db, communityId)
    const winners = settings.top3.enabled
      ? await payWinners(db, communityId, monthKey, settings.top3.points, now)
      : []
    result = {
      _id: resultId,
      communityId,
      monthKey,
      status: settings.top3.enabled ? 'paid' : 'disabled',
      winners,
      done: false,
      createdAt: now,
    }
    await save(db, result)
  }
  // Messages go out after the payments are recorded; each winner's outcome is saved as it is known,
  // so a run stopped here tells only the rest next time.
  for (const winner of result.winners) {
    if (winner.told !== null || !winner.paid) continue
    const sent = await sendSubscribeMessage({
      openid: winner.openid,
      template: 'monthlyTop',
      data: {
        thing1: messageThing(`${monthName(monthKey)}排行榜第 ${winner.rank} 名`),
        number2: String(winner.points),
      },
      page: 'pages/rank/index',
    })
    winner.told = sent.sent
    await save(db, result)
  }
  await save(db, { ...result, done: true })
  return result.winners.length
}

async function save(db: Database, result: Top3ResultDoc): Promise<void> {
  const { _id, ...fields } = result
  await db.collection('top3_results').doc(_id).set({ data: fields })
}

/**
 * Last month's candidates come from two index ranges: members whose current month counter is still
 * that month, and members who have earned since (their last month moved to prevMonth*). The first 50 of
 * each are plenty: only more than 50 members tied within the first three places would be cut.
 */
async function payWinners(
  db: Database,
  communityId: string,
  monthKey: string,
  points: readonly number[],
  now: Date,
): Promise<Top3ResultDoc['winners']> {
  const base = { communityId, ranked: true }
  const _ = db.command
  const lists = await Promise.all(
    (
      [
        ['monthKey', 'monthEarned'],
        ['prevMonthKey', 'prevMonthEarned'],
      ] as const
    ).map(([key, field]) =>
      findMany<MemberDoc & BoardMemberFields>(
        db
          .collection('members')
          .where({ ...base, [key]: monthKey, [field]: _.gt(0) })
          .orderBy(field, 'desc')
          .limit(BOARD_LIMIT),
      ),
    ),
  )
  const candidates = lists.flat().map((m) => ({ member: m, value: earnedInMonth(m, monthKey) }))
  const winners: Top3ResultDoc['winners'] = []
  for (const { candidate, rank, points: reward } of top3Winners(candidates, points)) {
    const { member, value } = candidate
    let paid = reward === 0
    if (reward > 0) {
      try {
        await post(db, {
          communityId,
          openid: member.openid,
          source: top3Source(monthKey),
          kind: 'earn',
          delta: reward,
          reason: `${monthName(monthKey)}排行榜第 ${rank} 名`,
          now,
        })
        paid = true
      } catch (err) {
        // A member who left since: recorded as not paid; anything else stops the run (retried later).
        if (!(err instanceof AppError && err.code === 'NOT_MEMBER')) throw err
      }
    }
    winners.push({
      openid: member.openid,
      nickname: member.nickname,
      rank,
      value,
      points: reward,
      paid,
      told: null,
    })
  }
  return winners
}
