// The `mall` cloud function: the points mall (积分商城): the shelf, redemptions, orders and the
// member's inventory, and the owner's and admins' items and order queue.
import { defineFunction } from '../runtime/handler'
import items from './actions/items'
import item from './actions/item'
import redeem from './actions/redeem'
import myOrders from './actions/my-orders'
import inventory from './actions/inventory'
import wearTitle from './actions/wear-title'
import cancelOrder from './actions/cancel-order'
import adminItems from './actions/admin-items'
import saveItem from './actions/save-item'
import setShelf from './actions/set-shelf'
import orders from './actions/orders'
import fulfil from './actions/fulfil'
import ship from './actions/ship'
import exportOrders from './actions/export-orders'

export const main = defineFunction({
  items,
  item,
  redeem,
  myOrders,
  inventory,
  wearTitle,
  cancelOrder,
  adminItems,
  saveItem,
  setShelf,
  orders,
  fulfil,
  ship,
  exportOrders,
})
