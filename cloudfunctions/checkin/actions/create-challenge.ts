import { challengeEndDay, challengeStartRefusal } from '../../core/checkin'
import { checkinInputs, type ChallengeSummary } from '../../core/contracts/checkin'
import { accessFor } from '../../core/rights'
import { shanghaiDayKey } from '../../core/time'
import { fail } from '../../runtime/errors'
import { writeAudit } from '../../runtime/audit'
import { inTransaction } from '../../runtime/db'
import { loadRewardCeilings } from '../../runtime/rewards'
import { rewardOverCeiling } from '../../core/rewards'
import { memberAction } from '../../runtime/handler'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { challengeSummary, readRules, type ChallengeDoc } from '../records'

/** Staff create a challenge: N days from a start day (today to 90 days ahead), with a completion reward. */
export default memberAction({
  input: checkinInputs.createChallenge,
  access: accessFor('challenges'),
  async run(ctx, input): Promise<ChallengeSummary> {
    const { community, member } = ctx.membership
    const today = shanghaiDayKey(ctx.now)
    const refusal = challengeStartRefusal(input.startDay, today)
    if (refusal) fail('CHALLENGE_START_INVALID', refusal, { startDay: refusal })
    const [rules, ceilings] = await Promise.all([
      readRules(ctx.db, community._id),
      loadRewardCeilings(ctx.db, community._id),
    ])
    // A reward above the owner's ceiling is refused; the rule's default stays within it.
    const overCeiling = rewardOverCeiling(input.reward, ceilings.challenge)
    if (overCeiling) fail('REWARD_OVER_CEILING', overCeiling, { reward: overCeiling })
    const reward =
      input.reward ?? Math.min(rules.challenge.enabled ? rules.challenge.points : 0, ceilings.challenge)
    const id = `${community._id}:ch:${ctx.now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`
    // The title is shown to every member: it must pass both checks outright (no held queue for
    // staff settings: a title that needs a look is sent back for rewording).
    await screenStaffText(ctx.db, {
      communityId: community._id,
      openid: member.openid,
      scene: SCENE.forum,
      what: '挑战名称',
      texts: [input.title],
    })
    const doc: Omit<ChallengeDoc, '_id'> = {
      communityId: community._id,
      title: input.title,
      days: input.days,
      startDay: input.startDay,
      endDay: challengeEndDay(input.startDay, input.days),
      reward,
      createdBy: member.openid,
      createdAt: ctx.now,
    }
    await inTransaction(ctx.db, async (tx) => {
      await tx.collection('challenges').doc(id).set({ data: doc })
      await writeAudit(tx, {
        communityId: community._id,
        kind: 'challenge_reward',
        by: member.openid,
        byNickname: member.nickname,
        target: null,
        targetNickname: null,
        amount: reward,
        source: `challenge:${id}`,
        reason: `打卡挑战「${input.title}」${input.days} 天，完成奖励 ${reward} 分`,
        requestId: null,
        createdAt: ctx.now,
      })
    })
    return challengeSummary({ ...doc, id }, null, today, false)
  },
})
