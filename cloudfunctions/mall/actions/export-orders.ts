import { mallInputs } from '../../core/contracts/mall'
import {
  EXPORT_ROWS_PER_FILE,
  decodeExportCursor,
  encodeExportCursor,
  exportFileName,
  exportTime,
  toCsv,
  type ExportPart,
} from '../../core/csv'
import { ITEM_KIND_NAMES, ORDER_STATUS_NAMES, orderNumber, orderStatusName } from '../../core/mall'
import { accessFor } from '../../core/rights'
import { shanghaiDayKey } from '../../core/time'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { newestFirst } from '../../runtime/paging'
import { orderScope, routeOf, type OrderDoc } from '../items-and-orders'

const EXPORT_PAGE = 500

const HEADER = [
  '订单号',
  '成员',
  '商品',
  '类型',
  '积分',
  '状态',
  '收货方式',
  '收件人',
  '手机号',
  '收货地址',
  '快递公司',
  '快递单号',
  '发放说明',
  '下单时间',
  '更新时间',
]

const ROUTE_NAMES = { address: '邮寄', pickup: '线下领取', none: '' } as const

/** 收货方式 … 快递单号 of one order: what staff need to post or hand over a gift. */
function deliveryCells(o: OrderDoc): string[] {
  const d = o.delivery
  const address = d?.method === 'address' ? d : null
  return [
    ROUTE_NAMES[routeOf(o)],
    address?.name ?? '',
    address?.phone ?? '',
    address ? `${address.region} ${address.detail}`.trim() : d?.method === 'pickup' ? d.place : '',
    o.shipment?.carrier ?? '',
    o.shipment?.trackingNo ?? '',
  ]
}

/** The queue (same filters) as CSV, newest first, one numbered file of up to 2,000 orders per call. */
export default memberAction({
  input: mallInputs.exportOrders,
  access: accessFor('mall'),
  async run(ctx, input): Promise<ExportPart> {
    const { db, membership, now } = ctx
    const { cursor: given, ...filter } = input
    const scope = orderScope(membership.community._id, filter)
    const at = given ? decodeExportCursor(given) : { part: 1, after: [] }
    if (!at || (given && typeof at.after[0] !== 'string')) return fail('INVALID_CURSOR')
    const orders: OrderDoc[] = []
    let cursor = at.after[0] as string | undefined
    do {
      const want = Math.min(EXPORT_PAGE, EXPORT_ROWS_PER_FILE - orders.length)
      const { page, nextCursor } = await newestFirst<OrderDoc>(db, 'mall_orders', scope, cursor, want)
      orders.push(...page)
      cursor = nextCursor ?? undefined
    } while (cursor && orders.length < EXPORT_ROWS_PER_FILE)
    const rows = orders.map((o) => [
      orderNumber(shanghaiDayKey(new Date(o.createdAt)), o.requestId),
      o.nickname,
      o.itemName,
      ITEM_KIND_NAMES[o.kind],
      o.price,
      orderStatusName(o.status, routeOf(o)),
      ...deliveryCells(o),
      o.note ?? '',
      exportTime(o.createdAt),
      exportTime(o.updatedAt),
    ])
    const nextCursor = cursor ? encodeExportCursor(at.part + 1, [cursor]) : null
    return {
      // 读书会-兑换订单-2026-12-05(-已取消).csv: whose, what, and when, in the person's words.
      fileName: exportFileName(membership.community.name, '兑换订单', now, {
        detail: input.status ? ORDER_STATUS_NAMES[input.status] : undefined,
        part: at.part,
        more: !!nextCursor,
      }),
      csv: toCsv(HEADER, rows),
      rows: rows.length,
      part: at.part,
      nextCursor,
    }
  },
})
