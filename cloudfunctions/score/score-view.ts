/** A member's value score: the member fields the job keeps, and one member's score view. */
import type { MemberScoreView, ScoreHistoryItem } from '../core/contracts/score'
import { shanghaiDayKey, shanghaiWeekKey } from '../core/time'
import {
  FULL_WEEK,
  tierNamesFor,
  type TierAudience,
  checkinDaysOpen,
  countsOf,
  explain,
  memberWeekId,
  type ActivityCounts,
  type Tier,
} from '../core/value-score'
import type { ActivityDoc } from '../runtime/activity'
import type { Database } from '../runtime/cloud'
import { findMany, getDocOrNull } from '../runtime/db'
import type { MemberDoc } from '../runtime/membership'

/** The member fields the value score keeps (on top of runtime/membership MemberDoc). */
export interface ScoreMemberFields {
  /** Set by runtime/activity.ts whenever the member does something. */
  lastActiveAt?: Date
  /** Denormalised by the weekly job for the index-served lists. */
  tier?: Tier
  valueScore?: number
  silent?: boolean
  /** The last 私聊唤醒 sent (30-day spacing). */
  lastWakeUpAt?: Date | null
}

export type ScoredMember = MemberDoc & ScoreMemberFields & { streakDay?: string | null }

export interface ValueScoreDoc {
  _id: string
  communityId: string
  openid: string
  weekKey: string
  total: number
  tier: Tier
  silent: boolean
  inputs: ActivityCounts
  computedAt: Date
}

const HISTORY_WEEKS = 8

/**
 * One member's score view: the latest scored week (recomputed from its stored inputs, so the
 * explanation always matches the formulas), this week's counters so far, and recent weeks.
 * Three reads, each by id or by the (communityId, openid, weekKey) index.
 */
export async function memberScoreView(
  db: Database,
  member: ScoredMember,
  now: Date,
  audience: TierAudience,
): Promise<MemberScoreView> {
  const names = tierNamesFor(audience)
  const { communityId, openid } = member
  const thisWeekKey = shanghaiWeekKey(now)
  const [weeks, current] = await Promise.all([
    findMany<ValueScoreDoc>(
      db
        .collection('value_scores')
        .where({ communityId, openid })
        .orderBy('weekKey', 'desc')
        .limit(HISTORY_WEEKS),
    ),
    getDocOrNull<ActivityDoc>(db, 'member_activity', memberWeekId(communityId, openid, thisWeekKey)),
  ])
  const latest = weeks[0]
  const history: ScoreHistoryItem[] = weeks
    .map((w) => ({ weekKey: w.weekKey, total: w.total, tier: w.tier, tierName: names[w.tier] }))
    .reverse()
  return {
    nickname: member.nickname,
    score: latest
      ? explain(latest.weekKey, countsOf(latest.inputs), !!latest.silent, FULL_WEEK, audience)
      : null,
    // This week's advice fits the days left (streakDay is the member's latest check-in day).
    thisWeek: explain(
      thisWeekKey,
      countsOf(current),
      !!member.silent,
      checkinDaysOpen(now, member.streakDay === shanghaiDayKey(now)),
      audience,
    ),
    audience,
    history,
    lastActiveAt: member.lastActiveAt ? new Date(member.lastActiveAt).toISOString() : null,
  }
}
