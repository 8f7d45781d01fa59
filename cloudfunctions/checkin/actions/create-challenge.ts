import { challengeEndDay } from '../../core/checkin'
import { checkinInputs, type ChallengeSummary } from '../../core/contracts/checkin'
import { STAFF_ROLES } from '../../core/roles'
import { shanghaiDayKey } from '../../core/time'
import { fail } from '../../runtime/errors'
import { action } from '../../runtime/handler'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { challengeSummary, membershipOf, readRules, type ChallengeDoc } from '../shared'

/** Staff create a challenge: N days from a start day (today or later), with a completion reward. */
export default action({
  input: checkinInputs.createChallenge,
  access: STAFF_ROLES,
  async run(ctx, input): Promise<ChallengeSummary> {
    const { community, member } = membershipOf(ctx)
    const today = shanghaiDayKey(ctx.now)
    if (input.startDay < today)
      fail('CHALLENGE_START_INVALID', undefined, { startDay: '开始日期不能早于今天' })
    const rules = await readRules(ctx.db, community._id)
    const reward = input.reward ?? (rules.challenge.enabled ? rules.challenge.points : 0)
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
    await ctx.db.collection('challenges').doc(id).set({ data: doc })
    return challengeSummary({ ...doc, id }, null, today, false)
  },
})
