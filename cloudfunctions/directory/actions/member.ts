import type { MemberPage, MemberViolation } from '../../core/contracts/directory'
import { directoryInputs } from '../../core/contracts/directory'
import { orderRoute, orderStatusName } from '../../core/mall'
import { LEDGER_KIND_NAMES } from '../../core/points'
import { accessFor } from '../../core/rights'
import type { CheckinDoc } from '../../checkin/records'
import type { OrderDoc } from '../../mall/items-and-orders'
import { findMany, getDocOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import type { LedgerRow } from '../../runtime/ledger'
import { memberScoreView } from '../../score/score-view'
import { listItem, ownMemberId, type DirectoryDoc } from '../roster'
import { notesPage } from '../notes'

const RECENT = 20

/** A violation as t11-sanctions records it (collection `violations`). */
interface ViolationDoc {
  _id: string
  step: number
  reason: string
  createdAt: Date
  expiresAt?: Date | null
  appeal?: { text: string; decision?: string | null } | null
}

/** The violations record; a community where none was ever recorded has no collection yet. */
async function violationsOf(
  ctx: { db: import('../../runtime/cloud').Database },
  communityId: string,
  id: string,
) {
  try {
    return await findMany<ViolationDoc>(
      ctx.db
        .collection('violations')
        .where({ communityId, memberId: id })
        .orderBy('createdAt', 'desc')
        .limit(RECENT),
    )
  } catch (err) {
    if (/COLLECTION_NOT_EXIST|-502005/.test(`${(err as { errCode?: unknown }).errCode} ${String(err)}`))
      return []
    throw err
  }
}

/**
 * A member's page for staff: profile, tags, recent ledger, orders and check-ins, the value score's
 * explanation (the score function's own view), violations and private notes. One read of the member,
 * then the rest side by side.
 */
export default memberAction({
  input: directoryInputs.member,
  access: accessFor('members'),
  async run(ctx, input): Promise<MemberPage> {
    const { db, membership, now } = ctx
    const communityId = membership.community._id
    const id = ownMemberId(communityId, input.memberId)
    const member = await getDocOrNull<DirectoryDoc & { streakDay?: string | null }>(db, 'members', id)
    if (!member || member.communityId !== communityId) return fail('NOT_FOUND')
    const { openid } = member
    const newest = (collection: string) =>
      db.collection(collection).where({ communityId, openid }).orderBy('createdAt', 'desc').limit(RECENT)
    const [ledger, orders, checkins, score, violations, notes] = await Promise.all([
      findMany<LedgerRow>(newest('ledger')),
      findMany<OrderDoc>(newest('mall_orders')),
      findMany<CheckinDoc>(
        db.collection('checkins').where({ communityId, openid }).orderBy('dayKey', 'desc').limit(RECENT),
      ),
      memberScoreView(db, member, now, 'staff'),
      violationsOf(ctx, communityId, id),
      notesPage(db, communityId, id, undefined),
    ])
    const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null)
    return {
      profile: {
        ...listItem(member, now),
        publicId: member.publicId ?? null,
        lastActiveAt: iso(member.lastActiveAt),
        mutedUntil: iso(member.mutedUntil),
        endedAt: iso(member.endedAt),
        staffTitle: member.staffTitle ?? null,
      },
      ledger: ledger.map((r) => ({
        id: r._id,
        kind: LEDGER_KIND_NAMES[r.kind],
        delta: r.delta,
        reason: r.reason,
        createdAt: new Date(r.createdAt).toISOString(),
      })),
      orders: orders.map((o) => ({
        id: o._id,
        itemName: o.itemName,
        price: o.price,
        status: orderStatusName(o.status, orderRoute(o.delivery)),
        createdAt: new Date(o.createdAt).toISOString(),
      })),
      checkins: checkins.map((c) => ({
        dayKey: c.dayKey,
        // Staff read every note, held ones included (moderation decides them).
        note: c.note,
        likes: c.likes,
        points: c.points,
      })),
      score,
      violations: violations.map((v): MemberViolation => ({
        id: v._id,
        step: v.step,
        reason: v.reason,
        createdAt: new Date(v.createdAt).toISOString(),
        expiresAt: iso(v.expiresAt),
        appeal: v.appeal ? { text: v.appeal.text, decision: v.appeal.decision ?? null } : null,
      })),
      notes,
    }
  },
})
