import { checkinInputs, type FeatureResult } from '../../core/contracts/checkin'
import { defaultFeaturedPoints } from '../../core/featured'
import { accessFor } from '../../core/rights'
import { ledgerReason } from '../../core/points'
import { memberId } from '../../core/community'
import { getDocOrNull, inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { payFeatured } from '../../runtime/featured'
import { checkinOfFeedItem, readRules, type CheckinDoc } from '../records'

/**
 * Staff mark a visible note of their community 精选 (优质内容): in one transaction the note is
 * marked, its author is paid from the 'quality' rule (ledger source from the check-in, so a second
 * tap or a second admin pays nothing) and the author's week counts a featured item.
 */
export default memberAction({
  input: checkinInputs.feature,
  access: accessFor('featured'),
  async run(ctx, input): Promise<FeatureResult> {
    const { community, member } = ctx.membership
    const itemId = input.checkinId
    const checkinId = await checkinOfFeedItem(ctx.db, community._id, itemId)
    const target = await getDocOrNull<CheckinDoc>(ctx.db, 'checkins', checkinId)
    if (!target || target.communityId !== community._id || target.noteStatus !== 'visible') fail('NOT_FOUND')
    if (target.openid === member.openid) fail('FEATURE_OWN_NOTE')
    const rule = (await readRules(ctx.db, community._id)).quality
    const wanted = rule.enabled ? (input.points ?? defaultFeaturedPoints(rule)) : 0
    const now = ctx.now
    return inTransaction(ctx.db, async (tx) => {
      const checkin = await txGetOrNull<CheckinDoc>(tx, 'checkins', checkinId)
      if (!checkin || checkin.noteStatus !== 'visible') return fail('NOT_FOUND')
      if (checkin.featured)
        return { checkinId: itemId, alreadyFeatured: true, points: checkin.featured.points }
      const points = await payFeatured(tx, {
        communityId: community._id,
        kind: 'checkin',
        key: checkin.dayKey,
        author: {
          openid: checkin.openid,
          memberId: memberId(community._id, checkin.openid),
          nickname: checkin.nickname,
        },
        staff: member,
        points: wanted,
        rule,
        reason: ledgerReason('quality', `${checkin.dayKey} 的打卡日记被设为精选`),
        now,
      })
      await tx
        .collection('checkins')
        .doc(checkinId)
        .update({ data: { featured: { by: member.openid, at: now, points } } })
      return { checkinId: itemId, alreadyFeatured: false, points }
    })
  },
})
