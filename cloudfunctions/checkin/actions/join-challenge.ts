import {
  challengeMemberId,
  challengeReachable,
  checkinId,
  checkinStatsId,
  countsForChallenge,
} from '../../core/checkin'
import {
  checkinInputs,
  type CompletedChallenge,
  type JoinChallengeResult,
} from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { shanghaiDayKey } from '../../core/time'
import { getDocOrNull, inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { recordActivity } from '../../runtime/activity'
import {
  challengeSummary,
  emptyStats,
  payChallenge,
  withoutId,
  type ChallengeDoc,
  type ChallengeMemberDoc,
  type CheckinDoc,
  type StatsDoc,
} from '../records'

/**
 * Join a challenge. Progress counts check-in days from today (or the start) to the end; today's
 * check-in, if any, counts at once. Joining a challenge that can no longer be completed is refused.
 * The member's stats document lists the challenge, so the next check-in advances it in its own
 * transaction (and the two can never miss each other: both write the stats document).
 */
export default memberAction({
  input: checkinInputs.joinChallenge,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<JoinChallengeResult> {
    const { community, member } = ctx.membership
    const communityId = community._id
    const openid = member.openid
    const challenge = await getDocOrNull<ChallengeDoc>(ctx.db, 'challenges', input.challengeId)
    if (!challenge || challenge.communityId !== communityId) return fail('NOT_FOUND')
    const today = shanghaiDayKey(ctx.now)
    const now = ctx.now
    const partId = challengeMemberId(challenge._id, openid)
    const statsId = checkinStatsId(communityId, openid)
    const view = { ...challenge, id: challenge._id }
    return inTransaction(ctx.db, async (tx) => {
      const [existing, todayDoc] = await Promise.all([
        txGetOrNull<ChallengeMemberDoc>(tx, 'challenge_members', partId),
        txGetOrNull<CheckinDoc>(tx, 'checkins', checkinId(communityId, openid, today)),
      ])
      if (existing)
        return {
          challenge: challengeSummary(view, existing, today, !!todayDoc),
          alreadyJoined: true,
          completedChallenges: [],
        }
      const todayCounts = !!todayDoc && countsForChallenge(today, challenge, today)
      const progress = todayCounts ? 1 : 0
      if (
        today > challenge.endDay ||
        !challengeReachable(progress, challenge.days, challenge, today, todayCounts)
      )
        fail('CHALLENGE_CLOSED')
      const completes = progress >= challenge.days
      const part: Omit<ChallengeMemberDoc, '_id'> = {
        communityId,
        challengeId: challenge._id,
        openid,
        joinDay: today,
        joinedAt: now,
        progress,
        status: completes ? 'completed' : 'active',
        lastDay: todayCounts ? today : null,
        completedAt: completes ? now : null,
        title: challenge.title,
        days: challenge.days,
        startDay: challenge.startDay,
        endDay: challenge.endDay,
        reward: challenge.reward,
      }
      await tx.collection('challenge_members').doc(partId).set({ data: part })
      await recordActivity(tx, {
        communityId,
        openid,
        now,
        active: true,
        add: { challengeJoins: 1, challengeDays: progress, challengeCompletions: completes ? 1 : 0 },
      })
      const stats = (await txGetOrNull<StatsDoc>(tx, 'checkin_stats', statsId)) ?? {
        _id: statsId,
        ...emptyStats(communityId, openid, now),
      }
      const active = [...(stats.activeChallenges ?? []).filter((c) => c !== challenge._id), challenge._id]
      await tx
        .collection('checkin_stats')
        .doc(statsId)
        .set({ data: { ...withoutId(stats), activeChallenges: active, updatedAt: now } })
      const completed: CompletedChallenge[] = []
      if (completes)
        completed.push(
          await payChallenge(tx, {
            communityId,
            openid,
            challengeId: challenge._id,
            title: challenge.title,
            reward: challenge.reward,
            now,
          }),
        )
      return {
        challenge: challengeSummary(view, { _id: partId, ...part }, today, !!todayDoc),
        alreadyJoined: false,
        completedChallenges: completed,
      }
    })
  },
})
