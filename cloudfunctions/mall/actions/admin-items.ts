import { mallInputs, type ItemView, type MallPage } from '../../core/contracts/mall'
import { accessFor } from '../../core/rights'
import { memberAction } from '../../runtime/handler'
import { itemViews, mallPage, type ItemDoc } from '../items-and-orders'

/** Every item of the community, on or off the shelf, newest first. */
export default memberAction({
  input: mallInputs.adminItems,
  access: accessFor('mall'),
  async run(ctx, input): Promise<MallPage<ItemView>> {
    const { db, membership, caller } = ctx
    return mallPage(db, 'mall_items', { communityId: membership.community._id }, input, (docs: ItemDoc[]) =>
      itemViews(db, docs, caller.openid),
    )
  },
})
