/**
 * Derived state from its sources (discourse-gamification's `calculate_scores`): every counter the
 * functions keep for speed, recomputed from the rows that caused it. Pure; `tools/rebuild.ts` reads
 * the rows, compares (`--check`) or rewrites. Each rule here mirrors the one write that keeps the
 * counter live, named beside it:
 * - balance, totalEarned: Σ delta, Σ earned of the member's ledger rows (runtime/ledger.ts);
 * - week and month counters: `countEarned` folded over the rows that earned, in time order
 *   (runtime/leaderboard.ts boardFieldsAfterEarning); only sources that count on the period boards
 *   (leaderboard countsOnPeriodBoards: not surveys, not imported history);
 * - streaks: the runs of the member's check-in days, made-up days included (checkin recordCheckedDay);
 * - member_activity: runtime/activity.ts recordActivity's callers, per Asia/Shanghai week:
 *   a check-in (not a make-up) is a check-in day, a note if it has one, and a challenge day for each
 *   challenge it counts in; a join is a challenge join (its day counts at once if checked in); a
 *   completion counts unless a make-up completed it; a like by someone else is a like received in the
 *   like's week; 精选 in its own week; an invited member who joined counts for the inviter; a recorded
 *   violation (sanctions) counts in the week recorded unless an appeal overturned it.
 */
import { KEPT_RUNS, countsForChallenge, runLength, runsFromDays, type StreakState } from './checkin'
import { memberId } from './community'
import { countEarned, countsOnPeriodBoards, streakFields, type PeriodCounters } from './leaderboard'
import { shanghaiWeekKey } from './time'
import { ACTIVITY_COUNTERS, countsOf, emptyCounts, memberWeekId, type ActivityCounts } from './value-score'

type When = Date | string | number

const time = (at: When) => new Date(at).getTime()

export interface LedgerEntry {
  _id?: string
  communityId: string
  openid: string
  delta: number
  earned: number
  source?: string
  createdAt: When
}

/** A member's points as the ledger says: balance, total earned and the boards' period counters. */
export interface PointsTotals extends PeriodCounters {
  balance: number
  totalEarned: number
}

export const EMPTY_PERIODS: PeriodCounters = {
  weekKey: null,
  weekEarned: 0,
  monthKey: null,
  monthEarned: 0,
  prevMonthKey: null,
  prevMonthEarned: 0,
}

/** Points per member (keyed by core/community memberId), from every ledger row. */
export function pointsFromLedger(rows: Iterable<LedgerEntry>): Map<string, PointsTotals> {
  const sorted = [...rows].sort(
    (a, b) => time(a.createdAt) - time(b.createdAt) || String(a._id ?? '').localeCompare(String(b._id ?? '')),
  )
  const out = new Map<string, PointsTotals>()
  for (const row of sorted) {
    const key = memberId(row.communityId, row.openid)
    const current = out.get(key) ?? { balance: 0, totalEarned: 0, ...EMPTY_PERIODS }
    const delta = Number(row.delta) || 0
    const earned = Number(row.earned) || 0
    const inPeriod = earned > 0 && countsOnPeriodBoards(row.source)
    const periods = inPeriod ? countEarned(current, earned, new Date(row.createdAt)) : current
    out.set(key, {
      ...current,
      ...periods,
      balance: current.balance + delta,
      totalEarned: current.totalEarned + earned,
    })
  }
  return out
}

/** A member's streak state (`members.checkinState`) and the streak board's fields, from their checked days. */
export interface StreakTotals {
  state: StreakState
  streak: number
  streakDay: string | null
}

export function streakFromDays(days: Iterable<string>): StreakTotals {
  const runs = runsFromDays(days)
  return {
    state: {
      runs: runs.slice(-KEPT_RUNS),
      longest: runs.reduce((max, r) => Math.max(max, runLength(r)), 0),
      total: runs.reduce((sum, r) => sum + runLength(r), 0),
    },
    ...streakFields(runs),
  }
}

export interface CheckinEntry {
  _id: string
  communityId: string
  openid: string
  dayKey: string
  madeUp?: boolean
  note?: string
  createdAt: When
  featured?: { at: When } | null
}

