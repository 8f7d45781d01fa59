/**
 * Demo mall for 晨光读书会: books, bookmarks, a make-up card, the title 「书虫」, a bookshop coupon, one
 * sold-out, one off-shelf and one level-gated item, and orders in every state (posted gifts with made-up
 * addresses, some shipped; pickups). Each order has its spend row in the ledger (and a cancelled one its
 * refund row), the members' balances follow from those rows (seeds/context refreshDerived), stock and
 * limit counters agree with the live orders, so `npm run verify:ledger` stays at 0.
 */
import { memberId } from '../../../cloudfunctions/core/community'
import type { Delivery, Shipment } from '../../../cloudfunctions/core/delivery'
import type { Level } from '../../../cloudfunctions/core/levels'
import {
  deliveredAtOnce,
  limitCounterId,
  limitPeriodKey,
  meetsLevel,
  orderId,
  orderRefundReason,
  orderRefundSource,
  orderSpendReason,
  orderSpendSource,
  type ItemKind,
  type ItemLimit,
  type OrderStatus,
} from '../../../cloudfunctions/core/mall'
import { ledgerId } from '../../../cloudfunctions/core/points'
import { DAY_MS } from '../../../cloudfunctions/core/time'
import { PERSONAS } from '../demo'
import { writeLedger, type SeedContext } from './context'

const DAY = DAY_MS

interface SeedItem {
  slug: string
  kind: ItemKind
  name: string
  description: string
  price: number
  /** Stock before the seeded orders; what is left is this minus the live orders. */
  initialStock: number
  limit: ItemLimit | null
  minLevel: Level
  onShelf: boolean
  cardCount?: number
  titleText?: string
  daysAgo: number
}

const ITEMS: SeedItem[] = [
  {
    slug: 'little-prince',
    kind: 'physical',
    name: '《小王子》纪念版',
    description: '精装插图纪念版，附读书会藏书票一枚。兑换后 3 个工作日内寄出。',
    price: 800,
    initialStock: 8,
    limit: { count: 1, period: 'total' },
    minLevel: 'newcomer',
    onShelf: true,
    daysAgo: 40,
  },
  {
    slug: 'bookmarks',
    kind: 'physical',
    name: '晨光定制书签（5 枚）',
    description: '黄铜镂空书签，五款读书会原创图案。',
    price: 150,
    initialStock: 40,
    limit: { count: 2, period: 'month' },
    minLevel: 'newcomer',
    onShelf: true,
    daysAgo: 35,
  },
  {
    slug: 'makeup-card',
    kind: 'makeup_card',
    name: '补签卡',
    description: '漏打卡时补签一天，兑换后直接放入背包。',
    price: 100,
    initialStock: 999,
    limit: { count: 3, period: 'month' },
    minLevel: 'newcomer',
    onShelf: true,
    cardCount: 1,
    daysAgo: 30,
  },
  {
    slug: 'title-bookworm',
    kind: 'title',
    name: '专属头衔「书虫」',
    description: '佩戴后显示在昵称旁，排行榜上也能看到。',
    price: 300,
    initialStock: 100,
    limit: { count: 1, period: 'total' },
    minLevel: 'newcomer',
    onShelf: true,
    titleText: '书虫',
    daysAgo: 28,
  },
  {
    slug: 'bookshop-coupon',
    kind: 'coupon',
    name: '合作书店 8 折券',
    description: '城南「慢读书店」全场 8 折，管理员发放兑换码，有效期 30 天。',
    price: 200,
    initialStock: 20,
    limit: { count: 1, period: 'month' },
    minLevel: 'newcomer',
    onShelf: true,
    daysAgo: 20,
  },
  {
    slug: 'signed-book',
    kind: 'physical',
    name: '作者签名本《额尔古纳河右岸》',
    description: '读书会活动时作者亲签，数量有限。',
    price: 1200,
    initialStock: 3,
    limit: { count: 1, period: 'total' },
    minLevel: 'advanced',
    onShelf: true,
    daysAgo: 18,
  },
  {
    slug: 'tote-bag',
    kind: 'physical',
    name: '读书会帆布袋',
    description: '旧款帆布袋，新款设计中，暂时下架。',
    price: 400,
    initialStock: 15,
    limit: null,
    minLevel: 'newcomer',
    onShelf: false,
    daysAgo: 60,
  },
  {
    slug: 'salon-seat',
    kind: 'physical',
    name: '核心读者线下沙龙席位',
    description: '每月一次的线下读书沙龙，限核心成员兑换，含茶歇。',
    price: 600,
    initialStock: 8,
    limit: { count: 1, period: 'month' },
    minLevel: 'core',
    onShelf: true,
    daysAgo: 10,
  },
]

interface SeedOrder {
  /** A persona's openid, or the rank among the members with the highest balance (0 = richest). */
  who: string | number
  item: string
  status: OrderStatus
  note?: string
  /** Physical gifts: posted (a demo address is made up) or picked up at this place. */
  delivery?: 'address' | { pickup: string }
  shipment?: Shipment
  daysAgo: number
}

