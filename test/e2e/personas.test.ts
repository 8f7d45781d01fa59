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

const tabBar = () => page.locator('.qh-tabbar')

async function actAs(label: string): Promise<void> {
  await page.getByText('本地体验登录').waitFor()
  await page.getByText(label, { exact: true }).click()
}

it('greets a demo member on the home page, without the management tab', async () => {
  await page.goto(cloud.url + '/')
  await page.getByText('本地体验登录').waitFor()
  await screenshot(page, '01-dev-login')
  await actAs('小雨 · 成员')
  await page.getByText('晨光读书会').first().waitFor()
  await page.getByText('小雨').first().waitFor()
  await tabBar().getByText('首页').waitFor()
  expect(await tabBar().getByText('管理').count()).toBe(0)
  await screenshot(page, '02-member-home')
})

it('shows an admin the management tab with the invite code', async () => {
  await tabBar().getByText('我的').click()
  await page.getByText('切换身份').click()
  await actAs('周宁 · 管理员')
  await tabBar().getByText('管理').click()
  await page.getByText('QHREAD').first().waitFor()
  await screenshot(page, '03-admin-manage')
})

it('lets a new visitor join with the invite code', async () => {
  await tabBar().getByText('我的').click()
  await page.getByText('切换身份').click()
  await actAs('新访客')
  await page.getByText('用邀请码加入').waitFor()
  await page.getByPlaceholder('6 位邀请码').fill('qhread')
  await page.getByText('加入社群', { exact: true }).click()
  await page.getByText('晨光读书会').first().waitFor()
  expect(await tabBar().getByText('管理').count()).toBe(0)
  await screenshot(page, '04-visitor-joined')
})
