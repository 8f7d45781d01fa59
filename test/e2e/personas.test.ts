/**
 * The local product in Chromium: the H5 build served by the local cloud with demo data. A member
 * signs in, sees the home page and no 管理 tab; an admin sees the 管理 tab and the invite code; a
 * new visitor joins with that code.
 */
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(120_000)

const product = useProduct()
const { shown, tabBar, actAs } = product

it('greets a demo member on the home page, without the management tab', async () => {
  await product.page.goto(product.cloud.url + '/')
  await shown('本地体验登录').waitFor()
  await screenshot(product.page, '01-dev-login')
  await actAs('小雨 · 成员')
  // The home page's own parts, not the dev login's list that also names them.
  await product.page.locator('.home-hero__name').filter({ hasText: '晨光读书会', visible: true }).waitFor()
  await product.page.locator('.home-me__nickname').filter({ hasText: '小雨', visible: true }).waitFor()
  await tabBar().getByText('首页').waitFor()
  expect(await tabBar().getByText('管理').count()).toBe(0)
  await screenshot(product.page, '02-member-home')
})

it('shows an admin the management tab with the invite code', async () => {
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('周宁 · 管理员')
  await tabBar().getByText('管理').click()
  await shown('QHREAD').waitFor()
  await screenshot(product.page, '03-admin-manage')
})

it('lets a new visitor join with the invite code', async () => {
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('新访客')
  await shown('用邀请码加入').waitFor()
  await product.page.locator('input[placeholder="6 位邀请码"]').filter({ visible: true }).fill('qhread')
  await product.page.locator('.nut-button').filter({ hasText: '加入社群', visible: true }).click()
  await product.page.locator('.home-hero__name').filter({ hasText: '晨光读书会', visible: true }).waitFor()
  await product.page.locator('.home-me__nickname').filter({ hasText: /^成员/, visible: true }).waitFor()
  expect(await tabBar().getByText('管理').count()).toBe(0)
  await screenshot(product.page, '04-visitor-joined')
})
