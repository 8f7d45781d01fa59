/** The `mall` function through the local cloud and the real wx-server-sdk. */
import type { ActionResult } from '../../cloudfunctions/core/errors'
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
} from '../../cloudfunctions/core/contracts/mall'
import type { Delivery } from '../../cloudfunctions/core/delivery'
import { orderNumber } from '../../cloudfunctions/core/mall'
import { DELETE_ME_CONFIRMATION } from '../../cloudfunctions/core/erasure'
import { MESSAGE_TEMPLATES } from '../../cloudfunctions/core/notify'
import type { Database } from '../../cloudfunctions/runtime/cloud'
import { post } from '../../cloudfunctions/runtime/ledger'
import { now, startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'
import { addCommunity, addMember, countWhere, data, dbOf, errorCode, memberDoc } from './points-support'

jest.setTimeout(180_000)

let cloud: RunningCloud
let db: SdkDatabase

const call = <T>(event: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>('mall', event, openid)

let seq = 0
const rid = () => `req-${Date.now().toString(36)}-${(seq++).toString(36).padStart(5, '0')}`

/** Give a member points through the ledger, so balances stay the ledger's sum. */
async function give(communityId: string, openid: string, delta: number, at = now()) {
  await post(db as unknown as Database, {
    communityId,
    openid,
    source: `seed:${openid}:${delta}:${seq++}`,
    kind: 'earn',
    delta,
    reason: '测试积分',
    now: at,
  })
}

/** Where physical gifts go in these tests (redeem ignores it for the other kinds). */
const HOME: Delivery = {
  method: 'address',
  name: '王小雨',
  phone: '13812345678',
  region: '浙江省 杭州市 西湖区',
  detail: '文三路 90 号',
}

const baseItem = (over: Partial<ItemInput> = {}): ItemInput => ({
  kind: 'physical',
  name: '《小王子》纪念版',
  description: '精装，附藏书票',
  images: ['https://img.example.com/book.png'],
  price: 100,
  stock: 5,
  limit: null,
  minLevel: 'newcomer',
  onShelf: true,
  ...over,
})

async function addItem(over: Partial<ItemInput> = {}, by = 'o-adm'): Promise<ItemView> {
  return data(await call<ItemView>({ action: 'saveItem', requestId: rid(), item: baseItem(over) }, by))
}

async function itemDoc(id: string): Promise<{ stock: number }> {
  const res = (await db.collection('mall_items').where({ _id: id }).get()) as unknown as {
    data: { stock: number }[]
  }
  return res.data[0]
}

async function all<T>(collection: string, where: object): Promise<T[]> {
  const out: T[] = []
  for (;;) {
    const res = (await db
      .collection(collection)
      .where(where)
      .skip(out.length)
      .limit(1000)
      .get()) as unknown as {
      data: T[]
    }
    out.push(...res.data)
    if (res.data.length < 1000) return out
  }
}

beforeAll(async () => {
  cloud = await startCloud()
  db = dbOf(cloud)
  await cloud.setClock('2026-11-22T04:00:00.000Z')
  await addCommunity(db, 'c-a', '读书会')
  await addCommunity(db, 'c-b', '跑团')
  await addMember(db, 'c-a', 'o-own', { role: 'owner', nickname: '主理人' })
  await addMember(db, 'c-a', 'o-adm', { role: 'admin', nickname: '管理员小林' })
  await addMember(db, 'c-a', 'o-org', { role: 'organiser', nickname: '活动官' })
  for (const [openid, nickname] of [
    ['o-m1', '张三'],
    ['o-m2', '李四'],
    ['o-m3', '王五'],
  ])
    await addMember(db, 'c-a', openid, { nickname })
  await addMember(db, 'c-b', 'o-bown', { role: 'owner', nickname: '跑团团长' })
  await addMember(db, 'c-b', 'o-b1', { nickname: '跑跑' })
  await give('c-a', 'o-m1', 450)
  await give('c-a', 'o-m2', 300)
  await give('c-a', 'o-m3', 1000)
  await give('c-b', 'o-b1', 1000)
})

afterAll(() => cloud?.stop())

describe('items', () => {
  it('owners and admins manage items; organisers and members may not', async () => {
    const item = await addItem({ name: '书签套装', price: 30, stock: 20 }, 'o-own')
    expect(item).toMatchObject({
      name: '书签套装',
      kindName: '实物礼品',
      limitText: '不限兑',
      minLevelName: '新手',
    })
    const save = { action: 'saveItem', requestId: rid(), item: baseItem() }
    expect(errorCode(await call(save, 'o-org'))).toBe('FORBIDDEN')
    expect(errorCode(await call(save, 'o-m1'))).toBe('FORBIDDEN')
    expect(errorCode(await call({ action: 'adminItems' }, 'o-m1'))).toBe('FORBIDDEN')
    expect(errorCode(await call({ action: 'orders' }, 'o-org'))).toBe('FORBIDDEN')
  })

  it('a retried create makes one item; an edit changes it', async () => {
    const requestId = rid()
    const save = { action: 'saveItem', requestId, item: baseItem({ name: '帆布袋' }) }
    const [a, b] = await Promise.all([call<ItemView>(save, 'o-adm'), call<ItemView>(save, 'o-adm')])
    expect(data(a).id).toBe(data(b).id)
    expect(await countWhere(db, 'mall_items', { communityId: 'c-a', name: '帆布袋' })).toBe(1)
    const edited = data(
      await call<ItemView>(
        {
          action: 'saveItem',
          id: data(a).id,
          requestId: rid(),
          item: baseItem({ name: '帆布袋（大）', stock: 3 }),
        },
        'o-adm',
      ),
    )
    expect(edited).toMatchObject({ id: data(a).id, name: '帆布袋（大）', stock: 3 })
  })

  it('refuses a bad item with field messages, and changes nothing', async () => {
    const before = await countWhere(db, 'mall_items', { communityId: 'c-a' })
    const res = await call(
      { action: 'saveItem', requestId: rid(), item: baseItem({ kind: 'title', titleText: '' }) },
      'o-adm',
    )
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('INVALID_INPUT')
      expect(res.error.fields?.['item.titleText']).toBe('请填写头衔文字')
    }
    const neg = await call({ action: 'saveItem', requestId: rid(), item: baseItem({ price: 0 }) }, 'o-adm')
    expect(!neg.ok && neg.error.fields?.['item.price']).toBe('价格不能小于 1')
    expect(await countWhere(db, 'mall_items', { communityId: 'c-a' })).toBe(before)
  })

  it('members see on-shelf items only; off the shelf an item cannot be redeemed', async () => {
    const item = await addItem({ name: '已下架的笔记本', onShelf: false })
    const shelf = data(await call<MallShelf>({ action: 'items', limit: 100 }, 'o-m1'))
    expect(shelf.items.map((i) => i.id)).not.toContain(item.id)
    expect(shelf.balance).toBe(450)
    const res = await call({ action: 'redeem', delivery: HOME, itemId: item.id, requestId: rid() }, 'o-m1')
    expect(errorCode(res)).toBe('ITEM_OFF_SHELF')
    const on = data(await call<ItemView>({ action: 'setShelf', id: item.id, onShelf: true }, 'o-adm'))
    expect(on.onShelf).toBe(true)
    const again = data(await call<MallShelf>({ action: 'items', limit: 100 }, 'o-m1'))
    expect(again.items.map((i) => i.id)).toContain(item.id)
    await call({ action: 'setShelf', id: item.id, onShelf: false }, 'o-adm')
  })

  it('pages the shelf without gaps or repeats', async () => {
    const seen: string[] = []
    let cursor: string | null | undefined
    do {
      const page = data(
        await call<MallShelf>({ action: 'items', limit: 1, cursor: cursor ?? undefined }, 'o-m2'),
      )
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.length).toBeGreaterThanOrEqual(2)
    expect(seen.length).toBe(await countWhere(db, 'mall_items', { communityId: 'c-a', onShelf: true }))
  })
})

describe('redeeming', () => {
  it('a physical item: points spent through the ledger, the order pending, then shipped and told once', async () => {
    const item = await addItem({ name: '《百年孤独》', price: 120, stock: 2 })
    const detail = data(await call<ItemDetail>({ action: 'item', id: item.id }, 'o-m1'))
    expect(detail).toMatchObject({ balance: 450, refusal: null, used: 0 })
    const requestId = rid()
    const res = data(
      await call<RedeemResult>({ action: 'redeem', delivery: HOME, itemId: item.id, requestId }, 'o-m1'),
    )
    expect(res).toMatchObject({ balance: 330, duplicate: false })
    expect(res.order).toMatchObject({
      status: 'pending',
      statusName: '待发货',
      delivery: HOME,
      shipment: null,
      price: 120,
      itemName: '《百年孤独》',
    })
    expect((await itemDoc(item.id)).stock).toBe(1)
    expect(await memberDoc(db, 'c-a_o-m1')).toMatchObject({ balance: 330 })
    const rows = await all<{ kind: string; delta: number; source: string }>('ledger', {
      communityId: 'c-a',
      openid: 'o-m1',
      kind: 'spend',
    })
    expect(rows).toEqual([expect.objectContaining({ delta: -120, source: `mall:${requestId}` })])

    const mine = data(await call<MallPage<OrderView>>({ action: 'myOrders' }, 'o-m1'))
    expect(mine.items[0].id).toBe(res.order.id)
    expect(errorCode(await call({ action: 'fulfil', id: res.order.id, note: 'x' }, 'o-m1'))).toBe('FORBIDDEN')

    await cloud.control('subscriptions', { openid: 'o-m1', templateId: MESSAGE_TEMPLATES.orderUpdate })
    const ship = { action: 'ship', id: res.order.id, carrier: '顺丰', trackingNo: 'SF1234567890' }
    const done = data(await call<OrderChange>(ship, 'o-adm'))
    expect(done).toMatchObject({ duplicate: false, notified: true })
    expect(done.order).toMatchObject({
      status: 'shipped',
      statusName: '已发货',
      shipment: { carrier: '顺丰', trackingNo: 'SF1234567890' },
    })
    const outbox = await cloud.control<{ messages: { data: Record<string, { value: string }> }[] }>(
      'outbox',
      {
        touser: 'o-m1',
      },
    )
    expect(outbox.messages).toHaveLength(1)
    expect(outbox.messages[0].data.thing1.value).toBe('《百年孤独》')
    expect(outbox.messages[0].data.phrase2.value).toBe('已发货')
    expect(outbox.messages[0].data.thing3.value).toBe('顺丰 SF1234567890')
    // Shipped: no cancel; shipping again changes nothing and tells nobody twice.
    expect(errorCode(await call({ action: 'cancelOrder', id: res.order.id }, 'o-adm'))).toBe('ORDER_STATE')
    await cloud.control('subscriptions', { openid: 'o-m1', templateId: MESSAGE_TEMPLATES.orderUpdate })
    const again = data(await call<OrderChange>({ ...ship, trackingNo: 'SF999' }, 'o-adm'))
    expect(again).toMatchObject({ duplicate: true, notified: false })
    expect(again.order.shipment).toEqual({ carrier: '顺丰', trackingNo: 'SF1234567890' })
    // Received: fulfilled (已完成) and final; the member already knows it is on its way.
    const received = data(await call<OrderChange>({ action: 'fulfil', id: res.order.id }, 'o-adm'))
    expect(received).toMatchObject({ notified: false, order: { status: 'fulfilled', statusName: '已完成' } })
    expect(errorCode(await call({ action: 'cancelOrder', id: res.order.id }, 'o-adm'))).toBe('ORDER_STATE')
    const outboxAfter = await cloud.control<{ messages: unknown[] }>('outbox', { touser: 'o-m1' })
    expect(outboxAfter.messages).toHaveLength(1)
  })

  it('a make-up card goes straight to the inventory; a title is owned, worn and taken off', async () => {
    const card = await addItem({ kind: 'makeup_card', name: '补签卡', price: 50, stock: 10, cardCount: 2 })
    const title = await addItem({ kind: 'title', name: '头衔·书虫', price: 80, stock: 10, titleText: '书虫' })
    const a = data(
      await call<RedeemResult>(
        { action: 'redeem', delivery: HOME, itemId: card.id, requestId: rid() },
        'o-m2',
      ),
    )
    expect(a.order).toMatchObject({ status: 'fulfilled', note: '2 张补签卡已放入背包' })
    const b = data(
      await call<RedeemResult>(
        { action: 'redeem', delivery: HOME, itemId: title.id, requestId: rid() },
        'o-m2',
      ),
    )
    expect(b.order.status).toBe('fulfilled')
    expect(b.balance).toBe(300 - 50 - 80)
    const again = await call({ action: 'redeem', delivery: HOME, itemId: title.id, requestId: rid() }, 'o-m2')
    expect(errorCode(again)).toBe('LIMIT_REACHED')

    const inv = data(await call<Inventory>({ action: 'inventory' }, 'o-m2'))
    expect(inv).toMatchObject({ makeupCards: 2, titles: ['书虫'], title: null })
    expect(data(await call({ action: 'wearTitle', title: '书虫' }, 'o-m2'))).toEqual({ title: '书虫' })
    expect(await memberDoc(db, 'c-a_o-m2')).toMatchObject({ title: '书虫', makeupCards: 2, balance: 170 })
    expect(errorCode(await call({ action: 'wearTitle', title: '领读人' }, 'o-m2'))).toBe('NOT_FOUND')
    await call({ action: 'wearTitle', title: null }, 'o-m2')
    expect((await memberDoc(db, 'c-a_o-m2')).title).toBeNull()
  })

  it('a coupon waits for the admin; its code shows in the inventory', async () => {
    const coupon = await addItem({ kind: 'coupon', name: '书店 8 折券', price: 60, stock: 5 })
    const res = data(
      await call<RedeemResult>(
        { action: 'redeem', delivery: HOME, itemId: coupon.id, requestId: rid() },
        'o-m3',
      ),
    )
    expect(res.order.status).toBe('pending')
    expect(data(await call<Inventory>({ action: 'inventory' }, 'o-m3')).codes.items).toEqual([])
    await call({ action: 'fulfil', id: res.order.id, note: '兑换码 BOOK-8888' }, 'o-adm')
    const inv = data(await call<Inventory>({ action: 'inventory' }, 'o-m3'))
    expect(inv.codes.items).toEqual([
      expect.objectContaining({ itemName: '书店 8 折券', note: '兑换码 BOOK-8888' }),
    ])
  })

  it('refuses by level, balance, stock and monthly limit, with Chinese messages, changing nothing', async () => {
    const gated = await addItem({ name: '核心读者晚餐', minLevel: 'advanced', price: 10 })
    const res = await call({ action: 'redeem', delivery: HOME, itemId: gated.id, requestId: rid() }, 'o-m1')
    expect(res.ok).toBe(false)
    if (!res.ok)
      expect(res.error).toMatchObject({ code: 'LEVEL_TOO_LOW', message: '等级不够：需要进阶及以上' })
    expect(data(await call<ItemDetail>({ action: 'item', id: gated.id }, 'o-m1')).refusal).toBe(
      '等级不够：需要进阶及以上',
    )
    // o-m3 earned 1000: advanced.
    expect(
      data(
        await call<RedeemResult>(
          { action: 'redeem', delivery: HOME, itemId: gated.id, requestId: rid() },
          'o-m3',
        ),
      ).order.status,
    ).toBe('pending')

    const dear = await addItem({ name: '电子阅读器', price: 100_000 })
    const poor = await call({ action: 'redeem', delivery: HOME, itemId: dear.id, requestId: rid() }, 'o-m1')
    expect(!poor.ok && poor.error.message).toBe('积分不足：需要 100000 分，当前 330 分')

    const gone = await addItem({ name: '限量帆布袋', stock: 0 })
    expect(
      errorCode(await call({ action: 'redeem', delivery: HOME, itemId: gone.id, requestId: rid() }, 'o-m3')),
    ).toBe('SOLD_OUT')

    const monthly = await addItem({
      name: '每月书单',
      price: 10,
      stock: 10,
      limit: { count: 1, period: 'month' },
    })
    const first = await call<RedeemResult>(
      { action: 'redeem', delivery: HOME, itemId: monthly.id, requestId: rid() },
      'o-m3',
    )
    expect(first.ok).toBe(true)
    const second = await call(
      { action: 'redeem', delivery: HOME, itemId: monthly.id, requestId: rid() },
      'o-m3',
    )
    expect(!second.ok && second.error).toMatchObject({
      code: 'LIMIT_REACHED',
      message: '超出限兑：每月限兑 1 次',
    })
    // Shanghai's December starts at 16:00 UTC on 30 November.
    await cloud.setClock('2026-11-30T16:00:00.000Z')
    const december = await call(
      { action: 'redeem', delivery: HOME, itemId: monthly.id, requestId: rid() },
      'o-m3',
    )
    expect(december.ok).toBe(true)
    await cloud.setClock('2026-11-22T04:00:00.000Z')
    expect((await itemDoc(monthly.id)).stock).toBe(8)
  })

  it('never shows or redeems another community’s items or orders', async () => {
    const item = await addItem({ name: '读书会专属书签', price: 10 })
    const order = data(
      await call<RedeemResult>(
        { action: 'redeem', delivery: HOME, itemId: item.id, requestId: rid() },
        'o-m3',
      ),
    )
    expect(errorCode(await call({ action: 'item', id: item.id }, 'o-b1'))).toBe('NOT_FOUND')
    expect(
      errorCode(await call({ action: 'redeem', delivery: HOME, itemId: item.id, requestId: rid() }, 'o-b1')),
    ).toBe('NOT_FOUND')
    expect(data(await call<MallShelf>({ action: 'items' }, 'o-b1')).items).toEqual([])
    expect(errorCode(await call({ action: 'fulfil', id: order.order.id, note: 'x' }, 'o-bown'))).toBe(
      'NOT_FOUND',
    )
    expect(errorCode(await call({ action: 'cancelOrder', id: order.order.id }, 'o-bown'))).toBe('NOT_FOUND')
    expect(errorCode(await call({ action: 'setShelf', id: item.id, onShelf: false }, 'o-bown'))).toBe(
      'NOT_FOUND',
    )
    expect(data(await call<MallPage<OrderView>>({ action: 'orders' }, 'o-bown')).items).toEqual([])
    // Nor another member's order in the same community.
    expect(errorCode(await call({ action: 'cancelOrder', id: order.order.id }, 'o-m1'))).toBe('NOT_FOUND')
    expect((await itemDoc(item.id)).stock).toBe(4)
  })
})

describe('delivery', () => {
  beforeAll(async () => {
    await addMember(db, 'c-a', 'o-d1', { nickname: '赵六' })
    await addMember(db, 'c-a', 'o-d2', { nickname: '孙七' })
    await give('c-a', 'o-d1', 500)
    await give('c-a', 'o-d2', 500)
  })

  it('redeems a physical gift to an address, stored with the order as the member typed it, cleaned', async () => {
    const item = await addItem({ name: '读书会帆布包', price: 50, stock: 5 })
    const typed = { ...HOME, name: ' 赵六 ', phone: '+86 139-0000-1111' }
    const res = data(
      await call<RedeemResult>(
        { action: 'redeem', itemId: item.id, requestId: rid(), delivery: typed },
        'o-d1',
      ),
    )
    expect(res.order).toMatchObject({
      status: 'pending',
      statusName: '待发货',
      route: 'address',
      delivery: { ...HOME, name: '赵六', phone: '13900001111' },
    })
    const mine = data(await call<MallPage<OrderView>>({ action: 'myOrders' }, 'o-d1'))
    expect(mine.items[0].delivery).toEqual(res.order.delivery)
    const queue = data(await call<MallPage<OrderView>>({ action: 'orders', itemId: item.id }, 'o-adm'))
    expect(queue.items[0].delivery).toMatchObject({ phone: '13900001111', detail: '文三路 90 号' })
  })

  it('refuses a bad phone or a missing delivery with a field message, spending no points and writing nothing', async () => {
    const item = await addItem({ name: '限量书立', price: 40, stock: 3 })
    const before = (await memberDoc(db, 'c-a_o-d1')).balance
    const orders = await countWhere(db, 'mall_orders', { communityId: 'c-a', openid: 'o-d1' })
    const bad = await call(
      { action: 'redeem', itemId: item.id, requestId: rid(), delivery: { ...HOME, phone: '12345678901' } },
      'o-d1',
    )
    expect(!bad.ok && bad.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: '手机号需为 11 位大陆手机号，如 13812345678',
      fields: { 'delivery.phone': '手机号需为 11 位大陆手机号，如 13812345678' },
    })
    const none = await call({ action: 'redeem', itemId: item.id, requestId: rid() }, 'o-d1')
    expect(!none.ok && none.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: '请选择收货方式：邮寄到地址或线下领取',
    })
    expect((await memberDoc(db, 'c-a_o-d1')).balance).toBe(before)
    expect((await itemDoc(item.id)).stock).toBe(3)
    expect(await countWhere(db, 'mall_orders', { communityId: 'c-a', openid: 'o-d1' })).toBe(orders)
    expect(await countWhere(db, 'ledger', { communityId: 'c-a', openid: 'o-d1', kind: 'spend' })).toBe(1)
  })

  it('a pickup waits as 待领取, cannot be shipped, and is handed over with the member told', async () => {
    const item = await addItem({ name: '签名海报', price: 30, stock: 5 })
    const pickup = { method: 'pickup', place: '' }
    const res = data(
      await call<RedeemResult>(
        { action: 'redeem', itemId: item.id, requestId: rid(), delivery: pickup },
        'o-d1',
      ),
    )
    expect(res.order).toMatchObject({
      statusName: '待领取',
      route: 'pickup',
      delivery: { method: 'pickup', place: '线下活动现场领取' },
    })
    const ship = await call({ action: 'ship', id: res.order.id, carrier: '顺丰', trackingNo: 'SF1' }, 'o-adm')
    expect(!ship.ok && ship.error).toMatchObject({ code: 'ORDER_STATE', message: '这笔订单不需要快递发货' })
    await cloud.control('subscriptions', { openid: 'o-d1', templateId: MESSAGE_TEMPLATES.orderUpdate })
    const done = data(await call<OrderChange>({ action: 'fulfil', id: res.order.id }, 'o-adm'))
    expect(done).toMatchObject({ notified: true, order: { status: 'fulfilled', statusName: '已领取' } })
    const outbox = await cloud.control<{ messages: { data: Record<string, { value: string }> }[] }>(
      'outbox',
      {
        touser: 'o-d1',
      },
    )
    expect(outbox.messages.map((m) => m.data.phrase2.value)).toEqual(['已领取'])
  })

  it('ships only posted orders with a carrier and a tracking number; members may not; a coupon still needs its code', async () => {
    const item = await addItem({ name: '书签夹', price: 10, stock: 5 })
    const { order } = data(
      await call<RedeemResult>(
        { action: 'redeem', itemId: item.id, requestId: rid(), delivery: HOME },
        'o-d1',
      ),
    )
    const blank = await call({ action: 'ship', id: order.id, carrier: '', trackingNo: 'SF 1' }, 'o-adm')
    expect(!blank.ok && blank.error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { carrier: '请填写快递公司', trackingNo: '快递单号只能包含字母、数字和 -' },
    })
    expect(
      errorCode(await call({ action: 'ship', id: order.id, carrier: '顺丰', trackingNo: 'SF1' }, 'o-d1')),
    ).toBe('FORBIDDEN')
    const early = await call({ action: 'fulfil', id: order.id }, 'o-adm')
    expect(!early.ok && early.error).toMatchObject({
      code: 'ORDER_STATE',
      message: '请先填写快递公司和单号发货',
    })
    const coupon = await addItem({ kind: 'coupon', name: '咖啡券', price: 10, stock: 5 })
    const c = data(
      await call<RedeemResult>({ action: 'redeem', itemId: coupon.id, requestId: rid() }, 'o-d1'),
    )
    expect(c.order).toMatchObject({ route: 'none', delivery: null, statusName: '待发放' })
    expect(errorCode(await call({ action: 'fulfil', id: c.order.id }, 'o-adm'))).toBe('INVALID_INPUT')
  })

  it('the member’s own data lists the address; erasing the member erases it from their orders', async () => {
    const item = await addItem({ name: '藏书章', price: 20, stock: 5 })
    const address = { ...HOME, name: '孙七', phone: '13700007777', detail: '学院路 7 号' }
    data(await call({ action: 'redeem', itemId: item.id, requestId: rid(), delivery: address }, 'o-d2'))
    const own = data(
      await cloud.call<ActionResult<{ sections: { key: string; header: string[]; rows: unknown[][] }[] }>>(
        'member',
        { action: 'myData' },
        'o-d2',
      ),
    )
    const orders = own.sections.find((s) => s.key === 'orders')!
    expect(orders.header).toContain('收货信息')
    expect(JSON.stringify(orders.rows)).toContain('孙七 13700007777 浙江省 杭州市 西湖区 学院路 7 号')

    data(
      await cloud.call<ActionResult<unknown>>(
        'member',
        { action: 'deleteMe', confirm: DELETE_ME_CONFIRMATION },
        'o-d2',
      ),
    )
    const kept = await all<{ nickname: string; delivery: unknown }>('mall_orders', { itemId: item.id })
    expect(kept).toHaveLength(1)
    expect(kept[0]).toMatchObject({
      nickname: '已注销成员',
      delivery: { method: 'address', name: '', phone: '', region: '', detail: '' },
    })
    expect(JSON.stringify(await all('mall_orders', { communityId: 'c-a' }))).not.toContain('13700007777')
  })
})

