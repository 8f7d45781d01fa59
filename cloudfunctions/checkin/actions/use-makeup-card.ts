import { checkinId, MAKEUP_REFUSAL_MESSAGES, makeupRefusal, statsOf } from '../../core/checkin'
import { checkinInputs, type MakeupResult } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { shanghaiDayKey } from '../../core/time'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import type { PointsMember } from '../../runtime/ledger'
import { draftMember } from '../../runtime/member-write'
import { makeupCardsOf, recordCheckedDay, type CheckinDoc } from '../records'

/**
 * 补签卡: restore one missed day of the last 7 (not today, not before joining). The card, the
 * made-up check-in, the streak and challenge progress change in one transaction. A make-up pays no
 * check-in points (points reward showing up on the day; the card restores the streak), but it
 * counts toward a challenge and may complete it, which pays the challenge's reward.
 */
export default memberAction({
  input: checkinInputs.useMakeupCard,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<MakeupResult> {
    const { community, member } = ctx.membership
    const communityId = community._id
    const openid = member.openid
    const today = shanghaiDayKey(ctx.now)
    const refusal = makeupRefusal(input.day, today, shanghaiDayKey(new Date(member.joinedAt)), false)
    if (refusal) fail('MAKEUP_DAY_INVALID', MAKEUP_REFUSAL_MESSAGES[refusal])
    const id = checkinId(communityId, openid, input.day)
    const now = ctx.now
    return inTransaction(ctx.db, async (tx) => {
      if (await txGetOrNull<CheckinDoc>(tx, 'checkins', id)) fail('ALREADY_CHECKED_IN')
      const draft = await draftMember<PointsMember>(tx, communityId, openid)
      if (!draft) return fail('NOT_MEMBER')
      const fresh = draft.doc
      const cards = makeupCardsOf(fresh)
      if (cards < 1) fail('NO_MAKEUP_CARDS')
      const doc: Omit<CheckinDoc, '_id'> = {
        communityId,
        openid,
        nickname: fresh.nickname,
        dayKey: input.day,
        madeUp: true,
        note: '',
        noteStatus: 'none',
        photos: [],
        likes: 0,
        points: 0,
        createdAt: now,
      }
      await tx.collection('checkins').doc(id).set({ data: doc })
      // The card is spent in the same member write as the streak (a make-up may bridge two runs).
      draft.set({ makeupCards: cards - 1 })
      const { state, challenges } = await recordCheckedDay(tx, {
        communityId,
        openid,
        day: input.day,
        today,
        now,
        draft,
      })
      await draft.write(tx)
      return {
        day: input.day,
        streak: statsOf(state, today),
        makeupCards: cards - 1,
        completedChallenges: challenges.completed,
      }
    })
  },
})
