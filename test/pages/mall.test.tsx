import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ItemDetail, ItemView, OrderView } from '@core/contracts/mall'
import MallPage from '@/pages/mall'
import { ItemDetailView } from '@/packages/mall/item'
import OrdersPage from '@/packages/mall/orders'
import InventoryPage from '@/packages/mall/inventory'
import MallAdminPage from '@/packages/admin/mall'
import { ItemEditor } from '@/packages/admin/mall/edit'
import { OrderQueue } from '@/packages/admin/mall/orders'
import { adminMe, community, memberMe, profile, type Gateway } from './gateway'
import { freshApp, loadMore, tapOpens, typeInto } from './helpers'
import { recorded } from './taro-stub'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-member')
  gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
})

afterEach(() => gateway.restore())

function itemOf(over: Partial<ItemView> = {}): ItemView {
  return {
    id: 'c-reading:item-1',
    kind: 'physical',
    kindName: '实物礼品',
    name: '《小王子》纪念版',
    description: '精装，附藏书票',
    images: [],
    imageUrls: [],
    price: 300,
    stock: 4,
    limit: { count: 1, period: 'month' },
    limitText: '每月限兑 1 次',
    minLevel: 'newcomer',
    minLevelName: '新手',
    onShelf: true,
    cardCount: null,
    titleText: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    ...over,
  }
}

function orderOf(over: Partial<OrderView> = {}): OrderView {
  return {
    id: 'c-reading:openid-member:r1',
    itemId: 'c-reading:item-1',
    itemName: '《小王子》纪念版',
    kind: 'physical',
    kindName: '实物礼品',
    price: 300,
    status: 'pending',
    statusName: '待发放',
    route: 'none',
    delivery: null,
    shipment: null,
    note: null,
    nickname: '小林',
    createdAt: '2026-11-21T02:00:00.000Z',
    updatedAt: '2026-11-21T02:00:00.000Z',
    ...over,
  }
}

describe('商城 tab', () => {
  test('shows the balance, the items with price, stock and level, and pages', async () => {
    gateway.on('mall', 'items', (input) =>
      input.cursor === 'p2'
        ? {
            ok: true,
            data: {
              items: [itemOf({ id: 'i3', name: '书签套装' })],
              nextCursor: null,
              balance: 420,
              levelName: '新手',
            },
          }
        : {
            ok: true,
            data: {
              items: [
                itemOf(),
                itemOf({ id: 'i2', name: '核心读者晚餐', minLevel: 'core', minLevelName: '核心', stock: 0 }),
              ],
              nextCursor: 'p2',
              balance: 420,
              levelName: '新手',
            },
          },
    )
    render(<MallPage />)
    expect(await screen.findByText('《小王子》纪念版')).toBeTruthy()
    expect(screen.getByText('420')).toBeTruthy()
    expect(screen.getByText('剩 4 件')).toBeTruthy()
    expect(screen.getByText('已兑完')).toBeTruthy()
    expect(screen.getByText('核心及以上')).toBeTruthy()
    await loadMore('书签套装')
    expect(screen.queryByText('加载更多')).toBeNull()
    tapOpens('书签套装', '/packages/mall/item/index?id=i3')
  })

  test('says when nothing is on the shelf', async () => {
    gateway.on('mall', 'items', () => ({
      ok: true,
      data: { items: [], nextCursor: null, balance: 35, levelName: '新手' },
    }))
    render(<MallPage />)
    expect(await screen.findByText('商城还没有上架商品')).toBeTruthy()
  })
})

