import { communityInputs, type IntroItem, type Paged } from '../../core/contracts/community'
import { EVERY_MEMBER } from '../../core/roles'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import type { IntroDoc } from '../../runtime/onboarding'
import { publicIdsOf } from '../../runtime/public-id'
import { nextCursor, pageOf } from '../../runtime/paging'

/** The community's self-introductions others can see (held and rejected ones never appear). */
export default memberAction({
  input: communityInputs.intros,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<Paged<IntroItem>> {
    const { offset, limit } = pageOf(input)
    const rows = await findMany<IntroDoc>(
      ctx.db
        .collection('intros')
        .where({ communityId: ctx.membership.community._id, status: 'visible' })
        .orderBy('createdAt', 'desc')
        .skip(offset)
        .limit(limit),
    )
    const authors = await publicIdsOf(
      ctx.db,
      ctx.membership.community._id,
      rows.map((row) => row.openid),
    )
    return {
      // Each author by their public id: no openid reaches another member.
      items: rows.map((row) => ({
        publicId: authors.get(row.openid) ?? '',
        nickname: row.nickname,
        text: row.text,
        createdAt: new Date(row.createdAt).toISOString(),
        mine: row.openid === ctx.caller.openid,
        status: row.status,
      })),
      nextCursor: nextCursor(offset, limit, rows.length),
    }
  },
})