describe('under parallel calls', () => {
  it('200 parallel redemptions of a stock-10 item keep every invariant', async () => {
    const members = 100
    const price = 100
    // Balances 0, 50, 100, 150, 250: some cannot pay, some could pay twice but the limit is 1.
    const balances = [0, 50, 100, 150, 250]
    const ids = Array.from({ length: members }, (_, i) => `o-hot-${String(i).padStart(3, '0')}`)
    for (let i = 0; i < members; i += 20)
      await Promise.all(
        ids.slice(i, i + 20).map(async (openid, k) => {
          await addMember(db, 'c-a', openid, { nickname: `热门${i + k}` })
          const balance = balances[(i + k) % balances.length]
          if (balance) await give('c-a', openid, balance)
        }),
      )
    const item = await addItem({ name: '签名版新书', price, stock: 10, limit: { count: 1, period: 'total' } })

    // Two taps (different requestIds) per member, all at once.
    const requests = ids.flatMap((openid) => [openid, openid]).map((openid) => ({ openid, requestId: rid() }))
    const started = Date.now()
    const results = await Promise.all(
      requests.map((r) =>
        call<RedeemResult>(
          { action: 'redeem', delivery: HOME, itemId: item.id, requestId: r.requestId },
          r.openid,
        ),
      ),
    )
    const ms = Date.now() - started
    const outcomes: Record<string, number> = {}
    for (const res of results) {
      const key = res.ok ? 'ok' : res.error.code
      outcomes[key] = (outcomes[key] ?? 0) + 1
    }
    console.log(`200 parallel redemptions in ${ms} ms: ${JSON.stringify(outcomes)}`)
    // Every caller gets a definite answer.
    expect(
      Object.keys(outcomes).every((k) =>
        ['ok', 'SOLD_OUT', 'INSUFFICIENT_POINTS', 'LIMIT_REACHED'].includes(k),
      ),
    ).toBe(true)
    expect(outcomes.ok).toBe(10)

    const orders = await all<{
      _id: string
      openid: string
      status: string
      spendLedgerId: string
      price: number
    }>('mall_orders', { communityId: 'c-a', itemId: item.id })
    const live = orders.filter((o) => o.status !== 'cancelled')
    const stock = (await itemDoc(item.id)).stock
    expect(stock).toBeGreaterThanOrEqual(0)
    expect(stock + live.length).toBe(10)
    expect(new Set(results.filter((r) => r.ok).map((r) => r.ok && r.data.order.id))).toEqual(
      new Set(orders.map((o) => o._id)),
    )

    const perMember = new Map<string, number>()
    for (const o of live) perMember.set(o.openid, (perMember.get(o.openid) ?? 0) + 1)
    expect(Math.max(...perMember.values())).toBe(1)

    const spendRows = await all<{ _id: string; delta: number; kind: string; source: string; openid: string }>(
      'ledger',
      { communityId: 'c-a', kind: 'spend', source: db.RegExp({ regexp: '^mall:' }) },
    )
    const hotRows = spendRows.filter((r) => r.openid.startsWith('o-hot-'))
    expect(hotRows.map((r) => r._id).sort()).toEqual(orders.map((o) => o.spendLedgerId).sort())
    expect(hotRows.every((r) => r.delta === -price && r.kind === 'spend')).toBe(true)

    for (const [i, openid] of ids.entries()) {
      const m = await memberDoc(db, `c-a_${openid}`)
      const spent = (perMember.get(openid) ?? 0) * price
      expect(m.balance).toBe(balances[i % balances.length] - spent)
      expect(m.balance as number).toBeGreaterThanOrEqual(0)
    }
    // Balances = ledger sums for everyone is checked by verify:ledger when the cloud stops.
  })

  it('the same requestId retried 20 times at once makes one order and one spend', async () => {
    const item = await addItem({ name: '藏书票', price: 15, stock: 50 })
    const requestId = rid()
    const before = (await memberDoc(db, 'c-a_o-m3')).balance as number
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        call<RedeemResult>({ action: 'redeem', delivery: HOME, itemId: item.id, requestId }, 'o-m3'),
      ),
    )
    const orderIds = new Set(results.map((r) => data(r).order.id))
    expect(orderIds.size).toBe(1)
    expect(results.filter((r) => !data(r).duplicate)).toHaveLength(1)
    expect(await countWhere(db, 'mall_orders', { communityId: 'c-a', itemId: item.id })).toBe(1)
    expect(
      await countWhere(db, 'ledger', { communityId: 'c-a', openid: 'o-m3', source: `mall:${requestId}` }),
    ).toBe(1)
    expect((await memberDoc(db, 'c-a_o-m3')).balance).toBe(before - 15)
    expect((await itemDoc(item.id)).stock).toBe(49)
  })

  it('parallel cancels (member and admin) return points, stock and the limit once', async () => {
    const item = await addItem({ name: '读书灯', price: 200, stock: 3, limit: { count: 1, period: 'total' } })
    const before = (await memberDoc(db, 'c-a_o-m3')).balance as number
    const { order } = data(
      await call<RedeemResult>(
        { action: 'redeem', delivery: HOME, itemId: item.id, requestId: rid() },
        'o-m3',
      ),
    )
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call<OrderChange>({ action: 'cancelOrder', id: order.id }, i % 2 ? 'o-m3' : 'o-adm'),
      ),
    )
    expect(results.every((r) => r.ok && r.data.order.status === 'cancelled')).toBe(true)
    expect(results.filter((r) => r.ok && !r.data.duplicate)).toHaveLength(1)
    expect((await memberDoc(db, 'c-a_o-m3')).balance).toBe(before)
    expect((await itemDoc(item.id)).stock).toBe(3)
    const refunds = await all<{ delta: number; kind: string }>('ledger', {
      communityId: 'c-a',
      openid: 'o-m3',
      kind: 'refund',
    })
    expect(refunds).toEqual([expect.objectContaining({ delta: 200 })])
    // The limit is given back with the order: the member may redeem it again.
    const again = await call<RedeemResult>(
      { action: 'redeem', delivery: HOME, itemId: item.id, requestId: rid() },
      'o-m3',
    )
    expect(again.ok).toBe(true)
  })
})

