import { feedItemId, likeId } from '../../core/checkin'
import { checkinInputs, type FeedResult } from '../../core/contracts/checkin'
import { defaultFeaturedPoints, FEATURED_POINTS_MAX, FEATURED_POINTS_MIN } from '../../core/featured'
import { shownPhotos } from '../../core/moderation'
import { can } from '../../core/rights'
import { EVERY_MEMBER } from '../../core/roles'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { newestFirst } from '../../runtime/paging'
import { publicIdsOf } from '../../runtime/public-id'
import { readRules, type CheckinDoc, type LikeDoc } from '../records'

const DEFAULT_LIMIT = 20

/**
 * The community's check-in notes, newest first (runtime/paging). Only visible notes:
 * a held note is not shown to anyone until an admin approves it (the author sees it on their card).
 */
export default memberAction({
  input: checkinInputs.feed,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<FeedResult> {
    const { community, member } = ctx.membership
    const limit = input.limit ?? DEFAULT_LIMIT
    const _ = ctx.db.command
    const scope = { communityId: community._id, noteStatus: 'visible' }
    const { page, nextCursor } = await newestFirst<CheckinDoc>(ctx.db, 'checkins', scope, input.cursor, limit)
    const authors = await publicIdsOf(
      ctx.db,
      community._id,
      page.map((d) => d.openid),
    )
    const likes = page.length
      ? await findMany<LikeDoc>(
          ctx.db
            .collection('checkin_likes')
            .where({ _id: _.in(page.map((d) => likeId(d._id, member.openid))) })
            .limit(page.length),
        )
      : []
    const liked = new Set(likes.map((l) => l.checkinId))
    // Staff who may feature get what it pays, for the confirmation.
    const feature = can(member.role, 'featured')
      ? {
          points: defaultFeaturedPoints((await readRules(ctx.db, community._id)).quality),
          min: FEATURED_POINTS_MIN,
          max: FEATURED_POINTS_MAX,
        }
      : null
    return {
      // Items are named by the author's public id and the day: no openid reaches another member.
      items: page.map((d) => ({
        id: feedItemId(authors.get(d.openid) ?? '', d.dayKey),
        nickname: d.nickname,
        day: d.dayKey,
        note: d.note,
        // Others see a photo only once its media check passed.
        photos: shownPhotos(d.photos ?? [], d.photoStatus),
        likes: d.likes ?? 0,
        likedByMe: liked.has(d._id),
        mine: d.openid === member.openid,
        featured: !!d.featured,
        createdAt: new Date(d.createdAt).toISOString(),
      })),
      nextCursor,
      feature,
    }
  },
})
