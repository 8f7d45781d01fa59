import { accessFor } from '../../core/rights'
import { communityInputs, type JoinRequestItem, type Paged } from '../../core/contracts/community'
import { joinRequestState } from '../../core/onboarding'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import type { JoinRequestDoc } from '../../member/join'
import { nextCursor, pageOf } from '../../runtime/paging'

/** Join requests for admins: pending (default), expired (more than 3 days old), or all. Newest first. */
export default memberAction({
  input: communityInputs.joinRequests,
  access: accessFor('joinReviews'),
  async run(ctx, input): Promise<Paged<JoinRequestItem>> {
    const _ = ctx.db.command
    const cid = ctx.membership.community._id
    const state = input.state ?? 'pending'
    const where =
      state === 'pending'
        ? { communityId: cid, status: 'pending', expiresAt: _.gt(ctx.now) }
        : state === 'expired'
          ? { communityId: cid, status: 'pending', expiresAt: _.lte(ctx.now) }
          : { communityId: cid }
    const { offset, limit } = pageOf(input)
    const rows = await findMany<JoinRequestDoc>(
      ctx.db.collection('join_requests').where(where).orderBy('createdAt', 'desc').skip(offset).limit(limit),
    )
    return {
      items: rows.map((r) => ({
        openid: r.openid,
        nickname: r.nickname ?? `成员${r.openid.slice(-4)}`,
        state: joinRequestState(r.status, new Date(r.expiresAt), ctx.now),
        createdAt: new Date(r.createdAt).toISOString(),
        expiresAt: new Date(r.expiresAt).toISOString(),
        tags: r.tags ?? [],
      })),
      nextCursor: nextCursor(offset, limit, rows.length),
    }
  },
})
