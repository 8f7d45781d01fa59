/** The `mall` cloud function: the shelf, redemptions, orders and inventory, and the staff tools. */
import Taro from '@tarojs/taro'
import type {
  Inventory,
  ItemDetail,
  ItemInput,
  ItemView,
  MallPage,
  MallShelf,
  OrderChange,
  OrdersExport,
  OrderView,
  RedeemResult,
} from '@core/contracts/mall'
import type { OrderStatus } from '@core/mall'
import { MESSAGE_TEMPLATES } from '@core/notify'
import { callFunction } from './transport'

export type {
  Inventory,
  ItemDetail,
  ItemInput,
  ItemView,
  MallPage,
  MallShelf,
  OrderChange,
  OrdersExport,
  OrderView,
  RedeemResult,
}

export function shelf(cursor?: string): Promise<MallShelf> {
  return callFunction<MallShelf>('mall', 'items', { cursor })
}

export function item(id: string): Promise<ItemDetail> {
  return callFunction<ItemDetail>('mall', 'item', { id })
}

/** `requestId` is made when the confirmation opens: a retried 确认 sends the same one, so one order. */
export function redeem(itemId: string, requestId: string): Promise<RedeemResult> {
  return callFunction<RedeemResult>('mall', 'redeem', { itemId, requestId })
}

export function myOrders(cursor?: string): Promise<MallPage<OrderView>> {
  return callFunction<MallPage<OrderView>>('mall', 'myOrders', { cursor })
}

export function inventory(cursor?: string): Promise<Inventory> {
  return callFunction<Inventory>('mall', 'inventory', { cursor })
}

export function wearTitle(title: string | null): Promise<{ title: string | null }> {
  return callFunction<{ title: string | null }>('mall', 'wearTitle', { title })
}

export function cancelOrder(id: string): Promise<OrderChange> {
  return callFunction<OrderChange>('mall', 'cancelOrder', { id })
}

export function adminItems(cursor?: string): Promise<MallPage<ItemView>> {
  return callFunction<MallPage<ItemView>>('mall', 'adminItems', { cursor })
}

export function saveItem(input: { id?: string; requestId: string; item: ItemInput }): Promise<ItemView> {
  return callFunction<ItemView>('mall', 'saveItem', input)
}

export function setShelf(id: string, onShelf: boolean): Promise<ItemView> {
  return callFunction<ItemView>('mall', 'setShelf', { id, onShelf })
}

export interface OrderFilter {
  status?: OrderStatus
  itemId?: string
}

export function orders(filter: OrderFilter, cursor?: string): Promise<MallPage<OrderView>> {
  return callFunction<MallPage<OrderView>>('mall', 'orders', { ...filter, cursor })
}

export function fulfil(id: string, note: string): Promise<OrderChange> {
  return callFunction<OrderChange>('mall', 'fulfil', { id, note })
}

export function exportOrders(filter: OrderFilter): Promise<OrdersExport> {
  return callFunction<OrdersExport>('mall', 'exportOrders', { ...filter })
}

/**
 * weapp: ask for one 订单状态 message (must run inside the tap); h5 has no subscriptions. A refusal
 * is fine: the order goes ahead, the member just is not told.
 */
export async function askOrderUpdates(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return
  try {
    await Taro.requestSubscribeMessage({ tmplIds: [MESSAGE_TEMPLATES.orderUpdate] } as never)
  } catch {
    // Declined or unsupported: nothing to do.
  }
}
