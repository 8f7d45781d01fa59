/** The points mall's pure rules (SPEC §6): item validation, limit periods, the level gate, refusals, orders. */
import {
  ITEM_KINDS,
  canMoveOrder,
  deliveredAtOnce,
  itemProblems,
  limitCounterId,
  limitPeriodKey,
  limitText,
  meetsLevel,
  orderId,
  orderRefundSource,
  orderSpendSource,
  redeemRefusal,
  type ItemDraft,
  type RedeemCheck,
} from '../../cloudfunctions/core/mall'
import { can } from '../../cloudfunctions/core/rights'

const draft = (over: Partial<ItemDraft> = {}): ItemDraft => ({
  kind: 'physical',
  name: '书签',
  description: '',
  images: [],
  price: 30,
  stock: 10,
  limit: null,
  minLevel: 'newcomer',
  onShelf: true,
  ...over,
})

describe('item validation', () => {
  it('accepts a plain item of every kind once its kind-specific field is there', () => {
    expect(itemProblems(draft())).toBeNull()
    expect(itemProblems(draft({ kind: 'coupon' }))).toBeNull()
    expect(itemProblems(draft({ kind: 'makeup_card', cardCount: 1 }))).toBeNull()
    expect(itemProblems(draft({ kind: 'title', titleText: '书虫' }))).toBeNull()
    expect(ITEM_KINDS).toHaveLength(4)
  })

  it('names every field that is wrong, in Chinese', () => {
    expect(
      itemProblems(
        draft({
          name: '  ',
          description: '字'.repeat(501),
          images: ['ftp://x'],
          price: 0,
          stock: -1,
          limit: { count: 0, period: 'month' },
        }),
      ),
    ).toEqual({
      name: '请填写商品名称',
      description: '介绍最多 500 字',
      images: '图片无效，请重新上传',
      price: '价格需为 1–1000000 的整数',
      stock: '库存需为 0–100000 的整数',
      limit: '限兑次数需为 1–100 的整数',
    })
    expect(itemProblems(draft({ name: '长'.repeat(31) }))?.name).toBe('名称最多 30 字')
    expect(itemProblems(draft({ price: 1.5 }))?.price).toBeDefined()
    expect(itemProblems(draft({ images: Array(7).fill('https://a.b/c.png') }))?.images).toBe('最多 6 张图片')
    expect(itemProblems(draft({ kind: 'makeup_card', cardCount: 11 }))?.cardCount).toBe(
      '每份补签卡张数需为 1–10',
    )
    expect(itemProblems(draft({ kind: 'title' }))?.titleText).toBe('请填写头衔文字')
    expect(itemProblems(draft({ kind: 'title', titleText: '九个字的超长头衔啊' }))?.titleText).toBe(
      '头衔最多 8 字',
    )
  })

  it('allows a stock of 0 (sold out) and boundary prices', () => {
    expect(itemProblems(draft({ stock: 0, price: 1 }))).toBeNull()
    expect(itemProblems(draft({ price: 1_000_000, stock: 100_000 }))).toBeNull()
  })
})

describe('limits and their periods', () => {
  it('counts per Asia/Shanghai month or in total', () => {
    // 15:59:59 UTC on 30 Nov is still November in Shanghai; a second later it is December.
    expect(limitPeriodKey('month', new Date('2026-11-30T15:59:59Z'))).toBe('2026-11')
    expect(limitPeriodKey('month', new Date('2026-11-30T16:00:00Z'))).toBe('2026-12')
    expect(limitPeriodKey('total', new Date('2026-11-30T16:00:00Z'))).toBe('total')
    expect(limitCounterId('c1', 'o1', 'i1', '2026-12')).toBe('c1:o1:i1:2026-12')
  })

  it('describes a limit', () => {
    expect(limitText(null)).toBe('不限兑')
    expect(limitText({ count: 2, period: 'month' })).toBe('每月限兑 2 次')
    expect(limitText({ count: 1, period: 'total' })).toBe('每人限兑 1 次')
  })
})

describe('the level gate', () => {
  it('lets a member redeem items at or below their level', () => {
    expect(meetsLevel('newcomer', 'newcomer')).toBe(true)
    expect(meetsLevel('newcomer', 'advanced')).toBe(false)
    expect(meetsLevel('core', 'advanced')).toBe(true)
    expect(meetsLevel('advanced', 'core')).toBe(false)
  })
})

describe('why a redemption is refused', () => {
  const ok: RedeemCheck = {
    onShelf: true,
    stock: 1,
    price: 100,
    minLevel: 'newcomer',
    limit: { count: 1, period: 'total' },
    level: 'newcomer',
    balance: 100,
    used: 0,
  }

  it('lets an exact balance and the last unit through', () => {
    expect(redeemRefusal(ok)).toBeNull()
  })

  it('refuses in a fixed order: shelf, level, stock, limit, balance', () => {
    expect(redeemRefusal({ ...ok, onShelf: false, stock: 0 })?.code).toBe('ITEM_OFF_SHELF')
    expect(redeemRefusal({ ...ok, minLevel: 'core', stock: 0 })).toEqual({
      code: 'LEVEL_TOO_LOW',
      message: '等级不够：需要核心及以上',
    })
    expect(redeemRefusal({ ...ok, stock: 0, used: 1 })).toEqual({ code: 'SOLD_OUT', message: '已兑完' })
    expect(redeemRefusal({ ...ok, used: 1, balance: 0 })).toEqual({
      code: 'LIMIT_REACHED',
      message: '超出限兑：每人限兑 1 次',
    })
    expect(redeemRefusal({ ...ok, balance: 99 })).toEqual({
      code: 'INSUFFICIENT_POINTS',
      message: '积分不足：需要 100 分，当前 99 分',
    })
    expect(redeemRefusal({ ...ok, limit: null, used: 50 })).toBeNull()
  })
})

describe('orders', () => {
  it('moves pending to fulfilled or cancelled, and nothing else', () => {
    expect(canMoveOrder('pending', 'fulfilled')).toBe(true)
    expect(canMoveOrder('pending', 'cancelled')).toBe(true)
    expect(canMoveOrder('fulfilled', 'cancelled')).toBe(false)
    expect(canMoveOrder('cancelled', 'fulfilled')).toBe(false)
    expect(canMoveOrder('cancelled', 'pending')).toBe(false)
    expect(canMoveOrder('pending', 'pending')).toBe(false)
  })

  it('derives the order and its ledger sources from the request, so a retry can only repeat them', () => {
    expect(orderId('c1', 'o1', 'req-12345678')).toBe('c1:o1:req-12345678')
    expect(orderSpendSource('req-12345678')).toBe('mall:req-12345678')
    expect(orderRefundSource('req-12345678')).toBe('mall-refund:req-12345678')
  })

  it('delivers virtual items at once; physical gifts and coupons wait for an admin', () => {
    expect(deliveredAtOnce('makeup_card')).toBe(true)
    expect(deliveredAtOnce('title')).toBe(true)
    expect(deliveredAtOnce('physical')).toBe(false)
    expect(deliveredAtOnce('coupon')).toBe(false)
  })

  it('lets owners and admins manage the mall', () => {
    expect(
      ['owner', 'admin', 'organiser', 'volunteer', 'member'].map((r) => can(r as never, 'mall')),
    ).toEqual([true, true, false, false, false])
  })
})
