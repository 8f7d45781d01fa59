import { mallInputs, type MallPage, type OrderView } from '../../core/contracts/mall'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import { mallPage, orderView, type OrderDoc } from '../items-and-orders'

/** The member's own orders, newest first. */
export default memberAction({
  input: mallInputs.myOrders,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<MallPage<OrderView>> {
    const { db, membership } = ctx
    const scope = { communityId: membership.community._id, openid: membership.member.openid }
    return mallPage(db, 'mall_orders', scope, input, (docs: OrderDoc[]) => docs.map(orderView))
  },
})
