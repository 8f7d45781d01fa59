import { likeId } from '../../core/checkin'
import { checkinInputs, type FeedResult } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { findMany } from '../../runtime/db'
import { action } from '../../runtime/handler'
import { membershipOf, type CheckinDoc, type LikeDoc } from '../shared'

const DEFAULT_LIMIT = 20

function parseCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null
  const cut = cursor.indexOf('_')
  const at = Number(cursor.slice(0, cut))
  if (cut < 1 || !Number.isFinite(at)) return null
  return { at: new Date(at), id: cursor.slice(cut + 1) }
}

/**
 * The community's check-in notes, newest first, paged by (createdAt, _id). Only visible notes:
 * a held note is not shown to anyone until an admin approves it (the author sees it on their card).
 */
export default action({
  input: checkinInputs.feed,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<FeedResult> {
    const { community, member } = membershipOf(ctx)
    const limit = input.limit ?? DEFAULT_LIMIT
    const _ = ctx.db.command
    const base = { communityId: community._id, noteStatus: 'visible' }
    const after = parseCursor(input.cursor)
    const where = after
      ? _.and([
          base,
          _.or([{ createdAt: _.lt(after.at) }, { createdAt: _.eq(after.at), _id: _.lt(after.id) }]),
        ])
      : base
    const docs = await findMany<CheckinDoc>(
      ctx.db
        .collection('checkins')
        .where(where)
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(limit + 1),
    )
    const page = docs.slice(0, limit)
    const likes = page.length
      ? await findMany<LikeDoc>(
          ctx.db
            .collection('checkin_likes')
            .where({ _id: _.in(page.map((d) => likeId(d._id, member.openid))) })
            .limit(page.length),
        )
      : []
    const liked = new Set(likes.map((l) => l.checkinId))
    const last = page[page.length - 1]
    return {
      items: page.map((d) => ({
        id: d._id,
        nickname: d.nickname,
        day: d.dayKey,
        note: d.note,
        photos: d.photos ?? [],
        likes: d.likes ?? 0,
        likedByMe: liked.has(d._id),
        mine: d.openid === member.openid,
        createdAt: new Date(d.createdAt).toISOString(),
      })),
      nextCursor: docs.length > limit && last ? `${new Date(last.createdAt).getTime()}_${last._id}` : null,
    }
  },
})
