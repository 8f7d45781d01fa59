/**
 * Check-in records: document shapes, the member's check-in state, the community's
 * points rules, and recording a checked day (streak, challenges) inside a check-in's transaction.
 */
import type { PhotoStatus } from '../core/moderation'
import {
  challengeMemberId,
  challengePhase,
  challengeReachable,
  checkinId,
  countsForChallenge,
  recordDay,
  stateFromLatestRun,
  MAKEUP_WINDOW_DAYS,
  parseFeedItemId,
  type CheckinState,
  type StreakState,
} from '../core/checkin'
import { addDays } from '../core/time'
import type {
  ChallengeMemberStatus,
  ChallengeSummary,
  CompletedChallenge,
  MyCheckin,
  NoteStatus,
} from '../core/contracts/checkin'
import { streakFields } from '../core/leaderboard'
import { ledgerReason } from '../core/points'
import { payableReward } from '../core/rewards'
import type { Database } from '../runtime/cloud'
import { txGetOrNull, type Transaction } from '../runtime/db'
import { fail } from '../runtime/errors'
import { loadPointRules, postInTransaction, postToDraft, type PointsMember } from '../runtime/ledger'
import type { MemberDraft } from '../runtime/member-write'
import type { MemberDoc } from '../runtime/membership'
import { openidOfPublicId } from '../runtime/public-id'
import { txRewardCeilings } from '../runtime/rewards'

export interface CheckinDoc {
  _id: string
  communityId: string
  openid: string
  /** The member's nickname when they checked in, for the feed. */
  nickname: string
  dayKey: string
  madeUp: boolean
  note: string
  noteStatus: NoteStatus
  photos: string[]
  /** Each photo's media check (parallel to `photos`); absent on check-ins from before issue 9. */
  photoStatus?: PhotoStatus[]
  likes: number
  points: number
  createdAt: Date
  /** When the member last edited or deleted the note (the same day only: checkin/notes.ts). */
  editedAt?: Date
  /** Set once when an admin marks the note 精选 (actions/feature.ts). */
  featured?: { by: string; at: Date; points: number } | null
}

export interface ChallengeDoc {
  _id: string
  communityId: string
  title: string
  days: number
  startDay: string
  endDay: string
  reward: number
  createdBy: string
  createdAt: Date
}

export interface ChallengeMemberDoc {
  _id: string
  communityId: string
  challengeId: string
  openid: string
  joinDay: string
  joinedAt: Date
  progress: number
  status: 'active' | 'completed'
  /** The latest counted day, for continued participation. */
  lastDay: string | null
  completedAt: Date | null
  // A copy of the challenge, so a check-in's transaction needs one read per challenge.
  title: string
  days: number
  startDay: string
  endDay: string
  reward: number
}

export interface LikeDoc {
  _id: string
  communityId: string
  checkinId: string
  openid: string
  createdAt: Date
}

/**
 * The stored check-in id behind a feed item id (core/checkin feedItemId) of this community, or
 * NOT_FOUND: the author is found by their public id, never named by an openid.
 */
export async function checkinOfFeedItem(db: Database, communityId: string, itemId: string): Promise<string> {
  const parsed = parseFeedItemId(itemId)
  const openid = parsed ? await openidOfPublicId(db, communityId, parsed.publicId) : null
  if (!parsed || !openid) return fail('NOT_FOUND')
  return checkinId(communityId, openid, parsed.day)
}

export function makeupCardsOf(member: object): number {
  const cards = (member as { makeupCards?: unknown }).makeupCards
  return typeof cards === 'number' && cards > 0 ? cards : 0
}

/** The community's points rules (the points function keeps them; one reader for everyone). */
export const readRules = loadPointRules

export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc
  void _id
  return rest
}

/**
 * The member's check-in state (`members.checkinState`). A member stored before the state moved onto
 * the member document (from the old `checkin_stats` collection) has none: their latest run comes from
 * the board's fields (`streak`, `streakDay`), so today's check-in is never paid twice and the streak
 * carries on; `npm run rebuild` derives the full runs, longest and total from the check-ins.
 */
export function checkinStateOf(
  member: Pick<MemberDoc, 'checkinState'> & { streak?: number; streakDay?: string | null },
): CheckinState {
  if (member.checkinState) return member.checkinState
  return { ...stateFromLatestRun(member.streak ?? 0, member.streakDay ?? null), activeChallenges: [] }
}

export function isChecked(state: StreakState, day: string): boolean {
  return state.runs.some((r) => r.start <= day && day <= r.end)
}

export function myCheckin(doc: CheckinDoc): MyCheckin {
  return {
    id: doc._id,
    day: doc.dayKey,
    note: doc.note,
    noteStatus: doc.noteStatus,
    photos: doc.photos ?? [],
    photoStatus: doc.photoStatus ?? (doc.photos ?? []).map(() => 'pass' as const),
    madeUp: doc.madeUp,
    likes: doc.likes ?? 0,
    points: doc.points ?? 0,
    createdAt: new Date(doc.createdAt).toISOString(),
  }
}

