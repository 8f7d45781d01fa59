import {
  BOARD_LIMIT,
  BOARD_NAMES,
  BOARD_UNITS,
  boardLabel,
  competitionRanks,
  currentStreakValue,
  isRanked,
  periodKeys,
  type BoardKind,
  type PeriodKeys,
} from '../../core/leaderboard'
import { rankInputs, type BoardResult } from '../../core/contracts/rank'
import type { Level } from '../../core/levels'
import { EVERY_MEMBER } from '../../core/roles'
import type { Database } from '../../runtime/cloud'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { loadRankSettings, type BoardMemberFields } from '../../runtime/leaderboard'
import type { MemberDoc } from '../../runtime/membership'

type BoardMember = MemberDoc & BoardMemberFields

/**
 * Where a board's rows are: the value field and its scope, one index range (the streak board's is
 * two days, today and yesterday, since a streak that ended yesterday is still alive: an `$in` the
 * database walks as two ranges merged in order).
 */
function boardQuery(db: Database, kind: BoardKind, communityId: string, keys: PeriodKeys) {
  const base = { communityId, ranked: true }
  if (kind === 'week') return { field: 'weekEarned', scope: { ...base, weekKey: keys.week } }
  if (kind === 'month') return { field: 'monthEarned', scope: { ...base, monthKey: keys.month } }
  if (kind === 'streak')
    return { field: 'streak', scope: { ...base, streakDay: db.command.in([keys.today, keys.yesterday]) } }
  return { field: 'totalEarned', scope: base }
}

/** The member's own value on a board, from their document (0 when the period has moved on). */
function valueOf(kind: BoardKind, member: BoardMember, keys: PeriodKeys): number {
  if (kind === 'week') return member.weekKey === keys.week ? (member.weekEarned ?? 0) : 0
  if (kind === 'month') return member.monthKey === keys.month ? (member.monthEarned ?? 0) : 0
  if (kind === 'streak') return currentStreakValue(member, keys)
  return member.totalEarned
}

async function countAbove(db: Database, scope: object, field: string, value: number): Promise<number> {
  const res = (await db
    .collection('members')
    .where({ ...scope, [field]: db.command.gt(value) })
    .count()) as { total: number }
  return res.total
}

/**
 * One board: the top 50 and the caller's own rank, in a fixed number of index-served requests
 * whatever the community's size: one sorted range (top rows) and one range count (members strictly
 * above the caller: rank = that + 1, so ties share a rank).
 */
export default memberAction({
  input: rankInputs.board,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<BoardResult> {
    const { db, now, membership, caller } = ctx
    const communityId = membership.community._id
    const member = membership.member as BoardMember
    const keys = periodKeys(now)
    const { field, scope } = boardQuery(db, input.kind, communityId, keys)
    const value = valueOf(input.kind, member, keys)
    const [settings, list, above] = await Promise.all([
      loadRankSettings(db, communityId),
      findMany<BoardMember>(
        db
          .collection('members')
          .where({ ...scope, [field]: db.command.gt(0) })
          .orderBy(field, 'desc')
          .limit(BOARD_LIMIT)
          .field({ openid: true, nickname: true, level: true, title: true, [field]: true }),
      ),
      value > 0 ? countAbove(db, scope, field, value) : null,
    ])
    const ranked = member.ranked ?? isRanked(member.role, settings.hideStaff)
    const top = list.map((m) => ({
      openid: m.openid,
      nickname: m.nickname,
      level: m.level as Level,
      title: m.title ?? null,
      value: Number((m as unknown as Record<string, number>)[field] ?? 0),
    }))
    const ranks = competitionRanks(top.map((row) => row.value))
    return {
      kind: input.kind,
      name: BOARD_NAMES[input.kind],
      label: boardLabel(input.kind, now),
      unit: BOARD_UNITS[input.kind],
      rows: top.map(({ openid, ...row }, i) => ({ ...row, rank: ranks[i], isMe: openid === caller.openid })),
      me: {
        rank: ranked && above !== null ? above + 1 : null,
        value,
        ranked,
      },
      staffHidden: settings.hideStaff,
    }
  },
})
