import { challengeMemberId, challengeReachable, countsForChallenge } from '../../core/checkin'
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
import type { PointsMember } from '../../runtime/ledger'
import { draftMember } from '../../runtime/member-write'
import {
  challengeSummary,
  checkinStateOf,
  isChecked,
  payChallenge,
  type ChallengeDoc,
  type ChallengeMemberDoc,
} from '../records'

/**
 * Join a challenge. Progress counts check-in days from today (or the start) to the end; today's
 * check-in, if any, counts at once. Joining a challenge that can no longer be completed is refused.
 * The member's check-in state lists the challenge, so the next check-in advances it in its own
 * transaction (and the two can never miss each other: both write the member document, once each).
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
    const view = { ...challenge, id: challenge._id }
    return inTransaction(ctx.db, async (tx) => {
      const [existing, draft] = await Promise.all([
        txGetOrNull<ChallengeMemberDoc>(tx, 'challenge_members', partId),
        draftMember<PointsMember>(tx, communityId, openid),
      ])
      if (!draft) return fail('NOT_MEMBER')
      const state = checkinStateOf(draft.doc)
      const checkedToday = isChecked(state, today)
      if (existing)
        return {
          challenge: challengeSummary(view, existing, today, checkedToday),
          alreadyJoined: true,
          completedChallenges: [],
        }
      const todayCounts = checkedToday && countsForChallenge(today, challenge, today)
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
        draft,
        add: { challengeJoins: 1, challengeDays: progress, challengeCompletions: completes ? 1 : 0 },
      })
      const active = [...state.activeChallenges.filter((c) => c !== challenge._id), challenge._id]
      draft.set({ checkinState: { ...state, activeChallenges: active } })
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
            draft,
          }),
        )
      await draft.write(tx)
      return {
        challenge: challengeSummary(view, { _id: partId, ...part }, today, checkedToday),
        alreadyJoined: false,
        completedChallenges: completed,
      }
    })
  },
})
