import type { ExportPart } from '../csv'
import { z } from 'zod'
import {
  ADDRESS_DETAIL_MAX,
  CARRIER_MAX,
  PICKUP_PLACE_MAX,
  RECIPIENT_NAME_MAX,
  REGION_MAX,
  TRACKING_NO_MAX,
  type Delivery,
  type Shipment,
} from '../delivery'
import { LEVELS, type Level } from '../levels'
import {
  ITEM_DESCRIPTION_MAX,
  ITEM_IMAGES_MAX,
  ITEM_KINDS,
  ITEM_LIMIT_MAX,
  ITEM_NAME_MAX,
  ITEM_PRICE_MAX,
  ITEM_STOCK_MAX,
  LIMIT_PERIODS,
  MAKEUP_CARDS_PER_ITEM_MAX,
  ORDER_NOTE_MAX,
  ORDER_STATUSES,
  TITLE_TEXT_MAX,
  type ItemFields,
  type ItemKind,
  type OrderRoute,
  type OrderStatus,
} from '../mall'

const limit = z.number().int().min(1).max(100).optional()
const cursor = z.string().min(1).max(200).optional()
const id = z.string().min(1).max(300)
/** A client-made id (e.g. made when the confirmation opens): a retried tap sends the same one. */
const requestId = z
  .string()
  .trim()
  .min(8, 'requestId 至少 8 位')
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'requestId 只能包含字母、数字、- 和 _')
const whole = (min: number, max: number, label: string) =>
  z.number().int(`${label}需为整数`).min(min, `${label}不能小于 ${min}`).max(max, `${label}最多 ${max}`)

const itemFields = z
  .object({
    kind: z.enum(ITEM_KINDS),
    name: z.string().trim().min(1, '请填写商品名称').max(ITEM_NAME_MAX, `名称最多 ${ITEM_NAME_MAX} 字`),
    description: z.string().trim().max(ITEM_DESCRIPTION_MAX, `介绍最多 ${ITEM_DESCRIPTION_MAX} 字`),
    // Uploaded images (cloud file IDs, ImageUpload); https links are items from before uploads.
    images: z
      .array(
        z
          .string()
          .trim()
          .max(500)
          .refine((s) => s.startsWith('cloud://') || /^https:\/\/\S+$/.test(s), '图片无效，请重新上传'),
      )
      .max(ITEM_IMAGES_MAX, `最多 ${ITEM_IMAGES_MAX} 张图片`),
    price: whole(1, ITEM_PRICE_MAX, '价格'),
    stock: whole(0, ITEM_STOCK_MAX, '库存'),
    limit: z
      .object({ count: whole(1, ITEM_LIMIT_MAX, '限兑次数'), period: z.enum(LIMIT_PERIODS) })
      .strict()
      .nullable(),
    minLevel: z.enum(LEVELS),
    onShelf: z.boolean(),
    cardCount: whole(1, MAKEUP_CARDS_PER_ITEM_MAX, '补签卡张数').nullable().optional(),
    titleText: z.string().trim().max(TITLE_TEXT_MAX, `头衔最多 ${TITLE_TEXT_MAX} 字`).nullable().optional(),
  })
  .strict()

/**
 * The shape of a delivery; what makes it valid (a mainland mobile, a region…) is core/delivery.deliveryProblems,
 * which the action applies so the member reads one message per field. Lengths here only bound the request.
 */
const text = (max: number) => z.string().max(max * 2)
const delivery = z.discriminatedUnion('method', [
  z
    .object({
      method: z.literal('address'),
      name: text(RECIPIENT_NAME_MAX),
      phone: z.string().max(30),
      region: text(REGION_MAX),
      detail: text(ADDRESS_DETAIL_MAX),
    })
    .strict(),
  z.object({ method: z.literal('pickup'), place: text(PICKUP_PLACE_MAX) }).strict(),
])

const orderFilter = {
  status: z.enum(ORDER_STATUSES).optional(),
  itemId: id.optional(),
}

