import { mallInputs, type OrderChange } from '../../core/contracts/mall'
import { shipmentProblems } from '../../core/delivery'
import { orderMoveRefusal } from '../../core/mall'
import { accessFor } from '../../core/rights'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { notifyOrder, orderView, routeOf, type OrderDoc } from '../items-and-orders'

/**
 * An owner or admin ships a posted gift with its courier and tracking number (pending → shipped, core/mall);
 * the member is told by subscribe message after the transaction, once: shipping again changes nothing.
 */
export default memberAction({
  input: mallInputs.ship,
  access: accessFor('mall'),
  async run(ctx, input): Promise<OrderChange> {
    const { db, membership, now, caller } = ctx
    const communityId = membership.community._id
    const problems = shipmentProblems(input)
    if (problems) return fail('INVALID_INPUT', Object.values(problems)[0], problems)
    const shipment = { carrier: input.carrier.trim(), trackingNo: input.trackingNo.trim() }
    // The member reads the carrier (and it goes out in a subscribe message): screened like any text.
    await screenStaffText(db, {
      communityId,
      openid: caller.openid,
      scene: SCENE.comment,
      what: '快递公司',
      texts: [shipment.carrier],
    })
    const { order, changed } = await inTransaction(db, async (tx) => {
      const order = await txGetOrNull<OrderDoc>(tx, 'mall_orders', input.id)
      if (!order || order.communityId !== communityId) return fail('NOT_FOUND', '找不到这笔订单')
      if (order.status === 'shipped') return { order, changed: false }
      const refusal = orderMoveRefusal(order.status, 'shipped', routeOf(order))
      if (refusal) return fail('ORDER_STATE', refusal)
      const data = { status: 'shipped' as const, shipment, handledBy: caller.openid, updatedAt: now }
      await tx.collection('mall_orders').doc(order._id).update({ data })
      return { order: { ...order, ...data }, changed: true }
    })
    const notified = changed ? await notifyOrder(order) : false
    return { order: orderView(order), duplicate: !changed, notified }
  },
})