const REGIONS = [
  '浙江省 杭州市 西湖区',
  '上海市 上海市 徐汇区',
  '江苏省 南京市 鼓楼区',
  '广东省 深圳市 南山区',
]

/** A made-up address for the n-th seeded order (numbers in the 1380013xxxx demo range). */
function demoDelivery(spec: SeedOrder['delivery'], nickname: string, n: number): Delivery | null {
  if (!spec) return null
  if (spec !== 'address') return { method: 'pickup', place: spec.pickup }
  return {
    method: 'address',
    name: nickname,
    phone: `1380013${String(n).padStart(4, '0')}`,
    region: REGIONS[n % REGIONS.length],
    detail: `读书路 ${n + 1} 号 ${(n % 6) + 1} 幢 ${100 + n}`,
  }
}

const ORDERS: SeedOrder[] = [
  { who: 'demo-member', item: 'makeup-card', status: 'fulfilled', daysAgo: 3 },
  {
    who: 'demo-member',
    item: 'bookmarks',
    status: 'pending',
    delivery: { pickup: '线下活动现场领取' },
    daysAgo: 1,
  },
  { who: 'demo-organiser', item: 'title-bookworm', status: 'fulfilled', daysAgo: 6 },
  {
    who: 'demo-admin',
    item: 'bookshop-coupon',
    status: 'fulfilled',
    note: '兑换码 MD-8F3K-27QX',
    daysAgo: 9,
  },
  {
    who: 0,
    item: 'signed-book',
    status: 'fulfilled',
    delivery: 'address',
    shipment: { carrier: '顺丰', trackingNo: 'SF1402338755521' },
    daysAgo: 15,
  },
  {
    who: 1,
    item: 'signed-book',
    status: 'shipped',
    delivery: 'address',
    shipment: { carrier: '顺丰', trackingNo: 'SF1402338755539' },
    daysAgo: 14,
  },
  { who: 2, item: 'signed-book', status: 'fulfilled', delivery: { pickup: '11 月读书会现场' }, daysAgo: 12 },
  {
    who: 3,
    item: 'little-prince',
    status: 'fulfilled',
    delivery: 'address',
    shipment: { carrier: '中通', trackingNo: '78312290114' },
    daysAgo: 11,
  },
  { who: 4, item: 'little-prince', status: 'cancelled', delivery: 'address', daysAgo: 8 },
  { who: 5, item: 'little-prince', status: 'pending', delivery: 'address', daysAgo: 2 },
  { who: 6, item: 'little-prince', status: 'pending', delivery: { pickup: '线下活动现场领取' }, daysAgo: 1 },
  { who: 7, item: 'bookshop-coupon', status: 'fulfilled', note: '兑换码 MD-2H9P-61LA', daysAgo: 5 },
  { who: 8, item: 'bookshop-coupon', status: 'pending', daysAgo: 1 },
  {
    who: 'demo-owner',
    item: 'salon-seat',
    status: 'pending',
    delivery: { pickup: '12 月沙龙签到处' },
    daysAgo: 2,
  },
  { who: 10, item: 'makeup-card', status: 'fulfilled', daysAgo: 4 },
  { who: 11, item: 'title-bookworm', status: 'fulfilled', daysAgo: 7 },
  { who: 12, item: 'bookmarks', status: 'fulfilled', note: '随活动资料一起寄出', daysAgo: 6 },
]

interface MemberState {
  _id: string
  openid: string
  nickname: string
  level: Level
  balance: number
  totalEarned: number
  makeupCards: number
  ownedTitles: string[]
}

