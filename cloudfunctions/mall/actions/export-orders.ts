import { mallInputs, type OrdersExport } from '../../core/contracts/mall'
import { toCsv } from '../../core/csv'
import { ITEM_KIND_NAMES, ORDER_STATUS_NAMES, orderNumber } from '../../core/mall'
import { accessFor } from '../../core/rights'
import { shanghaiDateTimeText, shanghaiDayKey } from '../../core/time'
import { memberAction } from '../../runtime/handler'
import { newestFirst } from '../../runtime/paging'
import { orderScope, type OrderDoc } from '../items-and-orders'

/** One export holds at most this many orders, read a page at a time; narrow the filter for more. */
export const EXPORT_MAX = 2000
const EXPORT_PAGE = 100

const HEADER = ['订单号', '成员', '商品', '类型', '积分', '状态', '发放说明', '下单时间', '更新时间']

/** The queue (same filters) as CSV, newest first. */
export default memberAction({
  input: mallInputs.exportOrders,
  access: accessFor('mall'),
  async run(ctx, input): Promise<OrdersExport> {
    const { db, membership, now } = ctx
    const scope = orderScope(membership.community._id, input)
    const orders: OrderDoc[] = []
    let cursor: string | undefined
    let truncated = false
    do {
      const { page, nextCursor } = await newestFirst<OrderDoc>(db, 'mall_orders', scope, cursor, EXPORT_PAGE)
      orders.push(...page)
      cursor = nextCursor ?? undefined
      if (cursor && orders.length >= EXPORT_MAX) truncated = true
    } while (cursor && !truncated)
    const rows = orders.map((o) => [
      orderNumber(shanghaiDayKey(new Date(o.createdAt)), o.requestId),
      o.nickname,
      o.itemName,
      ITEM_KIND_NAMES[o.kind],
      o.price,
      ORDER_STATUS_NAMES[o.status],
      o.note ?? '',
      shanghaiDateTimeText(new Date(o.createdAt)),
      shanghaiDateTimeText(new Date(o.updatedAt)),
    ])
    // 兑换订单-读书会-2026-12-05(-已取消).csv: what it is, whose, and when, in the person's words.
    const suffix = input.status ? `-${ORDER_STATUS_NAMES[input.status]}` : ''
    const community = membership.community.name.replace(/[\\/:*?"<>|\s]+/g, '')
    return {
      fileName: `兑换订单-${community}-${shanghaiDayKey(now)}${suffix}.csv`,
      csv: toCsv(HEADER, rows),
      rows: rows.length,
      truncated,
    }
  },
})
