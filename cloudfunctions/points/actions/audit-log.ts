import { accessFor } from '../../core/rights'
import { pointsInputs, type AuditEntry, type PointsPage } from '../../core/contracts/points'
import { memberAction } from '../../runtime/handler'
import { newestFirst } from '../../runtime/paging'
import { DEFAULT_PAGE } from '../members'
import { type AuditDoc } from '../../runtime/audit'

export default memberAction({
  input: pointsInputs.auditLog,
  access: accessFor('points'),
  async run(ctx, input): Promise<PointsPage<AuditEntry>> {
    const { db, membership } = ctx
    const limit = input.limit ?? DEFAULT_PAGE
    const scope = { communityId: membership.community._id }
    const { page, nextCursor } = await newestFirst<AuditDoc>(db, 'audit', scope, input.cursor, limit)
    return {
      items: page.map((a) => ({
        id: a._id,
        kind: a.kind,
        byNickname: a.byNickname,
        targetNickname: a.targetNickname,
        amount: a.amount,
        reason: a.reason,
        createdAt: new Date(a.createdAt).toISOString(),
      })),
      nextCursor,
    }
  },
})
