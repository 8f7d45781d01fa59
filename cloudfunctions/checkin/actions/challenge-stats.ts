import { CONTINUED_PARTICIPATION_TARGET, continuedSince, percentage } from '../../core/checkin'
import { checkinInputs, type ChallengeStatsResult } from '../../core/contracts/checkin'
import { accessFor } from '../../core/rights'
import { shanghaiDayKey } from '../../core/time'
import { getDocOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { challengeSummary, type ChallengeDoc } from '../records'

async function count(query: { count(): unknown }): Promise<number> {
  return ((await query.count()) as { total: number }).total
}

/**
 * Participation for staff: joined / members, completed, and continued participation — the share of
 * joined members who checked in during the last 3 days of the window up to today (SPEC: > 60%).
 * Three counts over the challenge_members indexes; no scan.
 */
export default memberAction({
  input: checkinInputs.challengeStats,
  access: accessFor('challenges'),
  async run(ctx, input): Promise<ChallengeStatsResult> {
    const { community } = ctx.membership
    const challenge = await getDocOrNull<ChallengeDoc>(ctx.db, 'challenges', input.challengeId)
    if (!challenge || challenge.communityId !== community._id) return fail('NOT_FOUND')
    const today = shanghaiDayKey(ctx.now)
    const asOf = today < challenge.endDay ? today : challenge.endDay
    const _ = ctx.db.command
    const members = ctx.db.collection('challenge_members')
    const [joined, completed, continued] = await Promise.all([
      count(members.where({ challengeId: challenge._id })),
      count(members.where({ challengeId: challenge._id, status: 'completed' })),
      count(members.where({ challengeId: challenge._id, lastDay: _.gte(continuedSince(asOf)) })),
    ])
    const continuedRate = percentage(continued, joined)
    return {
      challenge: challengeSummary({ ...challenge, id: challenge._id }, null, today, false),
      members: community.memberCount,
      joined,
      joinedRate: percentage(joined, community.memberCount),
      completed,
      completedRate: percentage(completed, joined),
      continued,
      continuedRate,
      healthy: continuedRate > CONTINUED_PARTICIPATION_TARGET * 100,
      asOf,
    }
  },
})
