/**
 * The points mall (SPEC §6): item kinds and their validation, per-member limits and their periods,
 * the level gate, why a redemption is refused, and the order state machine. Pure: time is a parameter.
 */
import type { ErrorCode } from './errors'
import { LEVEL_NAMES, levelRank, type Level } from './levels'
import type { DeliveryMethod } from './delivery'
import { shanghaiMonthKey } from './time'

export const ITEM_KINDS = ['physical', 'makeup_card', 'title', 'coupon'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

export const ITEM_KIND_NAMES: Record<ItemKind, string> = {
  physical: '实物礼品',
  makeup_card: '补签卡',
  title: '专属头衔',
  coupon: '优惠券/兑换码',
}

/** Virtual items are delivered inside the redemption itself; the others wait for an admin. */
export function deliveredAtOnce(kind: ItemKind): boolean {
  return kind === 'makeup_card' || kind === 'title'
}

export const LIMIT_PERIODS = ['total', 'month'] as const
export type LimitPeriod = (typeof LIMIT_PERIODS)[number]

/** At most `count` redemptions per member, in total or per Asia/Shanghai month; null = no limit. */
export interface ItemLimit {
  count: number
  period: LimitPeriod
}

export const ITEM_NAME_MAX = 30
export const ITEM_DESCRIPTION_MAX = 500
export const ITEM_IMAGES_MAX = 6
export const ITEM_PRICE_MAX = 1_000_000
export const ITEM_STOCK_MAX = 100_000
export const ITEM_LIMIT_MAX = 100
export const MAKEUP_CARDS_PER_ITEM_MAX = 10
export const TITLE_TEXT_MAX = 8
export const ORDER_NOTE_MAX = 200

/** The fields an item has everywhere: in the editor, in `mall_items` and in its view. */
export interface ItemFields {
  kind: ItemKind
  name: string
  description: string
  images: string[]
  price: number
  stock: number
  limit: ItemLimit | null
  minLevel: Level
  onShelf: boolean
}

/** What an admin edits. `cardCount` only for make-up cards, `titleText` only for titles. */
export interface ItemDraft extends ItemFields {
  cardCount?: number | null
  titleText?: string | null
}

const isWhole = (n: unknown, min: number, max: number) =>
  typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max

/** What is wrong with an item, keyed by field (the editor shows them beside the fields), or null. */
export function itemProblems(item: ItemDraft): Record<string, string> | null {
  const problems: Record<string, string> = {}
  const name = item.name.trim()
  if (!name) problems.name = '请填写商品名称'
  else if (name.length > ITEM_NAME_MAX) problems.name = `名称最多 ${ITEM_NAME_MAX} 字`
  if (item.description.length > ITEM_DESCRIPTION_MAX)
    problems.description = `介绍最多 ${ITEM_DESCRIPTION_MAX} 字`
  if (item.images.length > ITEM_IMAGES_MAX) problems.images = `最多 ${ITEM_IMAGES_MAX} 张图片`
  else if (item.images.some((url) => !/^(cloud|https):\/\/\S+$/.test(url)))
    problems.images = '图片无效，请重新上传'
  if (!isWhole(item.price, 1, ITEM_PRICE_MAX)) problems.price = `价格需为 1–${ITEM_PRICE_MAX} 的整数`
  if (!isWhole(item.stock, 0, ITEM_STOCK_MAX)) problems.stock = `库存需为 0–${ITEM_STOCK_MAX} 的整数`
  if (item.limit && !isWhole(item.limit.count, 1, ITEM_LIMIT_MAX))
    problems.limit = `限兑次数需为 1–${ITEM_LIMIT_MAX} 的整数`
  if (item.kind === 'makeup_card' && !isWhole(item.cardCount, 1, MAKEUP_CARDS_PER_ITEM_MAX))
    problems.cardCount = `每份补签卡张数需为 1–${MAKEUP_CARDS_PER_ITEM_MAX}`
  if (item.kind === 'title') {
    const title = (item.titleText ?? '').trim()
    if (!title) problems.titleText = '请填写头衔文字'
    else if (title.length > TITLE_TEXT_MAX) problems.titleText = `头衔最多 ${TITLE_TEXT_MAX} 字`
  }
  return Object.keys(problems).length ? problems : null
}

/** The key of the period a limit counts in: 'total', or the Asia/Shanghai month of `now`. */
export function limitPeriodKey(period: LimitPeriod, now: Date): string {
  return period === 'month' ? shanghaiMonthKey(now) : 'total'
}

/** `mall_limits` id: one counter of live (not cancelled) orders per member, item and period. */
export function limitCounterId(
  communityId: string,
  openid: string,
  itemId: string,
  periodKey: string,
): string {
  return `${communityId}:${openid}:${itemId}:${periodKey}`
}

export function limitText(limit: ItemLimit | null): string {
  if (!limit) return '不限兑'
  return limit.period === 'month' ? `每月限兑 ${limit.count} 次` : `每人限兑 ${limit.count} 次`
}

/** The level gate: a member may redeem items at or below their level. */
export function meetsLevel(level: Level, minLevel: Level): boolean {
  return levelRank(level) >= levelRank(minLevel)
}

export interface RedeemCheck extends Pick<ItemFields, 'onShelf' | 'stock' | 'price' | 'minLevel' | 'limit'> {
  level: Level
  balance: number
  /** Live orders of this member for this item in the limit's current period. */
  used: number
}

/**
 * Why a redemption is refused, or null when it may go ahead. The same check runs on the detail page
 * (to explain) and inside the redemption transaction (to decide).
 */
export function redeemRefusal(c: RedeemCheck): { code: ErrorCode; message: string } | null {
  if (!c.onShelf) return { code: 'ITEM_OFF_SHELF', message: '这件商品已下架' }
  if (!meetsLevel(c.level, c.minLevel))
    return { code: 'LEVEL_TOO_LOW', message: `等级不够：需要${LEVEL_NAMES[c.minLevel]}及以上` }
  if (c.stock < 1) return { code: 'SOLD_OUT', message: '已兑完' }
  if (c.limit && c.used >= c.limit.count)
    return { code: 'LIMIT_REACHED', message: `超出限兑：${limitText(c.limit)}` }
  if (c.balance < c.price)
    return { code: 'INSUFFICIENT_POINTS', message: `积分不足：需要 ${c.price} 分，当前 ${c.balance} 分` }
  return null
}

export const ORDER_STATUSES = ['pending', 'shipped', 'fulfilled', 'cancelled'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** How an order is handed over: posted, picked up, or inside the app (codes, virtual items, older orders). */
export type OrderRoute = DeliveryMethod | 'none'

/** How an order is handed over; orders without a delivery (codes, virtual items, older gifts) are in-app. */
export function orderRoute(delivery: { method: DeliveryMethod } | null | undefined): OrderRoute {
  return delivery?.method ?? 'none'
}

/** The queue's filter names; a single order reads in its route's words (orderStatusName). */
export const ORDER_STATUS_NAMES: Record<OrderStatus, string> = {
  pending: '待发放',
  shipped: '已发货',
  fulfilled: '已发放',
  cancelled: '已取消',
}

const ROUTE_STATUS_NAMES: Record<OrderRoute, Partial<Record<OrderStatus, string>>> = {
  address: { pending: '待发货', shipped: '已发货', fulfilled: '已完成' },
  pickup: { pending: '待领取', fulfilled: '已领取' },
  none: {},
}

export function orderStatusName(status: OrderStatus, route: OrderRoute): string {
  return ROUTE_STATUS_NAMES[route][status] ?? ORDER_STATUS_NAMES[status]
}

/**
 * The order state machine, the one place that says which move is allowed:
 * posted:    pending → shipped (carrier + tracking number) → fulfilled; pending → cancelled.
 * picked up: pending → fulfilled (handed over) | cancelled.
 * in app:    pending → fulfilled (code or note) | cancelled.
 * fulfilled and cancelled are final; a shipped parcel can no longer be cancelled (the points are refunded only
 * on cancel).
 */
const ORDER_MOVES: Record<OrderRoute, Partial<Record<OrderStatus, readonly OrderStatus[]>>> = {
  address: { pending: ['shipped', 'cancelled'], shipped: ['fulfilled'] },
  pickup: { pending: ['fulfilled', 'cancelled'] },
  none: { pending: ['fulfilled', 'cancelled'] },
}

export function canMoveOrder(from: OrderStatus, to: OrderStatus, route: OrderRoute = 'none'): boolean {
  return ORDER_MOVES[route][from]?.includes(to) ?? false
}

/** Why an order cannot move from `from` to `to` (Chinese, for ORDER_STATE), or null when it may. */
export function orderMoveRefusal(from: OrderStatus, to: OrderStatus, route: OrderRoute): string | null {
  if (canMoveOrder(from, to, route)) return null
  if (from === 'cancelled') return to === 'shipped' ? '订单已取消，不能发货' : '订单已取消，不能发放'
  if (to === 'cancelled') return from === 'shipped' ? '已发货的订单不能取消' : '已发放的订单不能取消'
  if (to === 'shipped') return route === 'address' ? '订单已完成' : '这笔订单不需要快递发货'
  if (to === 'fulfilled' && route === 'address' && from === 'pending') return '请先填写快递公司和单号发货'
  return '订单状态已变化，请刷新后再试'
}

/** A fulfilment note is the delivery itself for codes and in-app orders; a handover or a received parcel needs none. */
export function fulfilNoteRequired(route: OrderRoute): boolean {
  return route === 'none'
}

/** An order's id: a retried tap (same requestId) can only ever make the same order. */
export function orderId(communityId: string, openid: string, requestId: string): string {
  return `${communityId}:${openid}:${requestId}`
}

/**
 * The number a person reads and quotes for an order (exports, support): its Shanghai day and the
 * end of its request id, e.g. 20261205-K3F9QZ. The id stays the key; this is only its face.
 */
export function orderNumber(dayKey: string, requestId: string): string {
  const tail = requestId
    .replace(/[^0-9a-z]/gi, '')
    .slice(-6)
    .toUpperCase()
  return `${dayKey.replace(/-/g, '')}-${tail}`
}

/** Ledger sources of an order: one spend when it is made, at most one refund when it is cancelled. */
export function orderSpendSource(requestId: string): string {
  return `mall:${requestId}`
}

export function orderRefundSource(requestId: string): string {
  return `mall-refund:${requestId}`
}

export function orderSpendReason(itemName: string): string {
  return `积分兑换 · ${itemName}`
}

export function orderRefundReason(itemName: string): string {
  return `兑换取消退回 · ${itemName}`
}
