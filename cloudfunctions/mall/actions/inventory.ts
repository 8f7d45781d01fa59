import { mallInputs, type Inventory } from '../../core/contracts/mall'
import { EVERY_MEMBER } from '../../core/roles'
import { action, type MemberActionContext } from '../../runtime/handler'
import { newestFirst } from '../../runtime/paging'
import { DEFAULT_PAGE, orderView, type MallMember, type OrderDoc } from '../shared'

/** 背包: make-up cards, titles owned and the one worn, and codes received (fulfilled coupons, paged). */
export default action({
  input: mallInputs.inventory,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<Inventory> {
    const { db, membership } = ctx as MemberActionContext
    const member = membership.member as MallMember
    const scope = {
      communityId: membership.community._id,
      openid: member.openid,
      kind: 'coupon',
      status: 'fulfilled',
    }
    const { page, nextCursor } = await newestFirst<OrderDoc>(
      db,
      'mall_orders',
      scope,
      input.cursor,
      input.limit ?? DEFAULT_PAGE,
    )
    return {
      makeupCards: member.makeupCards ?? 0,
      titles: member.ownedTitles ?? [],
      title: member.title ?? null,
      codes: { items: page.map(orderView), nextCursor },
    }
  },
})