/** Streaks per member (keyed by memberId), from check-in rows. */
export function streaksFromCheckins(checkins: Iterable<CheckinEntry>): Map<string, StreakTotals> {
  const days = new Map<string, string[]>()
  for (const c of checkins) {
    const key = memberId(c.communityId, c.openid)
    days.set(key, [...(days.get(key) ?? []), c.dayKey])
  }
  return new Map([...days].map(([key, list]) => [key, streakFromDays(list)]))
}

export interface ActivitySources {
  checkins: CheckinEntry[]
  likes: { communityId: string; checkinId: string; openid: string; createdAt: When }[]
  challengeMembers: {
    communityId: string
    openid: string
    joinDay: string
    joinedAt: When
    startDay: string
    endDay: string
    completedAt?: When | null
  }[]
  members: { communityId: string; openid: string; joinedAt: When; invitedBy?: string | null }[]
  /** Recorded violations (sanctions): one each in the week recorded, unless overturned on appeal. */
  violations: {
    communityId: string
    openid: string
    createdAt: When
    appeal?: { decision?: string } | null
  }[]
  /** Activity sign-ups (the signups function): one activity each in the week the member checked in. */
  attendances?: { communityId: string; openid: string; attendedAt?: When | null }[]
  /** Square posts (issue 13): one post each in the week written, whatever became of it; 精选 in the week marked. */
  posts?: {
    _id: string
    communityId: string
    authorId: string
    createdAt: When
    quality?: { at: When } | null
  }[]
  /** Square replies: one each in the week written. */
  replies?: { communityId: string; authorId: string; createdAt: When }[]
  /** Likes on square posts: the post author's likes received, in the like's week. */
  postLikes?: { communityId: string; postId: string; openid: string; createdAt: When }[]
}

export interface ActivityWeek {
  communityId: string
  openid: string
  weekKey: string
  counts: ActivityCounts
}

/** member_activity per member and week (keyed by core/value-score memberWeekId), from its sources. */
export function activityFromSources(s: ActivitySources): Map<string, ActivityWeek> {
  const out = new Map<string, ActivityWeek>()
  const add = (communityId: string, openid: string, at: When, counter: keyof ActivityCounts, n = 1) => {
    if (!n) return
    const weekKey = shanghaiWeekKey(new Date(at))
    const id = memberWeekId(communityId, openid, weekKey)
    const week = out.get(id) ?? { communityId, openid, weekKey, counts: emptyCounts() }
    week.counts[counter] += n
    out.set(id, week)
  }
  const partsOf = new Map<string, ActivitySources['challengeMembers']>()
  for (const p of s.challengeMembers) {
    const key = memberId(p.communityId, p.openid)
    partsOf.set(key, [...(partsOf.get(key) ?? []), p])
  }
  const authors = new Map<string, string>()
  const madeUpAt = new Set<string>()
  for (const c of s.checkins) {
    authors.set(c._id, c.openid)
    if (c.featured?.at) add(c.communityId, c.openid, c.featured.at, 'featured')
    if (c.madeUp) {
      madeUpAt.add(`${memberId(c.communityId, c.openid)}@${time(c.createdAt)}`)
      continue
    }
    add(c.communityId, c.openid, c.createdAt, 'checkinDays')
    if (c.note) add(c.communityId, c.openid, c.createdAt, 'notes')
    const parts = partsOf.get(memberId(c.communityId, c.openid)) ?? []
    const counted = parts.filter((p) => countsForChallenge(c.dayKey, p, p.joinDay)).length
    add(c.communityId, c.openid, c.createdAt, 'challengeDays', counted)
  }
  for (const p of s.challengeMembers) {
    add(p.communityId, p.openid, p.joinedAt, 'challengeJoins')
    const key = memberId(p.communityId, p.openid)
    if (p.completedAt && !madeUpAt.has(`${key}@${time(p.completedAt)}`))
      add(p.communityId, p.openid, p.completedAt, 'challengeCompletions')
  }
  for (const like of s.likes) {
    const author = authors.get(like.checkinId)
    if (author && author !== like.openid) add(like.communityId, author, like.createdAt, 'likesReceived')
  }
  const memberKeys = new Set(s.members.map((m) => memberId(m.communityId, m.openid)))
  for (const m of s.members)
    if (m.invitedBy && memberKeys.has(memberId(m.communityId, m.invitedBy)))
      add(m.communityId, m.invitedBy, m.joinedAt, 'invitesJoined')
  for (const v of s.violations)
    if (v.appeal?.decision !== 'overturned') add(v.communityId, v.openid, v.createdAt, 'violations')
  for (const a of s.attendances ?? [])
    if (a.attendedAt) add(a.communityId, a.openid, a.attendedAt, 'activities')
  const postAuthors = new Map<string, string>()
  for (const p of s.posts ?? []) {
    postAuthors.set(p._id, p.authorId)
    add(p.communityId, p.authorId, p.createdAt, 'posts')
    if (p.quality?.at) add(p.communityId, p.authorId, p.quality.at, 'featured')
  }
  for (const r of s.replies ?? []) add(r.communityId, r.authorId, r.createdAt, 'replies')
  for (const like of s.postLikes ?? []) {
    const author = postAuthors.get(like.postId)
    if (author && author !== like.openid) add(like.communityId, author, like.createdAt, 'likesReceived')
  }
  return out
}