describe('商品详情 and the confirmation', () => {
  const detail = (over: Partial<ItemDetail> = {}): ItemDetail => ({
    item: itemOf(),
    balance: 420,
    level: 'newcomer',
    levelName: '新手',
    used: 0,
    refusal: null,
    ...over,
  })

  test('shows the balance after, the limit and the level; redeems once with one requestId', async () => {
    gateway.on('mall', 'item', () => ({ ok: true, data: detail() }))
    let calls = 0
    gateway.on('mall', 'redeem', () =>
      ++calls === 1
        ? { ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' } }
        : { ok: true, data: { order: orderOf(), balance: 120, duplicate: false } },
    )
    render(<ItemDetailView id='c-reading:item-1' />)
    fireEvent.click(await screen.findByText('立即兑换'))
    expect(screen.getByText('确认兑换「《小王子》纪念版」？')).toBeTruthy()
    expect(screen.getByText('120 分')).toBeTruthy()
    expect(screen.getAllByText('每月限兑 1 次（已兑 0 次）').length).toBeGreaterThan(0)
    expect(screen.getByText('新手及以上（你是新手）')).toBeTruthy()
    fireEvent.click(screen.getByText('线下领取'))
    fireEvent.click(screen.getByText('确认兑换'))
    expect(await screen.findByText('服务开小差了，请稍后再试')).toBeTruthy()
    fireEvent.click(screen.getByText('确认兑换'))
    expect(await screen.findByText('兑换成功')).toBeTruthy()
    expect(screen.getByText('订单已提交，管理员发放后会通知你。')).toBeTruthy()
    const ids = gateway.calls.filter((c) => c.action === 'redeem').map((c) => c.input.requestId)
    expect(ids).toHaveLength(2)
    expect(ids[0]).toBe(ids[1])
  })

  test('explains a refusal in Chinese and does not offer the button', async () => {
    gateway.on('mall', 'item', () => ({ ok: true, data: detail({ refusal: '等级不够：需要核心及以上' }) }))
    render(<ItemDetailView id='c-reading:item-1' />)
    expect(await screen.findByText('等级不够：需要核心及以上')).toBeTruthy()
    expect(screen.getByText('暂不可兑换')).toBeTruthy()
  })

  test('shows the server’s answer when it is sold out meanwhile', async () => {
    gateway.on('mall', 'item', () => ({ ok: true, data: detail() }))
    gateway.on('mall', 'redeem', () => ({ ok: false, error: { code: 'SOLD_OUT', message: '已兑完' } }))
    render(<ItemDetailView id='c-reading:item-1' />)
    fireEvent.click(await screen.findByText('立即兑换'))
    fireEvent.click(screen.getByText('线下领取'))
    fireEvent.click(screen.getByText('确认兑换'))
    expect(await screen.findByText('已兑完')).toBeTruthy()
  })

  test('a physical gift asks where it goes: each address field checked before sending, in plain Chinese', async () => {
    gateway.on('mall', 'item', () => ({ ok: true, data: detail() }))
    let answer: 'bad' | 'ok' = 'bad'
    gateway.on('mall', 'redeem', (input) =>
      answer === 'bad'
        ? {
            ok: false,
            error: {
              code: 'INVALID_INPUT',
              message: '所在地区最多 40 字',
              fields: { 'delivery.region': '所在地区最多 40 字' },
            },
          }
        : {
            ok: true,
            data: {
              order: orderOf({ route: 'address', delivery: input.delivery as never, statusName: '待发货' }),
              balance: 120,
              duplicate: false,
            },
          },
    )
    render(<ItemDetailView id='c-reading:item-1' />)
    fireEvent.click(await screen.findByText('立即兑换'))
    expect(screen.getByText('收货方式')).toBeTruthy()
    fireEvent.click(screen.getByText('确认兑换'))
    expect(await screen.findByText('请填写收件人姓名')).toBeTruthy()
    expect(screen.getByText('请填写收件人手机号')).toBeTruthy()
    expect(screen.getByText('请填写所在地区（省 市 区）')).toBeTruthy()
    expect(screen.getByText('请填写详细地址（街道、门牌号）')).toBeTruthy()
    await typeInto('姓名', '小林')
    await typeInto('11 位手机号', '1381234')
    await typeInto('省 市 区，如 浙江省 杭州市 西湖区', '浙江省 杭州市 西湖区')
    await typeInto('街道、门牌号', '文三路 90 号')
    fireEvent.click(screen.getByText('确认兑换'))
    expect(await screen.findByText('手机号需为 11 位大陆手机号，如 13812345678')).toBeTruthy()
    expect(gateway.calls.some((c) => c.action === 'redeem')).toBe(false)

    await typeInto('11 位手机号', '138 1234 5678')
    fireEvent.click(screen.getByText('确认兑换'))
    // The server's field message goes beside its field, and the sheet stays open to correct it.
    expect(await screen.findByText('所在地区最多 40 字')).toBeTruthy()
    answer = 'ok'
    fireEvent.click(screen.getByText('确认兑换'))
    expect(await screen.findByText('订单已提交，发货后会通知你快递单号。')).toBeTruthy()
    const sent = gateway.calls.filter((c) => c.action === 'redeem')
    expect(sent.at(-1)?.input.delivery).toEqual({
      method: 'address',
      name: '小林',
      phone: '138 1234 5678',
      region: '浙江省 杭州市 西湖区',
      detail: '文三路 90 号',
    })
    expect(sent[0].input.requestId).not.toBe(sent[1].input.requestId)
  })

  test('a pickup needs nothing typed; a coupon asks for no delivery at all', async () => {
    let kind: ItemView['kind'] = 'physical'
    gateway.on('mall', 'item', () => ({ ok: true, data: detail({ item: itemOf({ kind }) }) }))
    gateway.on('mall', 'redeem', () => ({
      ok: true,
      data: { order: orderOf({ route: 'pickup', statusName: '待领取' }), balance: 120, duplicate: false },
    }))
    const { unmount } = render(<ItemDetailView id='c-reading:item-1' />)
    fireEvent.click(await screen.findByText('立即兑换'))
    fireEvent.click(screen.getByText('线下领取'))
    expect(screen.getByPlaceholderText('线下活动现场领取')).toBeTruthy()
    fireEvent.click(screen.getByText('确认兑换'))
    expect(await screen.findByText('订单已提交，领取时找管理员即可。')).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'redeem')?.input.delivery).toEqual({
      method: 'pickup',
      place: '',
    })
    unmount()

    kind = 'coupon'
    render(<ItemDetailView id='c-reading:item-1' />)
    fireEvent.click(await screen.findByText('立即兑换'))
    expect(screen.queryByText('收货方式')).toBeNull()
    fireEvent.click(screen.getByText('确认兑换'))
    await waitFor(() => expect(gateway.calls.filter((c) => c.action === 'redeem')).toHaveLength(2))
    expect(gateway.calls.filter((c) => c.action === 'redeem')[1].input).not.toHaveProperty('delivery')
  })
})

