import { mallInputs, type Inventory } from '../../core/contracts/mall'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import { mallPage, orderView, type MallMember, type OrderDoc } from '../items-and-orders'

/** 背包: make-up cards, titles owned and the one worn, and codes received (fulfilled coupons, paged). */
export default memberAction({
  input: mallInputs.inventory,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<Inventory> {
    const { db, membership } = ctx
    const member = membership.member as MallMember
    const scope = {
      communityId: membership.community._id,
      openid: member.openid,
      kind: 'coupon',
      status: 'fulfilled',
    }
    return {
      makeupCards: member.makeupCards ?? 0,
      titles: member.ownedTitles ?? [],
      title: member.title ?? null,
      codes: await mallPage(db, 'mall_orders', scope, input, (docs: OrderDoc[]) => docs.map(orderView)),
    }
  },
})
