import { mallInputs, type OrderChange } from '../../core/contracts/mall'
import { fulfilNoteRequired, orderMoveRefusal } from '../../core/mall'
import { accessFor } from '../../core/rights'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { notifyOrder, orderView, routeOf, type OrderDoc } from '../items-and-orders'

const NOTE_NEEDED = '请填写兑换码或发放说明'

/**
 * An owner or admin completes an order: a code or note for in-app orders, the handover of a pickup, or a
 * shipped parcel received (core/mall.canMoveOrder decides). The member is told by subscribe message after
 * the transaction, except for a parcel they already know is on its way. Fulfilling again changes nothing.
 */
export default memberAction({
  input: mallInputs.fulfil,
  access: accessFor('mall'),
  async run(ctx, input): Promise<OrderChange> {
    const { db, membership, now, caller } = ctx
    const communityId = membership.community._id
    const note = input.note || null
    // The member reads the note (and it goes out in a subscribe message): screened like any text.
    if (note)
      await screenStaffText(db, {
        communityId,
        openid: caller.openid,
        scene: SCENE.comment,
        what: '发放说明',
        texts: [note],
      })
    const { order, changed, was } = await inTransaction(db, async (tx) => {
      const order = await txGetOrNull<OrderDoc>(tx, 'mall_orders', input.id)
      if (!order || order.communityId !== communityId) return fail('NOT_FOUND', '找不到这笔订单')
      if (order.status === 'fulfilled') return { order, changed: false, was: order.status }
      const route = routeOf(order)
      const refusal = orderMoveRefusal(order.status, 'fulfilled', route)
      if (refusal) return fail('ORDER_STATE', refusal)
      if (!note && fulfilNoteRequired(route)) return fail('INVALID_INPUT', NOTE_NEEDED, { note: NOTE_NEEDED })
      const data = {
        status: 'fulfilled' as const,
        note: note ?? order.note,
        handledBy: caller.openid,
        updatedAt: now,
      }
      await tx.collection('mall_orders').doc(order._id).update({ data })
      return { order: { ...order, ...data }, changed: true, was: order.status }
    })
    const notified = changed && was === 'pending' ? await notifyOrder(order) : false
    return { order: orderView(order), duplicate: !changed, notified }
  },
})
