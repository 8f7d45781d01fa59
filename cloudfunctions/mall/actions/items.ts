import { mallInputs, type MallShelf } from '../../core/contracts/mall'
import { LEVEL_NAMES } from '../../core/levels'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import { itemViews, mallPage, type ItemDoc } from '../items-and-orders'

/** The member's shelf: items on the shelf, newest first, with the member's balance and level. */
export default memberAction({
  input: mallInputs.items,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<MallShelf> {
    const { db, membership, caller } = ctx
    const scope = { communityId: membership.community._id, onShelf: true }
    return {
      ...(await mallPage(db, 'mall_items', scope, input, (docs: ItemDoc[]) =>
        itemViews(db, docs, caller.openid),
      )),
      balance: membership.member.balance,
      levelName: LEVEL_NAMES[membership.member.level],
    }
  },
})
