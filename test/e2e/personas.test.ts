/**
 * The local product in Chromium: the H5 build served by the local cloud with demo data. A member
 * signs in, sees the home page and no 管理 tab; an admin sees the 管理 tab and the invite code; a
 * new visitor joins with that code.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { openBrowser, screenshot } from '../support/browser'
import { startCloud, type RunningCloud } from '../support/local-cloud'

jest.setTimeout(120_000)

let cloud: RunningCloud
let context: BrowserContext
let page: Page

beforeAll(async () => {
  cloud = await startCloud({ seed: true })
  ;({ context, page } = await openBrowser())
})

afterAll(async () => {
  await context?.close()
  await cloud?.stop()
})

// Taro's H5 router keeps visited tab pages in the DOM, hidden: look only at what is on screen.
const shown = (text: string, exact = false) =>
  page.locator('#app').getByText(text, { exact }).filter({ visible: true }).first()
const tabBar = () => page.locator('.qh-tabbar').filter({ visible: true })

async function actAs(label: string): Promise<void> {
  await shown('本地体验登录').waitFor()
  // NutUI's Cell puts its own layer over the text, so click the cell itself, once it stops moving.
  await page.locator('.nut-cell').filter({ hasText: label, visible: true }).first().click()
}

it('greets a demo member on the home page, without the management tab', async () => {
  await page.goto(cloud.url + '/')
  await shown('本地体验登录').waitFor()
  await screenshot(page, '01-dev-login')
  await actAs('小雨 · 成员')
  // The home page's own parts, not the dev login's list that also names them.
  await page.locator('.home-hero__name').filter({ hasText: '晨光读书会', visible: true }).waitFor()
  await page.locator('.home-me__nickname').filter({ hasText: '小雨', visible: true }).waitFor()
  await tabBar().getByText('首页').waitFor()
  expect(await tabBar().getByText('管理').count()).toBe(0)
  await screenshot(page, '02-member-home')
})

it('shows an admin the management tab with the invite code', async () => {
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('周宁 · 管理员')
  await tabBar().getByText('管理').click()
  await shown('QHREAD').waitFor()
  await screenshot(page, '03-admin-manage')
})

it('lets a new visitor join with the invite code', async () => {
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('新访客')
  await shown('用邀请码加入').waitFor()
  await page.locator('input[placeholder="6 位邀请码"]').filter({ visible: true }).fill('qhread')
  await page.locator('.nut-button').filter({ hasText: '加入社群', visible: true }).click()
  await page.locator('.home-hero__name').filter({ hasText: '晨光读书会', visible: true }).waitFor()
  await page.locator('.home-me__nickname').filter({ hasText: /^成员/, visible: true }).waitFor()
  expect(await tabBar().getByText('管理').count()).toBe(0)
  await screenshot(page, '04-visitor-joined')
})
