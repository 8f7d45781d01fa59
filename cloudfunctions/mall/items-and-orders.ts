/** The mall's items and orders: stored rows, their views, paged lists, loading one of the caller's community. */
import type { ItemView, MallPage, OrderView } from '../core/contracts/mall'
import { shipmentText, type Delivery, type Shipment } from '../core/delivery'
import { LEVEL_NAMES, type Level } from '../core/levels'
import {
  ITEM_KIND_NAMES,
  limitCounterId,
  limitPeriodKey,
  limitText,
  orderRoute,
  orderStatusName,
  redeemRefusal,
  type ItemFields,
  type ItemKind,
  type OrderRoute,
  type OrderStatus,
} from '../core/mall'
import { messageThing } from '../core/notify'
import type { Database } from '../runtime/cloud'
import { getDocOrNull } from '../runtime/db'
import { visibleImageUrls } from '../runtime/images'
import { fail } from '../runtime/errors'
import type { PointsMember } from '../runtime/ledger'
import { sendSubscribeMessage } from '../runtime/notify'
import { newestFirst } from '../runtime/paging'

/** `stock` is what is left to redeem; only redemptions (−1) and cancellations (+1) move it, besides admin edits. */
export interface ItemDoc extends ItemFields {
  _id: string
  communityId: string
  cardCount: number | null
  titleText: string | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

export interface OrderDoc {
  _id: string
  communityId: string
  openid: string
  nickname: string
  requestId: string
  itemId: string
  itemName: string
  kind: ItemKind
  price: number
  /** The limit counter this order counts in (mall_limits id), or null when the item had no limit. */
  limitId: string | null
  status: OrderStatus
  /** Where a physical gift goes, written with the order; absent on in-app orders and older orders. */
  delivery?: Delivery | null
  /** Set when the parcel is shipped. */
  shipment?: Shipment | null
  note: string | null
  /** Ledger row ids: the spend, and the refund once cancelled. */
  spendLedgerId: string
  refundLedgerId: string | null
  /** Make-up cards or the title delivered with a virtual item. */
  cardCount: number | null
  titleText: string | null
  handledBy: string | null
  createdAt: Date
  updatedAt: Date
}

/** The member fields the mall keeps (on top of PointsMember's makeupCards). */
export interface MallMember extends PointsMember {
  /** Titles redeemed in the mall. */
  ownedTitles?: string[]
  /** The title worn beside the name (leaderboards show it), or null. */
  title?: string | null
}

export interface LimitDoc {
  _id: string
  count: number
}

export const DEFAULT_PAGE = 20

/** `urls`: what the viewer may see of the images (runtime/images.visibleImageUrls); without it, https links only. */
export function itemView(doc: ItemDoc, urls?: Map<string, string>): ItemView {
  return {
    id: doc._id,
    imageUrls: doc.images.map((i) => urls?.get(i) ?? (i.startsWith('https://') ? i : '')).filter(Boolean),
    kind: doc.kind,
    kindName: ITEM_KIND_NAMES[doc.kind],
    name: doc.name,
    description: doc.description,
    images: doc.images,
    price: doc.price,
    stock: doc.stock,
    limit: doc.limit,
    limitText: limitText(doc.limit),
    minLevel: doc.minLevel,
    minLevelName: LEVEL_NAMES[doc.minLevel],
    onShelf: doc.onShelf,
    cardCount: doc.cardCount,
    titleText: doc.titleText,
    createdAt: new Date(doc.createdAt).toISOString(),
  }
}

/** How the order is handed over (core/mall.orderRoute). */
export function routeOf(doc: Pick<OrderDoc, 'delivery'>): OrderRoute {
  return orderRoute(doc.delivery)
}

export function orderView(doc: OrderDoc): OrderView {
  const route = routeOf(doc)
  return {
    id: doc._id,
    itemId: doc.itemId,
    itemName: doc.itemName,
    kind: doc.kind,
    kindName: ITEM_KIND_NAMES[doc.kind],
    price: doc.price,
    status: doc.status,
    statusName: orderStatusName(doc.status, route),
    route,
    delivery: doc.delivery ?? null,
    shipment: doc.shipment ?? null,
    note: doc.note,
    nickname: doc.nickname,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  }
}

/** One page of `collection` within `scope`, newest first, as views (the mall's paged lists). */
export async function mallPage<D extends { createdAt: Date }, V>(
  db: Database,
  collection: 'mall_items' | 'mall_orders',
  scope: Record<string, unknown>,
  input: { cursor?: string; limit?: number },
  view: (docs: (D & { _id: string })[]) => V[] | Promise<V[]>,
): Promise<MallPage<V>> {
  const { page, nextCursor } = await newestFirst<D>(
    db,
    collection,
    scope,
    input.cursor,
    input.limit ?? DEFAULT_PAGE,
  )
  return { items: await view(page), nextCursor }
}

/** Item views with the images `viewer` may see: one images read and one temp-URL call for the page. */
export async function itemViews(db: Database, docs: ItemDoc[], viewer: string): Promise<ItemView[]> {
  const urls = await visibleImageUrls(
    db,
    docs.flatMap((d) => d.images),
    viewer,
  )
  return docs.map((d) => itemView(d, urls))
}

/** The member's limit counter (`mall_limits` id) for this item in the current period; null without a limit. */
export function limitIdOf(communityId: string, openid: string, item: ItemDoc, now: Date): string | null {
  return item.limit
    ? limitCounterId(communityId, openid, item._id, limitPeriodKey(item.limit.period, now))
    : null
}

/** Why this member cannot redeem this item now (core/mall.redeemRefusal), given their live orders in the period. */
export function refusalOf(item: ItemDoc, member: { level: Level; balance: number }, used: number) {
  const { onShelf, stock, price, minLevel, limit } = item
  return redeemRefusal({
    onShelf,
    stock,
    price,
    minLevel,
    limit,
    level: member.level,
    balance: member.balance,
    used,
  })
}

/** An item of the caller's community; another community's item is NOT_FOUND, as if it did not exist. */
export async function communityItem(db: Database, communityId: string, id: string): Promise<ItemDoc> {
  const item = await getDocOrNull<ItemDoc>(db, 'mall_items', id)
  if (!item || item.communityId !== communityId) return fail('NOT_FOUND', '找不到这件商品')
  return item
}

export async function communityOrder(db: Database, communityId: string, id: string): Promise<OrderDoc> {
  const order = await getDocOrNull<OrderDoc>(db, 'mall_orders', id)
  if (!order || order.communityId !== communityId) return fail('NOT_FOUND', '找不到这笔订单')
  return order
}

/** What the message's third line says: the tracking number, the code or note, or the refund. */
function orderUpdateLine(order: OrderDoc): string {
  if (order.status === 'shipped' && order.shipment) return shipmentText(order.shipment)
  if (order.status === 'cancelled') return '积分已退回'
  return order.note ?? '请查看订单'
}

/** Tell the member their order shipped, was fulfilled or cancelled. Runs after the transaction, never inside. */
export async function notifyOrder(order: OrderDoc): Promise<boolean> {
  const outcome = await sendSubscribeMessage({
    openid: order.openid,
    template: 'orderUpdate',
    data: {
      thing1: messageThing(order.itemName),
      phrase2: orderStatusName(order.status, routeOf(order)),
      thing3: messageThing(orderUpdateLine(order)),
    },
    page: 'packages/mall/orders/index',
  })
  return outcome.sent
}

/** The queue's filters as a query scope (served by the community_[item_][status_]createdAt indexes). */
export function orderScope(
  communityId: string,
  filter: { status?: OrderStatus; itemId?: string },
): Record<string, unknown> {
  return {
    communityId,
    ...(filter.itemId ? { itemId: filter.itemId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  }
}