/** One field whose stored value differs from what its sources say. */
export interface Drift {
  collection: 'members' | 'member_activity' | 'metrics_daily'
  id: string
  field: string
  stored: unknown
  derived: unknown
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Field by field, with absent stored fields read as `defaults` (a member who never earned has no counters). */
function differences(
  collection: Drift['collection'],
  id: string,
  stored: Record<string, unknown> | null | undefined,
  derived: Record<string, unknown>,
  defaults: Record<string, unknown>,
): Drift[] {
  const out: Drift[] = []
  for (const [field, value] of Object.entries(derived)) {
    const have = stored?.[field] ?? defaults[field]
    if (!same(have, value))
      out.push({ collection, id, field, stored: stored?.[field] ?? null, derived: value })
  }
  return out
}

export interface StoredMember {
  _id: string
  communityId: string
  openid: string
  [field: string]: unknown
}

/** The member fields derived from the ledger and the check-ins. */
export function derivedMemberFields(
  points: PointsTotals | undefined,
  streak: StreakTotals | undefined,
): Record<string, unknown> {
  return {
    ...(points ?? { balance: 0, totalEarned: 0, ...EMPTY_PERIODS }),
    streak: streak?.streak ?? 0,
    streakDay: streak?.streakDay ?? null,
  }
}

const MEMBER_DEFAULTS: Record<string, unknown> = {
  balance: 0,
  totalEarned: 0,
  ...EMPTY_PERIODS,
  streak: 0,
  streakDay: null,
}

export function memberDrift(
  member: StoredMember,
  points: PointsTotals | undefined,
  streak: StreakTotals | undefined,
): Drift[] {
  return differences('members', member._id, member, derivedMemberFields(points, streak), MEMBER_DEFAULTS)
}

const EMPTY_STATE: Record<string, unknown> = { runs: [], longest: 0, total: 0 }

/**
 * A member's `checkinState` (runs, longest, total; not its active challenges) against the check-ins;
 * an absent state is the empty one. Fields are named by their path on the member.
 */
export function checkinStateDrift(
  id: string,
  stored: Record<string, unknown> | null | undefined,
  streak: StreakTotals | undefined,
): Drift[] {
  const runs = (stored?.runs as { start: string; end: string }[] | undefined)?.map((r) => ({
    start: r.start,
    end: r.end,
  }))
  const normal = stored ? { ...stored, runs } : stored
  return differences(
    'members',
    id,
    normal,
    { ...(streak?.state ?? EMPTY_STATE) } as Record<string, unknown>,
    EMPTY_STATE,
  ).map((d) => ({ ...d, field: `checkinState.${d.field}` }))
}

/** A `member_activity` doc against its sources; a missing doc has every counter at 0. */
export function activityDrift(
  id: string,
  stored: Record<string, unknown> | null | undefined,
  derived: ActivityWeek | undefined,
): Drift[] {
  const counts = derived?.counts ?? emptyCounts()
  const have = countsOf(stored as never)
  return ACTIVITY_COUNTERS.filter((key) => have[key] !== counts[key]).map((key) => ({
    collection: 'member_activity' as const,
    id,
    field: key,
    stored: have[key],
    derived: counts[key],
  }))
}
