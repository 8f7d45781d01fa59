import { pointsInputs, type AuditEntry, type PointsPage } from '../../core/contracts/points'
import { findMany } from '../../runtime/db'
import { action, type MemberActionContext } from '../../runtime/handler'
import { DEFAULT_PAGE, afterCursor, encodeCursor, type AuditDoc } from '../shared'

export default action({
  input: pointsInputs.auditLog,
  access: ['owner', 'admin'],
  async run(ctx, input): Promise<PointsPage<AuditEntry>> {
    const { db, membership } = ctx as MemberActionContext
    const limit = input.limit ?? DEFAULT_PAGE
    const rows = await findMany<AuditDoc>(
      db
        .collection('audit')
        .where(afterCursor(db, { communityId: membership.community._id }, input.cursor))
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(limit + 1),
    )
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
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
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last._id) : null,
    }
  },
})