export function challengeSummary(
  challenge: Pick<ChallengeDoc, 'title' | 'days' | 'startDay' | 'endDay' | 'reward'> & { id: string },
  mine: ChallengeMemberDoc | null,
  today: string,
  checkedToday: boolean,
): ChallengeSummary {
  const status: ChallengeMemberStatus = mine ? mine.status : 'none'
  const progress = mine?.progress ?? 0
  // Joining today would count today's check-in.
  const todayCounts = checkedToday && countsForChallenge(today, challenge, mine ? mine.joinDay : today)
  const base = mine ? progress : todayCounts ? 1 : 0
  return {
    id: challenge.id,
    title: challenge.title,
    days: challenge.days,
    startDay: challenge.startDay,
    endDay: challenge.endDay,
    reward: challenge.reward,
    phase: challengePhase(challenge.startDay, challenge.endDay, today),
    status,
    progress,
    reachable:
      status === 'completed' || challengeReachable(base, challenge.days, challenge, today, todayCounts),
  }
}

/**
 * Pay a completed challenge's reward (once: the ledger source is `challenge:<id>`), inside the
 * completing transaction. The owner's ceiling caps it, whatever was stored, and its creator earns
 * nothing from it (core/rewards payableReward); the result says how much it paid and why not more.
 */
export async function payChallenge(
  tx: Transaction,
  input: {
    communityId: string
    openid: string
    challengeId: string
    title: string
    reward: number
    now: Date
    /** The member's draft when the caller writes them anyway (a check-in): the reward joins that write. */
    draft?: MemberDraft<PointsMember>
  },
): Promise<CompletedChallenge> {
  const [challenge, ceilings] = await Promise.all([
    txGetOrNull<ChallengeDoc>(tx, 'challenges', input.challengeId),
    txRewardCeilings(tx, input.communityId),
  ])
  const { points, note } = payableReward({
    reward: Math.min(input.reward, challenge?.reward ?? input.reward),
    ceiling: ceilings.challenge,
    createdBy: challenge?.createdBy,
    openid: input.openid,
    kind: 'challenge',
  })
  let paid = 0
  const posting = {
    communityId: input.communityId,
    openid: input.openid,
    source: `challenge:${input.challengeId}`,
    kind: 'earn' as const,
    delta: points,
    reason: ledgerReason('challenge', input.title),
    now: input.now,
  }
  if (points > 0)
    paid = (input.draft ? await postToDraft(tx, input.draft, posting) : await postInTransaction(tx, posting))
      .delta
  return { id: input.challengeId, title: input.title, reward: paid, ...(note ? { note } : {}) }
}

/**
 * A new day (check-in or make-up) for the member: count it in each active challenge it falls in,
 * complete and pay those that reach their target (once: the ledger source is `challenge:<id>`), and
 * drop challenges that no make-up can reach any more. Runs inside the caller's transaction.
 */
export async function advanceChallenges(
  tx: Transaction,
  input: {
    communityId: string
    openid: string
    active: string[]
    day: string
    today: string
    now: Date
    draft: MemberDraft<PointsMember>
  },
): Promise<{ active: string[]; completed: CompletedChallenge[]; counted: number }> {
  const active: string[] = []
  const completed: CompletedChallenge[] = []
  let counted = 0
  for (const challengeId of input.active) {
    const id = challengeMemberId(challengeId, input.openid)
    const part = await txGetOrNull<ChallengeMemberDoc>(tx, 'challenge_members', id)
    if (!part) continue
    if (part.endDay >= addDays(input.today, -MAKEUP_WINDOW_DAYS)) active.push(challengeId)
    if (!countsForChallenge(input.day, part, part.joinDay)) continue
    counted++
    const progress = part.progress + 1
    const lastDay = part.lastDay && part.lastDay > input.day ? part.lastDay : input.day
    const completes = part.status === 'active' && progress >= part.days
    await tx
      .collection('challenge_members')
      .doc(id)
      .update({
        data: completes
          ? { progress, lastDay, status: 'completed', completedAt: input.now }
          : { progress, lastDay },
      })
    if (completes)
      completed.push(
        await payChallenge(tx, {
          communityId: input.communityId,
          openid: input.openid,
          challengeId,
          title: part.title,
          reward: part.reward,
          now: input.now,
          draft: input.draft,
        }),
      )
  }
  return { active, completed, counted }
}

/**
 * Record one new checked day (today's or a made-up one) in an open transaction, all on the member's
 * draft (the caller writes the member once): the check-in state, the streak board's fields
 * (core/leaderboard) and challenge progress (rewards on the same draft).
 */
export async function recordCheckedDay(
  tx: Transaction,
  input: {
    communityId: string
    openid: string
    day: string
    today: string
    now: Date
    draft: MemberDraft<PointsMember>
  },
): Promise<{ state: StreakState; challenges: Awaited<ReturnType<typeof advanceChallenges>> }> {
  const { communityId, openid, day, today, now, draft } = input
  const saved = checkinStateOf(draft.doc)
  const state = recordDay(saved, day)
  draft.set(streakFields(state.runs))
  const challenges = await advanceChallenges(tx, {
    communityId,
    openid,
    active: saved.activeChallenges,
    day,
    today,
    now,
    draft,
  })
  draft.set({ checkinState: { ...state, activeChallenges: challenges.active } })
  return { state, challenges }
}