const HOME = {
  method: 'address' as const,
  name: '小林',
  phone: '13812345678',
  region: '浙江省 杭州市 西湖区',
  detail: '文三路 90 号',
}

describe('兑换记录 and 背包', () => {
  test('shows each order’s state in its own words, where it goes and the tracking number', async () => {
    gateway.on('mall', 'myOrders', () => ({
      ok: true,
      data: {
        items: [
          orderOf({
            status: 'shipped',
            statusName: '已发货',
            route: 'address',
            delivery: HOME,
            shipment: { carrier: '顺丰', trackingNo: 'SF1234567890' },
          }),
          orderOf({
            id: 'o2',
            itemName: '签名海报',
            statusName: '待领取',
            route: 'pickup',
            delivery: { method: 'pickup', place: '线下活动现场领取' },
          }),
        ],
        nextCursor: null,
      },
    }))
    render(<OrdersPage />)
    expect(await screen.findByText('快递：顺丰 SF1234567890')).toBeTruthy()
    expect(screen.getByText('已发货')).toBeTruthy()
    expect(screen.getByText('小林 13812345678')).toBeTruthy()
    expect(screen.getByText('浙江省 杭州市 西湖区 文三路 90 号')).toBeTruthy()
    expect(screen.getByText('待领取')).toBeTruthy()
    expect(screen.getByText('线下领取：线下活动现场领取')).toBeTruthy()
    // On its way: too late to cancel; a pickup still may be.
    expect(screen.getAllByText('取消兑换')).toHaveLength(1)
  })

  test('shows status pills and the code; cancels a pending order after a confirmation', async () => {
    gateway.on('mall', 'myOrders', () => ({
      ok: true,
      data: {
        items: [
          orderOf(),
          orderOf({
            id: 'o2',
            itemName: '书店 8 折券',
            status: 'fulfilled',
            statusName: '已发放',
            note: '兑换码 BOOK-8888',
          }),
        ],
        nextCursor: null,
      },
    }))
    gateway.on('mall', 'cancelOrder', () => ({
      ok: true,
      data: {
        order: orderOf({ status: 'cancelled', statusName: '已取消' }),
        duplicate: false,
        notified: false,
      },
    }))
    render(<OrdersPage />)
    expect(await screen.findByText('兑换码 BOOK-8888')).toBeTruthy()
    expect(screen.getByText('待发放')).toBeTruthy()
    expect(screen.getByText('已发放')).toBeTruthy()
    fireEvent.click(screen.getByText('取消兑换'))
    await waitFor(() =>
      expect(gateway.calls.find((c) => c.action === 'cancelOrder')?.input).toEqual({ id: orderOf().id }),
    )
    expect(recorded.modals[0].title).toBe('取消这笔兑换？')
    // Clear verbs in the brand colour, not 取消 / 确定 in the platform's green.
    expect(recorded.modals[0]).toMatchObject({
      confirmText: '确认取消',
      cancelText: '再想想',
      confirmColor: '#f0642d',
    })
  })

  test('the inventory wears a title', async () => {
    gateway.on('mall', 'inventory', () => ({
      ok: true,
      data: { makeupCards: 2, titles: ['书虫'], title: null, codes: { items: [], nextCursor: null } },
    }))
    gateway.on('mall', 'wearTitle', (input) => ({ ok: true, data: { title: input.title } }))
    render(<InventoryPage />)
    expect(await screen.findByText('2')).toBeTruthy()
    fireEvent.click(screen.getByText('佩戴'))
    expect(await screen.findByText('取下')).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'wearTitle')?.input).toEqual({ title: '书虫' })
  })
})

