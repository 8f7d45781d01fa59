import { mallInputs, type OrderChange } from '../../core/contracts/mall'
import { canMoveOrder } from '../../core/mall'
import { accessFor } from '../../core/rights'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { notifyOrder, orderView, type OrderDoc } from '../items-and-orders'

/**
 * An owner or admin fulfils a pending order with a shipping note or a code; the member is told by
 * subscribe message after the transaction. Fulfilling a fulfilled order again changes nothing.
 */
export default memberAction({
  input: mallInputs.fulfil,
  access: accessFor('mall'),
  async run(ctx, input): Promise<OrderChange> {
    const { db, membership, now, caller } = ctx
    const communityId = membership.community._id
    // The member reads the note (and it goes out in a subscribe message): screened like any text.
    await screenStaffText(db, {
      communityId,
      openid: caller.openid,
      scene: SCENE.comment,
      what: '发放说明',
      texts: [input.note],
    })
    const { order, changed } = await inTransaction(db, async (tx) => {
      const order = await txGetOrNull<OrderDoc>(tx, 'mall_orders', input.id)
      if (!order || order.communityId !== communityId) return fail('NOT_FOUND', '找不到这笔订单')
      if (order.status === 'fulfilled') return { order, changed: false }
      if (!canMoveOrder(order.status, 'fulfilled')) return fail('ORDER_STATE', '订单已取消，不能发放')
      const fulfilled: OrderDoc = {
        ...order,
        status: 'fulfilled',
        note: input.note,
        handledBy: caller.openid,
        updatedAt: now,
      }
      await tx
        .collection('mall_orders')
        .doc(order._id)
        .update({ data: { status: 'fulfilled', note: input.note, handledBy: caller.openid, updatedAt: now } })
      return { order: fulfilled, changed: true }
    })
    const notified = changed ? await notifyOrder(order) : false
    return { order: orderView(order), duplicate: !changed, notified }
  },
})
