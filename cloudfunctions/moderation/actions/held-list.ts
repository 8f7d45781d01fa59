import { accessFor } from '../../core/rights'
import { moderationInputs, type ModerationOutputs } from '../../core/contracts/moderation'
import { memberId } from '../../core/community'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import type { HeldContentDoc } from '../../runtime/moderation'
import { nextCursor, pageOf } from '../../runtime/paging'
import { heldItem } from '../decide'

/** The held-content queue of the caller's community, newest first; `heldCount` is what still waits. */
export default memberAction({
  input: moderationInputs.heldList,
  access: accessFor('moderation'),
  async run(ctx, input): Promise<ModerationOutputs['heldList']> {
    const cid = ctx.membership.community._id
    const { offset, limit } = pageOf(input)
    const [rows, count] = await Promise.all([
      findMany<HeldContentDoc>(
        ctx.db
          .collection('held_content')
          .where({ communityId: cid, status: input.status ?? 'held' })
          .orderBy('createdAt', 'desc')
          .skip(offset)
          .limit(limit),
      ),
      ctx.db.collection('held_content').where({ communityId: cid, status: 'held' }).count() as Promise<{
        total: number
      }>,
    ])
    const _ = ctx.db.command
    const ids = [...new Set(rows.map((r) => memberId(cid, r.openid)))]
    const members = ids.length
      ? await findMany<{ openid: string; nickname: string }>(
          ctx.db
            .collection('members')
            .where({ _id: _.in(ids) })
            .limit(100),
        )
      : []
    const names = new Map(members.map((m) => [m.openid, m.nickname]))
    return {
      items: rows.map((r) => heldItem(r, names.get(r.openid) ?? '已离开的成员')),
      nextCursor: nextCursor(offset, limit, rows.length),
      heldCount: count.total,
    }
  },
})
