import { pointsInputs, type LedgerEntry, type PointsPage } from '../../core/contracts/points'
import { LEDGER_KIND_NAMES } from '../../core/points'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import type { LedgerRow } from '../../runtime/ledger'
import { newestFirst } from '../../runtime/paging'
import { DEFAULT_PAGE } from '../members'

export default memberAction({
  input: pointsInputs.ledger,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<PointsPage<LedgerEntry>> {
    const { db, membership } = ctx
    const limit = input.limit ?? DEFAULT_PAGE
    const scope = { communityId: membership.community._id, openid: membership.member.openid }
    const { page, nextCursor } = await newestFirst<LedgerRow>(db, 'ledger', scope, input.cursor, limit)
    return {
      items: page.map((row) => ({
        id: row._id,
        kind: row.kind,
        kindName: LEDGER_KIND_NAMES[row.kind],
        delta: row.delta,
        reason: row.reason,
        balanceAfter: row.balanceAfter,
        createdAt: new Date(row.createdAt).toISOString(),
      })),
      nextCursor,
    }
  },
})
