/**
 * Featuring a note (精选) in Chromium against the local product (H5 build, seeded demo): the admin
 * 周宁 picks 80 points in the feed's confirmation, the note gets its badge, and the author is paid
 * once through the ledger. Members see no button.
 */
import { countWhere } from '../support/fixtures'
import { databaseOf, sdkFor } from '../support/local-cloud'
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(120_000)

const product = useProduct()
const { visible, shown } = product

async function loginAs(persona: string): Promise<void> {
  await product.page.goto(product.cloud.url + '/')
  await shown('本地体验登录').waitFor()
  await product.page.locator('.nut-cell').filter({ hasText: persona, visible: true }).first().click()
  await visible('.checkin-feed__note').first().waitFor()
}

it('an admin features a note after choosing the points, and the author is paid once', async () => {
  await loginAs('周宁 · 管理员')
  const first = visible('.checkin-feed__item')
    .filter({ has: product.page.locator('.checkin-feed__feature') })
    .first()
  const note = (await first.locator('.checkin-feed__note').innerText()).trim()
  // The confirmation replaces the button: find the item by its note from here on.
  const item = visible('.checkin-feed__item').filter({ hasText: note }).first()
  await item.locator('.checkin-feed__feature').click()
  await shown(/奖励 50 积分？设为精选后不能撤销。/).waitFor()
  await item.getByText('80 分', { exact: true }).click()
  await shown(/奖励 80 积分？/).waitFor()
  await screenshot(product.page, 'feature-01-confirm')
  await item.locator('.nut-button').filter({ hasText: '确认精选' }).click()
  await item.locator('.checkin-feed__badge').filter({ hasText: '精选' }).waitFor()
  await screenshot(product.page, 'feature-02-badge')
  const db = databaseOf(sdkFor(product.cloud))
  expect(await countWhere(db, 'ledger', { by: 'demo-admin', rule: 'quality', delta: 80 })).toBe(1)
})

it('a member sees the badge of the note just featured but cannot feature', async () => {
  await product.page.goto(product.cloud.url + '/')
  await visible('.qh-tabbar').getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await shown('本地体验登录').waitFor()
  await product.page.locator('.nut-cell').filter({ hasText: '小雨 · 成员', visible: true }).first().click()
  await visible('.checkin-feed__badge').first().waitFor()
  expect(await visible('.checkin-feed__feature').count()).toBe(0)
})
