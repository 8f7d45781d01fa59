import { mallInputs, type ItemView } from '../../core/contracts/mall'
import { accessFor } from '../../core/rights'
import { memberAction } from '../../runtime/handler'
import { communityItem, itemView } from '../items-and-orders'

/** Put an item on or off the shelf. Off the shelf, members no longer see or redeem it. */
export default memberAction({
  input: mallInputs.setShelf,
  access: accessFor('mall'),
  async run(ctx, input): Promise<ItemView> {
    const { db, membership, now } = ctx
    const item = await communityItem(db, membership.community._id, input.id)
    await db
      .collection('mall_items')
      .doc(item._id)
      .update({ data: { onShelf: input.onShelf, updatedAt: now } })
    return itemView({ ...item, onShelf: input.onShelf })
  },
})
