/**
 * The mall in Chromium against the local product with demo data: a member redeems a physical gift from
 * the 商城 tab, typing where it goes (H5 has no chooseAddress), and sees the order 待发货 in 兑换记录; an
 * admin sees the address in the order queue and marks it shipped with a courier and tracking number; the
 * member is told once and sees the tracking number. The ledger verifies clean at the end.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { MallPage, OrderView } from '../../cloudfunctions/core/contracts/mall'
import { MESSAGE_TEMPLATES } from '../../cloudfunctions/core/notify'
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(180_000)

const product = useProduct()
const { shown, cell, button, visible, tabBar, actAs } = product

async function myOrders(): Promise<OrderView[]> {
  const res = await product.cloud.call<ActionResult<MallPage<OrderView>>>(
    'mall',
    { action: 'myOrders' },
    'demo-member',
  )
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data.items
}

it('a member redeems a physical gift to an address and sees the order', async () => {
  // Enough points for the book, given the way an admin would.
  const adjusted = await product.cloud.call<ActionResult<unknown>>(
    'points',
    {
      action: 'adjust',
      memberId: 'demo-reading_demo-member',
      delta: 1000,
      reason: '读书打卡月冠军',
      requestId: 'e2e-mall-topup',
    },
    'demo-admin',
  )
  expect(adjusted.ok).toBe(true)

  await product.page.goto(product.cloud.url + '/')
  await actAs('小雨 · 成员')
  await tabBar().getByText('商城').click()
  await shown('《小王子》纪念版').waitFor()
  await shown('核心及以上').waitFor()
  await screenshot(product.page, 'mall-01-shelf')
  await shown('《小王子》纪念版').click()
  await button('立即兑换').click()
  await shown('确认兑换「《小王子》纪念版」？').waitFor()
  await shown('兑换后余额').waitFor()
  await screenshot(product.page, 'mall-02-confirm')
  await shown('收货方式').waitFor()
  // A wrong number is caught before anything is sent, in plain Chinese.
  await visible('input[placeholder="姓名"]').fill('王小雨')
  await visible('input[placeholder="11 位手机号"]').fill('1381234')
  await visible('input[placeholder="省 市 区，如 浙江省 杭州市 西湖区"]').fill('浙江省 杭州市 西湖区')
  await visible('input[placeholder="街道、门牌号"]').fill('文三路 90 号 3 幢 201')
  await button('确认兑换').click()
  await shown('手机号需为 11 位大陆手机号，如 13812345678').waitFor()
  await visible('input[placeholder="11 位手机号"]').fill('13812345678')
  await screenshot(product.page, 'mall-02b-delivery')
  await button('确认兑换').click()
  await shown('订单已提交，发货后会通知你快递单号。').waitFor()
  await button('查看兑换记录').click()
  const row = visible('.pmall-order').filter({ hasText: '《小王子》纪念版' })
  await row.getByText('待发货').waitFor()
  await row.getByText('王小雨 13812345678').waitFor()
  await screenshot(product.page, 'mall-03-orders')

  const order = (await myOrders()).find((o) => o.itemName === '《小王子》纪念版')
  expect(order).toMatchObject({
    status: 'pending',
    price: 800,
    delivery: { method: 'address', name: '王小雨', phone: '13812345678', region: '浙江省 杭州市 西湖区' },
  })
})

it('an admin marks it shipped from the order queue; the member is told once and sees the tracking number', async () => {
  // As if 小雨 had allowed the 订单状态 message at the redeem tap (H5 asks nothing).
  await product.cloud.control('subscriptions', {
    openid: 'demo-member',
    templateId: MESSAGE_TEMPLATES.orderUpdate,
  })
  await product.page.goto(product.cloud.url + '/')
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('周宁 · 管理员')
  await tabBar().getByText('管理').click()
  await cell('商城与订单').click()
  await cell('订单队列').click()
  const row = visible('.amall-item').filter({ hasText: '小雨 · 800 分' })
  await row.waitFor()
  await row.getByText('浙江省 杭州市 西湖区 文三路 90 号 3 幢 201').waitFor()
  await row.locator('input[placeholder="快递公司，如 顺丰"]').fill('顺丰')
  await row.locator('input[placeholder="快递单号"]').fill('SF1234567890')
  await screenshot(product.page, 'mall-04-queue')
  await row.locator('.nut-button').filter({ hasText: '标记已发货' }).click()
  await row.waitFor({ state: 'detached' })

  const order = (await myOrders()).find((o) => o.itemName === '《小王子》纪念版')
  expect(order).toMatchObject({
    status: 'shipped',
    shipment: { carrier: '顺丰', trackingNo: 'SF1234567890' },
  })
  const outbox = await product.cloud.control<{ messages: { data: Record<string, { value: string }> }[] }>(
    'outbox',
    { touser: 'demo-member' },
  )
  expect(outbox.messages.filter((m) => m.data.thing1.value === '《小王子》纪念版')).toHaveLength(1)
  expect(outbox.messages.at(-1)?.data.phrase2.value).toBe('已发货')

  await product.page.goto(product.cloud.url + '/')
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('小雨 · 成员')
  await tabBar().getByText('我的').click()
  await cell('兑换记录').click()
  const mine = visible('.pmall-order').filter({ hasText: '《小王子》纪念版' })
  await mine.getByText('快递：顺丰 SF1234567890').waitFor()
  await mine.getByText('已发货').waitFor()
  await screenshot(product.page, 'mall-05-shipped')
})
