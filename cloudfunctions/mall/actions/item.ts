import { mallInputs, type ItemDetail } from '../../core/contracts/mall'
import { LEVEL_NAMES } from '../../core/levels'
import { EVERY_MEMBER } from '../../core/roles'
import { getDocOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { communityItem, itemViews, limitIdOf, refusalOf, type LimitDoc } from '../items-and-orders'

/** One item with what the confirmation needs: balance, level, limit used, and why not (if not). */
export default memberAction({
  input: mallInputs.item,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<ItemDetail> {
    const { db, membership, now, caller } = ctx
    const communityId = membership.community._id
    const { member } = membership
    const item = await communityItem(db, communityId, input.id)
    const limitId = limitIdOf(communityId, member.openid, item, now)
    const used = limitId ? ((await getDocOrNull<LimitDoc>(db, 'mall_limits', limitId))?.count ?? 0) : 0
    const refusal = refusalOf(item, member, used)
    return {
      item: (await itemViews(db, [item], caller.openid))[0],
      balance: member.balance,
      level: member.level,
      levelName: LEVEL_NAMES[member.level],
      used,
      refusal: refusal?.message ?? null,
    }
  },
})
