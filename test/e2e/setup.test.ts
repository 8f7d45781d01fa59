/**
 * A new owner's first steps in Chromium: a visitor creates a community from the join gate, a member
 * joins it, the owner appoints them 活动官 (内容官) on 团队与角色, and the organiser's 管理 tab lists only
 * the tools their role holds.
 */
import { screenshot, useProduct } from '../support/browser'
import { sdkFor } from '../support/local-cloud'

jest.setTimeout(180_000)

const product = useProduct()
const { shown, tabBar, actAs, button, cell, visible } = product
const NAME = '山野徒步会'

it('lets a visitor create a community and become its owner', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('新访客')
  await shown('想自己建一个社群？').waitFor()
  await button('创建社群').click()
  await visible('input[placeholder="2–20 个字"]').fill(NAME)
  // The join gate's own 创建社群 button stays in the DOM behind this page.
  await product.page.locator('.nut-button-primary').filter({ hasText: '创建社群', visible: true }).click()
  await product.page.locator('.home-hero__name').filter({ hasText: NAME, visible: true }).waitFor()
  await tabBar().getByText('管理').click()
  await cell('团队与角色').waitFor()
  await screenshot(product.page, 'setup-01-owner-manage')
})

it('appoints a member who joined as 活动官 with a title', async () => {
  const db = sdkFor(product.cloud).database()
  const { data } = (await db.collection('communities').where({ name: NAME }).get()) as unknown as {
    data: { inviteCode: string }[]
  }
  const joined = await product.cloud.call<{ ok: boolean }>(
    'member',
    { action: 'joinByInvite', code: data[0].inviteCode, nickname: '小雨' },
    'demo-member',
  )
  expect(joined.ok).toBe(true)
  await cell('团队与角色').click()
  await shown('人手建议').waitFor()
  await visible('input[placeholder="输入昵称开头搜索成员"]').fill('小雨')
  await button('搜索').click()
  await visible('.team-row').filter({ hasText: '小雨' }).first().click()
  await button('内容官').click()
  await button('确认任命').click()
  await shown('活动官 · 内容官').waitFor()
  await screenshot(product.page, 'setup-02-team')
})

it('shows the organiser only the tools their role holds', async () => {
  // Sign out (the H5 session lives in local storage) and come back as 小雨.
  await product.page.evaluate(() => localStorage.clear())
  await product.page.goto(product.cloud.url + '/')
  await actAs('小雨 · 成员')
  await product.page.locator('.home-hero__name').filter({ hasText: NAME, visible: true }).waitFor()
  await tabBar().getByText('管理').click()
  await cell('打卡挑战').waitFor()
  expect(await visible('.nut-cell').filter({ hasText: '社群设置' }).count()).toBe(0)
  expect(await visible('.nut-cell').filter({ hasText: '团队与角色' }).count()).toBe(0)
  expect(await visible('.nut-cell').filter({ hasText: '积分与等级' }).count()).toBe(0)
  await screenshot(product.page, 'setup-03-organiser-tools')
})
