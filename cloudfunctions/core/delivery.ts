/**
 * How a physical reward reaches the member (SPEC §6): posted to an address, or picked up offline,
 * and the parcel's carrier and tracking number once shipped. What a valid address is, in words a
 * member reads, lives here once: the redeem sheet checks with it before sending and the mall
 * function decides with it. Pure.
 */

export const DELIVERY_METHODS = ['address', 'pickup'] as const
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number]

/** Posted to the member: who receives it, their mainland mobile, the region (省 市 区) and the street. */
export interface AddressDelivery {
  method: 'address'
  name: string
  phone: string
  region: string
  detail: string
}

/** Picked up offline: where or when, in the member's words (or the default). */
export interface PickupDelivery {
  method: 'pickup'
  place: string
}

export type Delivery = AddressDelivery | PickupDelivery

/** A shipped parcel: the courier company and its tracking number. */
export interface Shipment {
  carrier: string
  trackingNo: string
}

export const PICKUP_DEFAULT = '线下活动现场领取'
export const RECIPIENT_NAME_MAX = 20
export const REGION_MAX = 40
export const ADDRESS_DETAIL_MAX = 100
export const PICKUP_PLACE_MAX = 40
export const CARRIER_MAX = 20
export const TRACKING_NO_MAX = 40

/** A mainland China mobile number: 11 digits starting 13–19. */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/

/** Only physical gifts travel; virtual items and codes are delivered inside the app. */
export function needsDelivery(kind: string): boolean {
  return kind === 'physical'
}

/** A phone as people type it (spaces, dashes, +86) reduced to its 11 digits. */
export function normalPhone(phone: string): string {
  return phone.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '')
}

/** The delivery as stored: trimmed, the phone normalised, a blank pickup place the default. */
export function cleanDelivery(d: Delivery): Delivery {
  if (d.method === 'pickup') return { method: 'pickup', place: d.place.trim() || PICKUP_DEFAULT }
  return {
    method: 'address',
    name: d.name.trim(),
    phone: normalPhone(d.phone),
    region: d.region.trim().replace(/\s+/g, ' '),
    detail: d.detail.trim(),
  }
}

/** What is wrong with a delivery, keyed by field (the sheet shows them beside the fields), or null. */
export function deliveryProblems(given: Delivery): Record<string, string> | null {
  const d = cleanDelivery(given)
  const problems: Record<string, string> = {}
  if (d.method === 'pickup') {
    if (d.place.length > PICKUP_PLACE_MAX) problems.place = `领取说明最多 ${PICKUP_PLACE_MAX} 字`
  } else {
    if (!d.name) problems.name = '请填写收件人姓名'
    else if (d.name.length > RECIPIENT_NAME_MAX) problems.name = `收件人姓名最多 ${RECIPIENT_NAME_MAX} 字`
    if (!d.phone) problems.phone = '请填写收件人手机号'
    else if (!MAINLAND_MOBILE.test(d.phone)) problems.phone = '手机号需为 11 位大陆手机号，如 13812345678'
    if (!d.region) problems.region = '请填写所在地区（省 市 区）'
    else if (d.region.length > REGION_MAX) problems.region = `所在地区最多 ${REGION_MAX} 字`
    if (!d.detail) problems.detail = '请填写详细地址（街道、门牌号）'
    else if (d.detail.length > ADDRESS_DETAIL_MAX) problems.detail = `详细地址最多 ${ADDRESS_DETAIL_MAX} 字`
  }
  return Object.keys(problems).length ? problems : null
}

/** What is wrong with a shipment, keyed by field, or null. */
export function shipmentProblems(s: Shipment): Record<string, string> | null {
  const problems: Record<string, string> = {}
  const carrier = s.carrier.trim()
  const trackingNo = s.trackingNo.trim()
  if (!carrier) problems.carrier = '请填写快递公司'
  else if (carrier.length > CARRIER_MAX) problems.carrier = `快递公司最多 ${CARRIER_MAX} 字`
  if (!trackingNo) problems.trackingNo = '请填写快递单号'
  else if (trackingNo.length > TRACKING_NO_MAX) problems.trackingNo = `快递单号最多 ${TRACKING_NO_MAX} 位`
  else if (!/^[A-Za-z0-9-]+$/.test(trackingNo)) problems.trackingNo = '快递单号只能包含字母、数字和 -'
  return Object.keys(problems).length ? problems : null
}

/** The delivery in one or two lines, as the member's orders, the queue and the export show it. */
export function deliveryLines(d: Delivery): string[] {
  if (d.method === 'pickup') return [`线下领取：${d.place}`]
  if (!d.name && !d.phone && !d.detail) return ['收货地址已删除']
  return [`${d.name} ${d.phone}`, `${d.region} ${d.detail}`.trim()]
}

export function shipmentText(s: Shipment): string {
  return `${s.carrier} ${s.trackingNo}`
}
