/** The `mall` cloud function: the shelf, redemptions, orders and inventory, and the staff tools. */
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
import type { Delivery } from '@core/delivery'
import type { OrderStatus } from '@core/mall'
import { call } from './call'
import { askSubscriptions } from './subscribe'

export type { Delivery }
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

export const shelf = (cursor?: string) => call('mall', 'items', { cursor })

export const item = (id: string) => call('mall', 'item', { id })

/** `requestId` is made when the confirmation opens: a retried 确认 sends the same one, so one order. */
export const redeem = (itemId: string, requestId: string, delivery?: Delivery) =>
  call('mall', 'redeem', { itemId, requestId, ...(delivery ? { delivery } : {}) })

export const myOrders = (cursor?: string) => call('mall', 'myOrders', { cursor })

export const inventory = (cursor?: string) => call('mall', 'inventory', { cursor })

export const wearTitle = (title: string | null) => call('mall', 'wearTitle', { title })

export const cancelOrder = (id: string) => call('mall', 'cancelOrder', { id })

export const adminItems = (cursor?: string) => call('mall', 'adminItems', { cursor })

export const saveItem = (input: { id?: string; requestId: string; item: ItemInput }) =>
  call('mall', 'saveItem', input)

export const setShelf = (id: string, onShelf: boolean) => call('mall', 'setShelf', { id, onShelf })

export interface OrderFilter {
  status?: OrderStatus
  itemId?: string
}

export const orders = (filter: OrderFilter, cursor?: string) => call('mall', 'orders', { ...filter, cursor })

/** `note` is needed for codes and in-app orders; a pickup handed over or a parcel received needs none. */
export const fulfil = (id: string, note?: string) => call('mall', 'fulfil', { id, ...(note ? { note } : {}) })

export const ship = (id: string, carrier: string, trackingNo: string) =>
  call('mall', 'ship', { id, carrier, trackingNo })

export const exportOrders = (filter: OrderFilter, cursor?: string) =>
  call('mall', 'exportOrders', { ...filter, cursor })

/** Ask for the 订单状态 message inside the redeem tap (services/subscribe: nothing asked on H5). */
export async function askOrderUpdates(): Promise<void> {
  await askSubscriptions(['orderUpdate'])
}
