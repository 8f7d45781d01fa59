import { mallInputs, type OrderChange } from '../../core/contracts/mall'
import { can } from '../../core/rights'
import { orderMoveRefusal, orderRefundReason, orderRefundSource } from '../../core/mall'
import { ledgerId } from '../../core/points'
import { EVERY_MEMBER } from '../../core/roles'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { postInTransaction } from '../../runtime/ledger'
import {
  notifyOrder,
  orderView,
  routeOf,
  type ItemDoc,
  type LimitDoc,
  type OrderDoc,
} from '../items-and-orders'

/**
 * Cancel a pending order (not once shipped, core/mall.canMoveOrder): a member their own, an owner or admin any. In one transaction the order
 * becomes cancelled, the stock and the limit counter go back by one and the price is refunded through
 * the ledger (source derived from the order). Parallel cancels all write the order document, so only
 * one commits; the others retry, find it cancelled and answer it unchanged. The member is told by
 * subscribe message when someone else cancelled it, after the transaction.
 */
export default memberAction({
  input: mallInputs.cancelOrder,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<OrderChange> {
    const { db, membership, now, caller } = ctx
    const communityId = membership.community._id
    const manager = can(membership.member.role, 'mall')

    const { order, changed } = await inTransaction(db, async (tx) => {
      const order = await txGetOrNull<OrderDoc>(tx, 'mall_orders', input.id)
      if (!order || order.communityId !== communityId || (!manager && order.openid !== caller.openid))
        return fail('NOT_FOUND', '找不到这笔订单')
      if (order.status === 'cancelled') return { order, changed: false }
      const refusal = orderMoveRefusal(order.status, 'cancelled', routeOf(order))
      if (refusal) return fail('ORDER_STATE', refusal)

      const [item, counter] = await Promise.all([
        txGetOrNull<ItemDoc>(tx, 'mall_items', order.itemId),
        order.limitId ? txGetOrNull<LimitDoc>(tx, 'mall_limits', order.limitId) : null,
      ])
      const source = orderRefundSource(order.requestId)
      const cancelled: OrderDoc = {
        ...order,
        status: 'cancelled',
        refundLedgerId: ledgerId(communityId, order.openid, source),
        handledBy: caller.openid,
        updatedAt: now,
      }
      // The order first: it is the document parallel cancels meet on.
      await tx
        .collection('mall_orders')
        .doc(order._id)
        .update({
          data: {
            status: cancelled.status,
            refundLedgerId: cancelled.refundLedgerId,
            handledBy: cancelled.handledBy,
            updatedAt: now,
          },
        })
      if (item)
        await tx
          .collection('mall_items')
          .doc(item._id)
          .update({ data: { stock: item.stock + 1, updatedAt: now } })
      if (counter && order.limitId)
        await tx
          .collection('mall_limits')
          .doc(order.limitId)
          .update({ data: { count: Math.max(0, counter.count - 1) } })
      await postInTransaction(tx, {
        communityId,
        openid: order.openid,
        source,
        kind: 'refund',
        delta: order.price,
        reason: orderRefundReason(order.itemName),
        by: caller.openid,
        now,
      })
      return { order: cancelled, changed: true }
    })
    const notified = changed && order.openid !== caller.openid ? await notifyOrder(order) : false
    return { order: orderView(order), duplicate: !changed, notified }
  },
})