export const mallInputs = {
  items: z.object({ limit, cursor }).strict(),
  item: z.object({ id }).strict(),
  /** `delivery` is needed for physical gifts (core/delivery.needsDelivery) and ignored for the rest. */
  redeem: z.object({ itemId: id, requestId, delivery: delivery.optional() }).strict(),
  myOrders: z.object({ limit, cursor }).strict(),
  inventory: z.object({ limit, cursor }).strict(),
  wearTitle: z.object({ title: z.string().trim().min(1).max(TITLE_TEXT_MAX).nullable() }).strict(),
  cancelOrder: z.object({ id }).strict(),
  adminItems: z.object({ limit, cursor }).strict(),
  /** Without `id` a new item (its id comes from `requestId`); with `id` an edit of that item. */
  saveItem: z.object({ id: id.optional(), requestId, item: itemFields }).strict(),
  setShelf: z.object({ id, onShelf: z.boolean() }).strict(),
  orders: z.object({ ...orderFilter, limit, cursor }).strict(),
  fulfil: z
    .object({
      id,
      // Needed for codes and in-app orders (core/mall.fulfilNoteRequired); optional for a handover or a parcel received.
      note: z.string().trim().max(ORDER_NOTE_MAX, `最多 ${ORDER_NOTE_MAX} 字`).optional(),
    })
    .strict(),
  /** Shapes only; core/delivery.shipmentProblems decides (one message per field). */
  ship: z.object({ id, carrier: text(CARRIER_MAX), trackingNo: text(TRACKING_NO_MAX) }).strict(),
  exportOrders: z.object({ ...orderFilter, cursor }).strict(),
}

export type MallInputs = { [K in keyof typeof mallInputs]: z.input<(typeof mallInputs)[K]> }
export type ItemInput = z.input<typeof itemFields>

export interface MallPage<T> {
  items: T[]
  nextCursor: string | null
}

export interface ItemView extends ItemFields {
  id: string
  /** What the viewer may see of `images`, drawable anywhere (temp URLs); unchecked uploads stay out. */
  imageUrls: string[]
  kindName: string
  limitText: string
  minLevelName: string
  cardCount: number | null
  titleText: string | null
  createdAt: string
}

export interface ItemDetail {
  item: ItemView
  balance: number
  level: Level
  levelName: string
  /** Live orders of this member for this item in the limit's current period. */
  used: number
  /** Why the member cannot redeem it now (Chinese), or null. */
  refusal: string | null
}

export interface MallShelf extends MallPage<ItemView> {
  balance: number
  levelName: string
}

export interface OrderView {
  id: string
  itemId: string
  itemName: string
  kind: ItemKind
  kindName: string
  price: number
  status: OrderStatus
  /** The status in the words of this order's route (待发货 / 待领取 / 待发放…). */
  statusName: string
  /** address (posted), pickup (offline) or none (in the app: codes, virtual items, older orders). */
  route: OrderRoute
  /** Where a physical gift goes; null for the rest. */
  delivery: Delivery | null
  /** The courier and tracking number once shipped. */
  shipment: Shipment | null
  /** Code or delivery note, once fulfilled. */
  note: string | null
  nickname: string
  createdAt: string
  updatedAt: string
}

export interface RedeemResult {
  order: OrderView
  balance: number
  /** True when this requestId had already made the order: nothing changed this time. */
  duplicate: boolean
}

export interface OrderChange {
  order: OrderView
  duplicate: boolean
  /** Whether the member was told by subscribe message (false without a subscription). */
  notified: boolean
}

export interface Inventory {
  makeupCards: number
  titles: string[]
  /** The title worn beside the name, or null. */
  title: string | null
  /** Codes and coupons received, newest first (paged). */
  codes: MallPage<OrderView>
}

/** One numbered file of the orders export (the one export format, core/csv). */
export type OrdersExport = ExportPart

export interface MallOutputs {
  items: MallShelf
  item: ItemDetail
  redeem: RedeemResult
  myOrders: MallPage<OrderView>
  inventory: Inventory
  wearTitle: { title: string | null }
  cancelOrder: OrderChange
  adminItems: MallPage<ItemView>
  saveItem: ItemView
  setShelf: ItemView
  orders: MallPage<OrderView>
  fulfil: OrderChange
  ship: OrderChange
  exportOrders: OrdersExport
}
