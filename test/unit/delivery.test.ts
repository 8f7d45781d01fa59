/** Delivery of physical gifts and the order state machine (core/delivery, core/mall): pure rules. */
import {
  cleanDelivery,
  deliveryLines,
  deliveryProblems,
  needsDelivery,
  shipmentProblems,
  type AddressDelivery,
} from '../../cloudfunctions/core/delivery'
import { erasedDelivery } from '../../cloudfunctions/core/erasure'
import {
  canMoveOrder,
  fulfilNoteRequired,
  orderMoveRefusal,
  orderRoute,
  orderStatusName,
} from '../../cloudfunctions/core/mall'

const home = (over: Partial<AddressDelivery> = {}): AddressDelivery => ({
  method: 'address',
  name: '王小雨',
  phone: '13812345678',
  region: '浙江省 杭州市 西湖区',
  detail: '文三路 90 号 3 幢 201',
  ...over,
})

describe('delivery', () => {
  it('only physical gifts need one', () => {
    expect(needsDelivery('physical')).toBe(true)
    expect(['coupon', 'makeup_card', 'title'].map(needsDelivery)).toEqual([false, false, false])
  })

  it('accepts an address and normalises the phone as people type it', () => {
    expect(deliveryProblems(home())).toBeNull()
    expect(deliveryProblems(home({ phone: '+86 138-1234-5678' }))).toBeNull()
    expect(cleanDelivery(home({ phone: '+86 138-1234-5678', name: ' 王小雨 ' }))).toEqual(home())
  })

  it('refuses a bad address field by field, in plain Chinese', () => {
    expect(deliveryProblems(home({ phone: '12812345678' }))).toEqual({
      phone: '手机号需为 11 位大陆手机号，如 13812345678',
    })
    expect(deliveryProblems(home({ phone: '1381234567' }))?.phone).toMatch('11 位大陆手机号')
    expect(deliveryProblems(home({ phone: '010-12345678' }))?.phone).toMatch('11 位大陆手机号')
    expect(deliveryProblems({ method: 'address', name: ' ', phone: '', region: '', detail: '' })).toEqual({
      name: '请填写收件人姓名',
      phone: '请填写收件人手机号',
      region: '请填写所在地区（省 市 区）',
      detail: '请填写详细地址（街道、门牌号）',
    })
    expect(deliveryProblems(home({ detail: '路'.repeat(101) }))).toEqual({ detail: '详细地址最多 100 字' })
  })

  it('a pickup needs nothing typed: a blank place is the activity default', () => {
    expect(deliveryProblems({ method: 'pickup', place: '' })).toBeNull()
    expect(cleanDelivery({ method: 'pickup', place: '  ' })).toEqual({
      method: 'pickup',
      place: '线下活动现场领取',
    })
    expect(deliveryProblems({ method: 'pickup', place: '地'.repeat(41) })).toEqual({
      place: '领取说明最多 40 字',
    })
  })

  it('checks a shipment: carrier and a tracking number of letters and digits', () => {
    expect(shipmentProblems({ carrier: '顺丰', trackingNo: 'SF1234567890' })).toBeNull()
    expect(shipmentProblems({ carrier: '', trackingNo: '' })).toEqual({
      carrier: '请填写快递公司',
      trackingNo: '请填写快递单号',
    })
    expect(shipmentProblems({ carrier: '顺丰', trackingNo: 'SF 123' })).toEqual({
      trackingNo: '快递单号只能包含字母、数字和 -',
    })
  })

  it('reads as lines, and erasure drops the address but keeps the route and a pickup place', () => {
    expect(deliveryLines(home())).toEqual([
      '王小雨 13812345678',
      '浙江省 杭州市 西湖区 文三路 90 号 3 幢 201',
    ])
    const erased = erasedDelivery(home())
    expect(erased).toEqual({ method: 'address', name: '', phone: '', region: '', detail: '' })
    expect(deliveryLines(erased!)).toEqual(['收货地址已删除'])
    expect(erasedDelivery({ method: 'pickup', place: '读书会现场' })).toEqual({
      method: 'pickup',
      place: '读书会现场',
    })
    expect(erasedDelivery(undefined)).toBeNull()
  })
})

describe('the order state machine', () => {
  it('posts a gift: pending → shipped → fulfilled; cancel only before it ships', () => {
    expect(canMoveOrder('pending', 'shipped', 'address')).toBe(true)
    expect(canMoveOrder('shipped', 'fulfilled', 'address')).toBe(true)
    expect(canMoveOrder('pending', 'cancelled', 'address')).toBe(true)
    expect(canMoveOrder('pending', 'fulfilled', 'address')).toBe(false)
    expect(orderMoveRefusal('pending', 'fulfilled', 'address')).toBe('请先填写快递公司和单号发货')
    expect(orderMoveRefusal('shipped', 'cancelled', 'address')).toBe('已发货的订单不能取消')
    expect(orderMoveRefusal('cancelled', 'shipped', 'address')).toBe('订单已取消，不能发货')
    expect(orderMoveRefusal('fulfilled', 'cancelled', 'address')).toBe('已发放的订单不能取消')
  })

  it('hands over a pickup or an in-app order: pending → fulfilled | cancelled; never shipped', () => {
    for (const route of ['pickup', 'none'] as const) {
      expect(canMoveOrder('pending', 'fulfilled', route)).toBe(true)
      expect(canMoveOrder('pending', 'cancelled', route)).toBe(true)
      expect(canMoveOrder('pending', 'shipped', route)).toBe(false)
      expect(canMoveOrder('fulfilled', 'cancelled', route)).toBe(false)
    }
    expect(orderMoveRefusal('pending', 'shipped', 'pickup')).toBe('这笔订单不需要快递发货')
    expect(orderMoveRefusal('pending', 'fulfilled', 'pickup')).toBeNull()
  })

  it('names each state in its route’s words', () => {
    expect(
      ['pending', 'shipped', 'fulfilled', 'cancelled'].map((s) => orderStatusName(s as never, 'address')),
    ).toEqual(['待发货', '已发货', '已完成', '已取消'])
    expect(orderStatusName('pending', 'pickup')).toBe('待领取')
    expect(orderStatusName('fulfilled', 'pickup')).toBe('已领取')
    expect(orderStatusName('pending', 'none')).toBe('待发放')
    expect(orderStatusName('fulfilled', 'none')).toBe('已发放')
  })

  it('routes by the stored delivery; a note is the delivery only for in-app orders', () => {
    expect(orderRoute(home())).toBe('address')
    expect(orderRoute({ method: 'pickup' })).toBe('pickup')
    expect(orderRoute(undefined)).toBe('none')
    expect(fulfilNoteRequired('none')).toBe(true)
    expect(fulfilNoteRequired('pickup')).toBe(false)
    expect(fulfilNoteRequired('address')).toBe(false)
  })
})
