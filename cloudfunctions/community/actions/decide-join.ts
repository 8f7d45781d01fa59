import { accessFor } from '../../core/rights'
import { communityInputs } from '../../core/contracts/community'
import { memberId } from '../../core/community'
import { joinRequestState, type JoinRequestState } from '../../core/onboarding'
import { getDocOrNull, inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { admitMember } from '../../runtime/onboarding'
import type { JoinRequestDoc } from '../../member/join'

/**
 * Approve or reject a pending join request. An expired request can no longer be decided (the person
 * may ask again). Approving admits the person (their current community moves only if they had none).
 */
export default memberAction({
  input: communityInputs.decideJoin,
  access: accessFor('joinReviews'),
  async run(ctx, input): Promise<{ openid: string; state: JoinRequestState }> {
    const { community } = ctx.membership
    const id = memberId(community._id, input.openid)
    const request = await getDocOrNull<JoinRequestDoc>(ctx.db, 'join_requests', id)
    if (!request || request.communityId !== community._id) return fail('NOT_FOUND')
    const state = joinRequestState(request.status, new Date(request.expiresAt), ctx.now)
    const target = input.approve ? 'approved' : 'rejected'
    if (state === target) return { openid: input.openid, state }
    if (state !== 'pending') return fail('JOIN_REQUEST_CLOSED')
    if (input.approve)
      await admitMember(ctx.db, {
        community,
        openid: input.openid,
        nickname: request.nickname ?? undefined,
        via: request.via,
        tags: request.tags,
        now: ctx.now,
        makeCurrent: 'if-none',
        invitedBy: request.invitedBy,
        viaActivity: request.viaActivity,
      })
    await inTransaction(ctx.db, async (tx) => {
      const current = await txGetOrNull<JoinRequestDoc>(tx, 'join_requests', id)
      if (!current || current.status !== 'pending') return
      await tx
        .collection('join_requests')
        .doc(id)
        .update({ data: { status: target, decidedAt: ctx.now, decidedBy: ctx.caller.openid } })
    })
    return { openid: input.openid, state: target }
  },
})