describe('the admin queue', () => {
  it('filters by status and item, pages, and exports CSV', async () => {
    // The export prints the minute: start it afresh, however long the storms above took.
    await cloud.setClock('2026-11-22T04:00:00.000Z')
    const item = await addItem({ name: '导出测试, "特别版"', price: 10, stock: 10 })
    const made: string[] = []
    for (let i = 0; i < 3; i++)
      made.push(
        data(
          await call<RedeemResult>(
            { action: 'redeem', delivery: HOME, itemId: item.id, requestId: rid() },
            'o-m3',
          ),
        ).order.id,
      )
    await call({ action: 'ship', id: made[0], carrier: '=顺丰', trackingNo: 'SF1234567890' }, 'o-adm')
    // Cancelled by the owner: the member is told (one subscription granted, one message).
    await cloud.control('subscriptions', { openid: 'o-m3', templateId: MESSAGE_TEMPLATES.orderUpdate })
    const cancelled = data(await call<OrderChange>({ action: 'cancelOrder', id: made[1] }, 'o-own'))
    expect(cancelled).toMatchObject({ notified: true, order: { status: 'cancelled', statusName: '已取消' } })

    const pending = data(
      await call<MallPage<OrderView>>({ action: 'orders', itemId: item.id, status: 'pending' }, 'o-adm'),
    )
    expect(pending.items.map((o) => o.id)).toEqual([made[2]])
    const byItem = data(
      await call<MallPage<OrderView>>({ action: 'orders', itemId: item.id, limit: 2 }, 'o-adm'),
    )
    expect(byItem.items).toHaveLength(2)
    const rest = data(
      await call<MallPage<OrderView>>(
        { action: 'orders', itemId: item.id, limit: 2, cursor: byItem.nextCursor ?? undefined },
        'o-adm',
      ),
    )
    expect([...byItem.items, ...rest.items].map((o) => o.id).sort()).toEqual([...made].sort())
    expect(rest.nextCursor).toBeNull()

    const csv = data(await call<OrdersExport>({ action: 'exportOrders', itemId: item.id }, 'o-adm'))
    expect(csv.rows).toBe(3)
    expect(csv.nextCursor).toBeNull()
    expect(csv.part).toBe(1)
    const lines = csv.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      '订单号,成员,商品,类型,积分,状态,收货方式,收件人,手机号,收货地址,快递公司,快递单号,发放说明,下单时间,更新时间',
    )
    expect(lines).toHaveLength(4)
    // A Chinese file name with the community and the day; readable order numbers, not internal ids.
    expect(csv.fileName).toMatch(/^读书会-兑换订单-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(csv.csv).not.toContain(made[0])
    expect(csv.csv).toContain(
      `${orderNumber('2026-11-22', made[0].split(':').at(-1)!)},王五,"导出测试, ""特别版""",实物礼品,10,已发货,邮寄,王小雨,13812345678,浙江省 杭州市 西湖区 文三路 90 号,'=顺丰,SF1234567890,,2026-11-22 12:00`,
    )
    expect(lines.filter((l) => l.includes(',已取消,'))).toHaveLength(1)
    const onlyCancelled = data(
      await call<OrdersExport>({ action: 'exportOrders', itemId: item.id, status: 'cancelled' }, 'o-adm'),
    )
    expect(onlyCancelled.rows).toBe(1)
    expect(onlyCancelled.fileName).toMatch(/^读书会-兑换订单-\d{4}-\d{2}-\d{2}-已取消\.csv$/)
    expect(errorCode(await call({ action: 'exportOrders' }, 'o-m3'))).toBe('FORBIDDEN')
  })
})