describe('商城管理 (admin)', () => {
  beforeEach(() => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
  })

  test('the item list puts an item off the shelf', async () => {
    gateway.on('mall', 'adminItems', () => ({ ok: true, data: { items: [itemOf()], nextCursor: null } }))
    gateway.on('mall', 'setShelf', (input) => ({
      ok: true,
      data: itemOf({ onShelf: Boolean(input.onShelf) }),
    }))
    render(<MallAdminPage />)
    expect(await screen.findByText('在售')).toBeTruthy()
    expect(screen.getByText('实物礼品 · 300 分 · 库存 4 · 每月限兑 1 次 · 不限等级')).toBeTruthy()
    fireEvent.click(screen.getByText('下架'))
    await waitFor(() =>
      expect(gateway.calls.find((c) => c.action === 'setShelf')?.input).toEqual({
        id: itemOf().id,
        onShelf: false,
      }),
    )
  })

  test('an organiser is told the mall is managed by admins', async () => {
    gateway.on('member', 'me', () => ({
      ok: true,
      data: { community, member: profile({ role: 'organiser', roleName: '活动官' }) },
    }))
    render(<MallAdminPage />)
    expect(await screen.findByText('只有主理人和管理员可以管理商城')).toBeTruthy()
    expect(gateway.calls.some((c) => c.action === 'adminItems')).toBe(false)
  })

  test('the editor names what is wrong before saving', async () => {
    gateway.on('mall', 'saveItem', (input) => ({ ok: true, data: itemOf(input.item as Partial<ItemView>) }))
    render(<ItemEditor />)
    // The price is in points, not read as RMB fen.
    expect(screen.getByText('所需积分')).toBeTruthy()
    expect(screen.queryByText('价格（分）')).toBeNull()
    fireEvent.click(screen.getByText('专属头衔'))
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('请填写商品名称')).toBeTruthy()
    expect(screen.getByText('价格需为 1–1000000 的整数')).toBeTruthy()
    expect(screen.getByText('请填写头衔文字')).toBeTruthy()
    expect(gateway.calls.some((c) => c.action === 'saveItem')).toBe(false)

    await typeInto('如《小王子》纪念版', '头衔·书虫')
    await typeInto('兑换所需积分', '200')
    await typeInto('可兑换的数量', '50')
    await typeInto('如 书虫，最多 8 字', '书虫')
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(gateway.calls.some((c) => c.action === 'saveItem')).toBe(true))
    expect(gateway.calls.find((c) => c.action === 'saveItem')?.input.item).toMatchObject({
      kind: 'title',
      name: '头衔·书虫',
      price: 200,
      stock: 50,
      titleText: '书虫',
      limit: null,
    })
  })

  test('the queue shows where a gift goes, ships it with a courier and number, and hands over a pickup', async () => {
    const posted = orderOf({ route: 'address', statusName: '待发货', delivery: HOME })
    const pickup = orderOf({
      id: 'o-pick',
      itemName: '签名海报',
      route: 'pickup',
      statusName: '待领取',
      delivery: { method: 'pickup', place: '12 月读书会现场' },
    })
    gateway.on('mall', 'orders', () => ({ ok: true, data: { items: [posted, pickup], nextCursor: null } }))
    gateway.on('mall', 'ship', (input) =>
      input.trackingNo
        ? {
            ok: true,
            data: {
              order: { ...posted, status: 'shipped', shipment: { carrier: '顺丰', trackingNo: 'SF123' } },
              duplicate: false,
              notified: true,
            },
          }
        : {
            ok: false,
            error: {
              code: 'INVALID_INPUT',
              message: '请填写快递单号',
              fields: { trackingNo: '请填写快递单号' },
            },
          },
    )
    gateway.on('mall', 'fulfil', () => ({
      ok: true,
      data: { order: { ...pickup, status: 'fulfilled' }, duplicate: false, notified: false },
    }))
    render(<OrderQueue />)
    expect(await screen.findByText('小林 13812345678')).toBeTruthy()
    expect(screen.getByText('浙江省 杭州市 西湖区 文三路 90 号')).toBeTruthy()
    expect(screen.getByText('线下领取：12 月读书会现场')).toBeTruthy()

    await typeInto('快递公司，如 顺丰', '顺丰')
    fireEvent.click(screen.getByText('标记已发货'))
    expect(await screen.findByText('请填写快递单号')).toBeTruthy()
    await typeInto('快递单号', 'SF123')
    fireEvent.click(screen.getByText('标记已发货'))
    await waitFor(() => expect(recorded.toasts.at(-1)?.title).toBe('已发货，已通知成员'))
    expect(gateway.calls.filter((c) => c.action === 'ship').at(-1)?.input).toEqual({
      id: posted.id,
      carrier: '顺丰',
      trackingNo: 'SF123',
    })

    fireEvent.click(screen.getByText('标记已领取'))
    await waitFor(() => expect(recorded.toasts.at(-1)?.title).toBe('已领取'))
    expect(gateway.calls.find((c) => c.action === 'fulfil')?.input).toEqual({ id: 'o-pick' })

    // Cancelling asks with clear verbs, not 取消 / 确定.
    recorded.modalConfirms = false
    fireEvent.click(screen.getAllByText('取消订单')[0])
    await waitFor(() => expect(recorded.modals).toHaveLength(1))
    expect(recorded.modals[0]).toMatchObject({ confirmText: '确认取消', cancelText: '再想想' })
  })

  test('the queue filters by status, fulfils with a note and cancels after a confirmation', async () => {
    gateway.on('mall', 'orders', (input) => ({
      ok: true,
      data: { items: input.status === 'pending' ? [orderOf()] : [], nextCursor: null },
    }))
    gateway.on('mall', 'fulfil', (input) => ({
      ok: true,
      data: {
        order: orderOf({ status: 'fulfilled', note: String(input.note) }),
        duplicate: false,
        notified: true,
      },
    }))
    render(<OrderQueue />)
    expect(await screen.findByText('《小王子》纪念版')).toBeTruthy()
    fireEvent.click(screen.getByText('发放'))
    expect(await screen.findByText('请填写快递单号、兑换码或发放说明')).toBeTruthy()
    await typeInto('快递单号、兑换码或发放说明', '顺丰 SF123')
    fireEvent.click(screen.getByText('发放'))
    await waitFor(() =>
      expect(gateway.calls.find((c) => c.action === 'fulfil')?.input).toEqual({
        id: orderOf().id,
        note: '顺丰 SF123',
      }),
    )
    expect(recorded.toasts.at(-1)?.title).toBe('已发放，已通知成员')

    recorded.modalConfirms = false
    // Once the row is idle again (its buttons are disabled while 发放 runs).
    await waitFor(() => {
      fireEvent.click(screen.getByText('取消订单'))
      expect(recorded.modals).toHaveLength(1)
    })
    expect(gateway.calls.some((c) => c.action === 'cancelOrder')).toBe(false)

    fireEvent.click(screen.getByText('已取消'))
    expect(await screen.findByText('没有符合条件的订单')).toBeTruthy()
    expect(gateway.calls.filter((c) => c.action === 'orders').map((c) => c.input.status)).toEqual([
      'pending',
      'pending',
      'cancelled',
    ])
  })
})

test('items without a photo show an icon for their kind', async () => {
  gateway.on('mall', 'items', () => ({
    ok: true,
    data: {
      items: [
        itemOf({ id: 'a', name: '书', kind: 'physical' }),
        itemOf({ id: 'b', name: '补签卡', kind: 'makeup_card' }),
        itemOf({ id: 'c', name: '称号', kind: 'title' }),
      ],
      nextCursor: null,
      balance: 35,
      levelName: '新手',
    },
  }))
  const { container } = render(<MallPage />)
  await screen.findByText('补签卡')
  const blanks = Array.from(container.querySelectorAll('.mall-card__image--blank'))
  expect(blanks.map((el) => el.className.split(' ').at(-1))).toEqual([
    'mall-card__image--physical',
    'mall-card__image--makeup_card',
    'mall-card__image--title',
  ])
  // Different drawings, not one placeholder three times.
  expect(new Set(blanks.map((el) => el.innerHTML)).size).toBe(3)
})
