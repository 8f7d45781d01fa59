import { mallInputs, type MallPage, type OrderView } from '../../core/contracts/mall'
import { accessFor } from '../../core/rights'
import { memberAction } from '../../runtime/handler'
import { mallPage, orderScope, orderView, type OrderDoc } from '../items-and-orders'

/** The admin queue: the community's orders, newest first, by status and/or item. */
export default memberAction({
  input: mallInputs.orders,
  access: accessFor('mall'),
  async run(ctx, input): Promise<MallPage<OrderView>> {
    const { db, membership } = ctx
    return mallPage(
      db,
      'mall_orders',
      orderScope(membership.community._id, input),
      input,
      (docs: OrderDoc[]) => docs.map(orderView),
    )
  },
})
