/**
 * Weekly activity counters for the value score (core/value-score.ts). Every source event (check-in,
 * like, challenge, invite join, rejected content) adds to `member_activity/<communityId>:<openid>:<week>`
 * inside its own transaction, so the weekly job reads one doc per member and the counters can never
 * drift from what happened: a retried transaction rewrites the doc from its own snapshot. A member
 * written in the same transaction carries `activityWeek`, the week whose doc they already have, so a
 * later event that week adds with `inc` and no read.
 */
import { memberId } from '../core/community'
import { countsOf, memberWeekId, type ActivityCounter } from '../core/value-score'
import { shanghaiWeekKey } from '../core/time'
import { getDb } from './cloud'
import { txGetOrNull, type Transaction } from './db'
import type { MemberDraft } from './member-write'

export interface ActivityDoc extends Partial<Record<ActivityCounter, number>> {
  _id: string
  communityId: string
  openid: string
  weekKey: string
  updatedAt: Date
}

export async function recordActivity(
  tx: Transaction,
  input: {
    communityId: string
    openid: string
    now: Date
    /** Counters to add (negative to take back); empty when only lastActiveAt moves. */
    add: Partial<Record<ActivityCounter, number>>
    /** The week the counters belong to, when not now's (a like taken back counts against its own week). */
    weekOf?: Date
    /**
     * The member did something themselves (not: received a like, had content rejected): their
     * `members.lastActiveAt` moves, which clears the silent flag at the next weekly run.
     */
    active: boolean
    /** The member's draft when the caller writes them anyway: lastActiveAt joins that one write. */
    draft?: MemberDraft
  },
): Promise<void> {
  const { communityId, openid, now, draft } = input
  const changes = Object.entries(input.add).filter(([, n]) => n) as [ActivityCounter, number][]
  if (changes.length) {
    const weekKey = shanghaiWeekKey(input.weekOf ?? now)
    const id = memberWeekId(communityId, openid, weekKey)
    // The member's draft says their week's doc exists: counters that only grow need no read.
    if (draft?.doc.activityWeek === weekKey && changes.every(([, n]) => n > 0)) {
      const _ = getDb().command
      await tx
        .collection('member_activity')
        .doc(id)
        .update({ data: { ...Object.fromEntries(changes.map(([k, n]) => [k, _.inc(n)])), updatedAt: now } })
    } else {
      await rewriteWeek(tx, { id, communityId, openid, weekKey, changes, now })
      if (draft) draft.set({ activityWeek: weekKey })
    }
  }
  if (input.active && draft) draft.set({ lastActiveAt: now })
  else if (input.active)
    await tx
      .collection('members')
      .doc(memberId(communityId, openid))
      .update({ data: { lastActiveAt: now } })
}

/** Read the week's doc (absent: every counter 0) and write it back with the changes, never below 0. */
async function rewriteWeek(
  tx: Transaction,
  input: {
    id: string
    communityId: string
    openid: string
    weekKey: string
    changes: [ActivityCounter, number][]
    now: Date
  },
): Promise<void> {
  const { id, communityId, openid, weekKey, now } = input
  const counts = countsOf(await txGetOrNull<ActivityDoc>(tx, 'member_activity', id))
  for (const [key, n] of input.changes) counts[key] = Math.max(0, counts[key] + n)
  await tx
    .collection('member_activity')
    .doc(id)
    .set({ data: { communityId, openid, weekKey, ...counts, updatedAt: now } })
}

/**
 * A like given or taken back (a check-in note's, a post's): the author's likes received in the like's
 * own week (a like taken back counts against the week it was given), and the liker's lastActiveAt.
 */
export async function recordLikeActivity(
  tx: Transaction,
  input: {
    communityId: string
    authorId: string
    likerId: string
    liked: boolean
    /** The like being taken back, when it is. */
    earlier: { createdAt: Date } | null
    now: Date
  },
): Promise<void> {
  const { communityId, now } = input
  if (input.authorId !== input.likerId)
    await recordActivity(tx, {
      communityId,
      openid: input.authorId,
      now,
      add: { likesReceived: input.liked ? 1 : -1 },
      weekOf: input.earlier ? new Date(input.earlier.createdAt) : now,
      active: false,
    })
  await recordActivity(tx, { communityId, openid: input.likerId, now, add: {}, active: true })
}
