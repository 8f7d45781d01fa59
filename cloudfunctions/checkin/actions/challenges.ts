import { challengeMemberId, checkinId } from '../../core/checkin'
import { checkinInputs, type ChallengesResult } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { shanghaiDayKey } from '../../core/time'
import { findMany, getDocOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { decodeOffset, offsetCursor } from '../../runtime/paging'
import { challengeSummary, type ChallengeDoc, type ChallengeMemberDoc, type CheckinDoc } from '../records'

const DEFAULT_LIMIT = 20

/** The community's challenges, latest start first, with the caller's progress in each. */
export default memberAction({
  input: checkinInputs.challenges,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<ChallengesResult> {
    const { community, member } = ctx.membership
    const limit = input.limit ?? DEFAULT_LIMIT
    const offset = decodeOffset(input.cursor)
    const today = shanghaiDayKey(ctx.now)
    const _ = ctx.db.command
    const [docs, todayDoc] = await Promise.all([
      findMany<ChallengeDoc>(
        ctx.db
          .collection('challenges')
          .where({ communityId: community._id })
          .orderBy('startDay', 'desc')
          .orderBy('_id', 'desc')
          .skip(offset)
          .limit(limit + 1),
      ),
      getDocOrNull<CheckinDoc>(ctx.db, 'checkins', checkinId(community._id, member.openid, today)),
    ])
    const page = docs.slice(0, limit)
    const parts = page.length
      ? await findMany<ChallengeMemberDoc>(
          ctx.db
            .collection('challenge_members')
            .where({ _id: _.in(page.map((c) => challengeMemberId(c._id, member.openid))) })
            .limit(page.length),
        )
      : []
    const byChallenge = new Map(parts.map((p) => [p.challengeId, p]))
    return {
      items: page.map((c) =>
        challengeSummary({ ...c, id: c._id }, byChallenge.get(c._id) ?? null, today, !!todayDoc),
      ),
      nextCursor: offsetCursor(offset, limit, docs.length > limit),
    }
  },
})
