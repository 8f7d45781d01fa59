import { accessFor } from '../../core/rights'
import { pointsInputs, type MemberPick, type PointsPage } from '../../core/contracts/points'
import { LEVEL_NAMES } from '../../core/levels'
import { ROLE_NAMES } from '../../core/roles'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { activeCondition } from '../../runtime/membership'
import type { PointsMember } from '../../runtime/ledger'
import { decodeOffset, offsetCursor } from '../../runtime/paging'
import { DEFAULT_PAGE } from '../members'

/** Staff pick a member for a grant or adjustment: nickname prefix, within their community. */
export default memberAction({
  input: pointsInputs.members,
  access: accessFor('points'),
  async run(ctx, input): Promise<PointsPage<MemberPick>> {
    const { db, membership } = ctx
    const limit = input.limit ?? DEFAULT_PAGE
    const offset = decodeOffset(input.cursor)
    const _ = db.command
    const where: Record<string, unknown> = { communityId: membership.community._id, ...activeCondition(db) }
    // A prefix is a range on the (communityId, nickname) index.
    if (input.prefix) where.nickname = _.gte(input.prefix).and(_.lt(`${input.prefix}\uffff`))
    const rows = await findMany<PointsMember>(
      db
        .collection('members')
        .where(where)
        .orderBy('nickname', 'asc')
        .orderBy('_id', 'asc')
        .skip(offset)
        .limit(limit + 1),
    )
    return {
      items: rows.slice(0, limit).map((m) => ({
        memberId: m._id,
        nickname: m.nickname,
        roleName: ROLE_NAMES[m.role],
        levelName: LEVEL_NAMES[m.level],
        balance: m.balance,
        makeupCards: m.makeupCards ?? 0,
      })),
      nextCursor: offsetCursor(offset, limit, rows.length > limit),
    }
  },
})
