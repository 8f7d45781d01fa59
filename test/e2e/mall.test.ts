/**
 * The mall in Chromium against the local product with demo data: a member redeems an item from the
 * 商城 tab with its confirmation and sees the order in 兑换记录; an admin fulfils it from the order
 * queue with a shipping note, and the member sees the note. The ledger verifies clean at the end.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { MallPage, OrderView } from '../../cloudfunctions/core/contracts/mall'
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

it('a member redeems an item and sees the order', async () => {
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
  await button('确认兑换').click()
  await shown('订单已提交，管理员发放后会通知你。').waitFor()
  await button('查看兑换记录').click()
  await visible('.pmall-order').filter({ hasText: '《小王子》纪念版' }).getByText('待发放').waitFor()
  await screenshot(product.page, 'mall-03-orders')

  const order = (await myOrders()).find((o) => o.itemName === '《小王子》纪念版')
  expect(order).toMatchObject({ status: 'pending', price: 800 })
})

it('an admin fulfils it from the order queue, and the member sees the note', async () => {
  await product.page.goto(product.cloud.url + '/')
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('周宁 · 管理员')
  await tabBar().getByText('管理').click()
  await cell('商城与订单').click()
  await cell('订单队列').click()
  const row = visible('.amall-item').filter({ hasText: '小雨 · 800 分' })
  await row.waitFor()
  await row.locator('input').fill('顺丰 SF1234567890')
  await row.locator('.nut-button').filter({ hasText: '发放' }).click()
  await row.waitFor({ state: 'detached' })
  await screenshot(product.page, 'mall-04-queue')

  const order = (await myOrders()).find((o) => o.itemName === '《小王子》纪念版')
  expect(order).toMatchObject({ status: 'fulfilled', note: '顺丰 SF1234567890' })

  await product.page.goto(product.cloud.url + '/')
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('小雨 · 成员')
  await tabBar().getByText('我的').click()
  await cell('兑换记录').click()
  await shown('顺丰 SF1234567890').waitFor()
  await screenshot(product.page, 'mall-05-fulfilled')
})
