/** Liking a check-in: one like doc per member per check-in, with the count kept in the same step. */
import { likeId } from '../core/checkin'
import type { LikeResult } from '../core/contracts/checkin'
import { recordLikeActivity } from '../runtime/activity'
import { getDocOrNull, inTransaction, txGetOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { MemberActionContext } from '../runtime/handler'
import { checkinOfFeedItem, type CheckinDoc, type LikeDoc } from './records'

export async function setLike(ctx: MemberActionContext, itemId: string, liked: boolean): Promise<LikeResult> {
  const { community, member } = ctx.membership
  // Only check-ins of the caller's community (the feed's item id), and only ones the community can see.
  const checkinId = await checkinOfFeedItem(ctx.db, community._id, itemId)
  const target = await getDocOrNull<CheckinDoc>(ctx.db, 'checkins', checkinId)
  if (!target || target.communityId !== community._id || target.noteStatus !== 'visible') fail('NOT_FOUND')
  // A like is a word from someone else; taking back an old self-like is still allowed.
  if (liked && target.openid === member.openid) fail('LIKE_OWN_NOTE')
  const id = likeId(checkinId, member.openid)
  const inc = ctx.db.command.inc
  const now = ctx.now
  return inTransaction(ctx.db, async (tx) => {
    const [like, checkin] = await Promise.all([
      txGetOrNull<LikeDoc>(tx, 'checkin_likes', id),
      txGetOrNull<CheckinDoc>(tx, 'checkins', checkinId),
    ])
    const likes = checkin?.likes ?? 0
    if (!checkin || !!like === liked) return { checkinId: itemId, liked: !!like, likes }
    if (liked) {
      const row: Omit<LikeDoc, '_id'> = {
        communityId: community._id,
        checkinId,
        openid: member.openid,
        createdAt: now,
      }
      await tx.collection('checkin_likes').doc(id).set({ data: row })
    } else {
      await tx.collection('checkin_likes').doc(id).remove()
    }
    await tx
      .collection('checkins')
      .doc(checkinId)
      .update({ data: { likes: inc(liked ? 1 : -1) } })
    // Value score: the author's likes received (in the like's own week), the liker's activity.
    await recordLikeActivity(tx, {
      communityId: community._id,
      authorId: checkin.openid,
      likerId: member.openid,
      liked,
      earlier: like,
      now,
    })
    return { checkinId: itemId, liked, likes: likes + (liked ? 1 : -1) }
  })
}
