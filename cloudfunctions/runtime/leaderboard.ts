/**
 * What the boards keep on member documents (core/leaderboard.ts has the rules): the community's rank
 * settings, and the period counters runtime/ledger.ts updates in the same transaction as the points.
 */
import {
  countEarned,
  countsOnPeriodBoards,
  effectiveRankSettings,
  isRanked,
  type PeriodCounters,
  type RankSettings,
} from '../core/leaderboard'
import type { Database } from './cloud'
import { readCommunitySettings } from './community-settings'
import { txGetOrNull, type Transaction } from './db'
import type { MemberDoc } from './membership'

/** `rank_settings/<communityId>`: hide staff and the Top-3 reward. */
export type RankSettingsDoc = Partial<RankSettings> & { _id: string; updatedAt?: Date; updatedBy?: string }

/** The board fields of a member document (on top of runtime/membership MemberDoc). */
export interface BoardMemberFields extends Partial<PeriodCounters> {
  /** On the boards: false for staff when the community hides them. Set at join and by saveSettings. */
  ranked?: boolean
  /** The latest check-in run: its length and its last day (the streak board). */
  streak?: number
  streakDay?: string | null
  /** A title from the mall, shown beside the nickname. */
  title?: string | null
}

export async function loadRankSettings(db: Database, communityId: string): Promise<RankSettings> {
  return effectiveRankSettings(await readCommunitySettings<RankSettingsDoc>(db, 'rank_settings', communityId))
}

/**
 * The member fields to write when a posting from `source` adds `earned` points: the week and month
 * counters, and `ranked` for a member document made before the boards existed (one extra read, once).
 */
export async function boardFieldsAfterEarning(
  tx: Transaction,
  member: MemberDoc & BoardMemberFields,
  earned: number,
  now: Date,
  source: string | null,
): Promise<BoardMemberFields> {
  // Only sources that count on the period boards move the week and month counters.
  const fields: BoardMemberFields = countsOnPeriodBoards(source) ? countEarned(member, earned, now) : {}
  if (member.ranked === undefined) {
    const saved = await txGetOrNull<RankSettingsDoc>(tx, 'rank_settings', member.communityId)
    fields.ranked = isRanked(member.role, effectiveRankSettings(saved).hideStaff)
  }
  return fields
}