export async function seedMall(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const community = ctx.communities[0]
  const cid = community.id

  async function load(openid: string): Promise<MemberState> {
    const res = (await db.collection('members').doc(memberId(cid, openid)).get()) as unknown as {
      data: MemberState | MemberState[]
    }
    const doc = Array.isArray(res.data) ? res.data[0] : res.data
    return {
      ...doc,
      _id: memberId(cid, openid),
      makeupCards: doc.makeupCards ?? 0,
      ownedTitles: doc.ownedTitles ?? [],
    }
  }

  // The members with the highest balance (not personas), by balance then openid: deterministic.
  const others = community.members
    .filter((m) => m.role === 'member' && !PERSONAS.some((p) => p.openid === m.openid))
    .sort((a, b) => b.totalEarned - b.spent - (a.totalEarned - a.spent) || a.openid.localeCompare(b.openid))
  const states = new Map<string, MemberState>()
  async function memberFor(who: string | number, item: SeedItem): Promise<MemberState | null> {
    // Ranked members: the next richest one who meets the item's level.
    const candidates = typeof who === 'string' ? [who] : others.slice(who).map((m) => m.openid)
    for (const openid of candidates) {
      const state = states.get(openid) ?? (await load(openid))
      states.set(openid, state)
      if (meetsLevel(state.level, item.minLevel) && state.balance >= item.price) return state
    }
    return null
  }

  const items = new Map(ITEMS.map((i) => [i.slug, { ...i, id: `${cid}:seed-${i.slug}`, live: 0 }]))
  const counters = new Map<string, { count: number; openid: string; itemId: string }>()
  const used = new Set<string>()
  let orders = 0
  for (const [n, o] of ORDERS.entries()) {
    const item = items.get(o.item)!
    let member = await memberFor(o.who, item)
    // One order per member and item in the seed, so limits of 1 hold.
    while (member && used.has(`${member.openid}:${item.slug}`) && typeof o.who === 'number')
      member = await memberFor(others.findIndex((m) => m.openid === member!.openid) + 1, item)
    if (!member) continue
    used.add(`${member.openid}:${item.slug}`)
    const at = new Date(now.getTime() - o.daysAgo * DAY - (n % 5) * 3600_000)
    const requestId = `seed-mall-${String(n).padStart(3, '0')}`
    const spendSource = orderSpendSource(requestId)
    // The member's balance here only plans the next orders; the stored one follows from the rows.
    member.balance -= item.price
    const cancelledAt = new Date(at.getTime() + DAY)
    const refundSource = orderRefundSource(requestId)
    const refundLedgerId = o.status === 'cancelled' ? ledgerId(cid, member.openid, refundSource) : null
    if (refundLedgerId) member.balance += item.price
    await writeLedger(db, [
      {
        communityId: cid,
        openid: member.openid,
        kind: 'spend',
        delta: -item.price,
        reason: orderSpendReason(item.name),
        source: spendSource,
        at,
      },
      ...(refundLedgerId
        ? [
            {
              communityId: cid,
              openid: member.openid,
              kind: 'refund' as const,
              delta: item.price,
              reason: orderRefundReason(item.name),
              source: refundSource,
              by: 'demo-admin',
              at: cancelledAt,
            },
          ]
        : []),
    ])
    let note = o.note ?? null
    if (o.status === 'fulfilled' && deliveredAtOnce(item.kind)) {
      if (item.kind === 'makeup_card') {
        member.makeupCards += item.cardCount ?? 1
        note = `${item.cardCount ?? 1} 张补签卡已放入背包`
      } else if (item.titleText) {
        member.ownedTitles = [...member.ownedTitles, item.titleText]
        note = `已获得头衔「${item.titleText}」，可在背包中佩戴`
      }
    }
    const live = o.status !== 'cancelled'
    const limitId = item.limit
      ? limitCounterId(cid, member.openid, item.id, limitPeriodKey(item.limit.period, at))
      : null
    if (live) {
      item.live++
      if (limitId) {
        const c = counters.get(limitId) ?? { count: 0, openid: member.openid, itemId: item.id }
        c.count++
        counters.set(limitId, c)
      }
    }
    await db
      .collection('mall_orders')
      .doc(orderId(cid, member.openid, requestId))
      .set({
        data: {
          communityId: cid,
          openid: member.openid,
          nickname: member.nickname,
          requestId,
          itemId: item.id,
          itemName: item.name,
          kind: item.kind,
          price: item.price,
          limitId,
          status: o.status,
          delivery: demoDelivery(o.delivery, member.nickname, n),
          shipment: o.shipment ?? null,
          note,
          spendLedgerId: ledgerId(cid, member.openid, spendSource),
          refundLedgerId,
          cardCount: item.kind === 'makeup_card' ? (item.cardCount ?? 1) : null,
          titleText: item.kind === 'title' ? (item.titleText ?? null) : null,
          handledBy: o.status === 'pending' || deliveredAtOnce(item.kind) ? null : 'demo-admin',
          createdAt: at,
          updatedAt: o.status === 'pending' ? at : cancelledAt,
        },
      })
    orders++
  }

  for (const item of items.values()) {
    await db
      .collection('mall_items')
      .doc(item.id)
      .set({
        data: {
          communityId: cid,
          kind: item.kind,
          name: item.name,
          description: item.description,
          images: [],
          price: item.price,
          stock: Math.max(0, item.initialStock - item.live),
          limit: item.limit,
          minLevel: item.minLevel,
          onShelf: item.onShelf,
          cardCount: item.kind === 'makeup_card' ? (item.cardCount ?? 1) : null,
          titleText: item.kind === 'title' ? (item.titleText ?? null) : null,
          createdBy: 'demo-owner',
          createdAt: new Date(now.getTime() - item.daysAgo * DAY),
          updatedAt: new Date(now.getTime() - item.daysAgo * DAY),
        },
      })
  }
  for (const [id, c] of counters)
    await db
      .collection('mall_limits')
      .doc(id)
      .set({ data: { count: c.count, communityId: cid, openid: c.openid, itemId: c.itemId } })
  for (const m of states.values()) {
    const update: Record<string, unknown> = {
      makeupCards: m.makeupCards,
      ownedTitles: m.ownedTitles,
    }
    // 陈一帆 wears the title; 小雨 has none yet.
    if (m.openid === 'demo-organiser' && m.ownedTitles.length) update.title = m.ownedTitles[0]
    await db.collection('members').doc(m._id).update({ data: update })
  }
  return `${ITEMS.length} mall items, ${orders} orders`
}
