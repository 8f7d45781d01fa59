import { checkinInputs, type FeatureResult } from '../../core/contracts/checkin'
import { defaultFeaturedPoints, featuredSource } from '../../core/featured'
import { accessFor } from '../../core/rights'
import { ledgerReason } from '../../core/points'
import { memberId } from '../../core/community'
import { recordActivity } from '../../runtime/activity'
import { writeAudit } from '../../runtime/audit'
import { getDocOrNull, inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { postInTransaction } from '../../runtime/ledger'
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
      let points = 0
      if (wanted > 0) {
        const paid = await postInTransaction(tx, {
          communityId: community._id,
          openid: checkin.openid,
          source: featuredSource(checkin.dayKey),
          kind: 'earn',
          delta: wanted,
          reason: ledgerReason('quality', `${checkin.dayKey} 的打卡日记被设为精选`),
          cap: { rule: 'quality', dailyCap: rule.dailyCap },
          by: member.openid,
          now,
        })
        points = paid.delta
      }
      await tx
        .collection('checkins')
        .doc(checkinId)
        .update({ data: { featured: { by: member.openid, at: now, points } } })
      await writeAudit(tx, {
        communityId: community._id,
        kind: 'feature',
        by: member.openid,
        byNickname: member.nickname,
        target: memberId(community._id, checkin.openid),
        targetNickname: checkin.nickname,
        amount: points,
        source: featuredSource(checkin.dayKey),
        reason: ledgerReason('quality', `${checkin.dayKey} 的打卡日记被设为精选`),
        requestId: null,
        createdAt: now,
      })
      await recordActivity(tx, {
        communityId: community._id,
        openid: checkin.openid,
        now,
        add: { featured: 1 },
        active: false,
      })
      return { checkinId: itemId, alreadyFeatured: false, points }
    })
  },
})
