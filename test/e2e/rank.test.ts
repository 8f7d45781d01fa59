/**
 * The rank tab in Chromium against the local product with demo data: a member switches between the
 * four boards and always sees their own place pinned below the list; an admin opens 排行榜 from 管理
 * and sees that staff are kept off the boards and last month's Top 3.
 */
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(120_000)

const product = useProduct()
const { shown, visible, cell, tabBar, actAs } = product

it('a member switches boards and sees their own row pinned', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('小雨 · 成员')
  await tabBar().getByText('排行').click()
  await shown(/^本周（\d+月\d+日–\d+月\d+日）获得的积分/).waitFor()
  await visible('.rank-row').first().waitFor()
  // How many earned this week depends on the weekday; the board never lists more than 50.
  expect(await visible('.rank-row').count()).toBeLessThanOrEqual(50)
  await shown('· 管理员和活动官不参与排名', false).waitFor()
  const pinned = visible('.rank-me')
  await pinned.getByText(/^第 \d+ 名$/).waitFor()
  await screenshot(product.page, 'rank-01-week')

  // The total board: 小雨 is below the top 50, and her row is still pinned with her rank.
  await visible('.rank-switch__item').filter({ hasText: '总榜' }).click()
  await shown('累计获得的积分').waitFor()
  await pinned.getByText(/^第 \d+ 名$/).waitFor()
  const rank = Number((await pinned.locator('.rank-me__place').textContent())?.match(/\d+/)?.[0])
  expect(rank).toBeGreaterThan(50)
  // Every seeded member has earned points: the total board shows exactly the top 50.
  expect(await visible('.rank-row').count()).toBe(50)
  expect(await visible('.rank-row--me').count()).toBe(0)
  expect(await visible('.rank-row--top1').count()).toBeGreaterThan(0)
  await screenshot(product.page, 'rank-02-total-pinned')

  await visible('.rank-switch__item').filter({ hasText: '连续打卡' }).click()
  await shown('当前连续打卡天数（今天或昨天打过卡）').waitFor()
  await visible('.rank-row__unit').filter({ hasText: '天' }).first().waitFor()
  await screenshot(product.page, 'rank-03-streak')
})

it('an admin sees the settings and last month’s Top 3', async () => {
  await product.page.goto(product.cloud.url + '/')
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('周宁 · 管理员')
  await tabBar().getByText('管理').click()
  await cell('排行榜').click()
  await shown('管理员不参与排名').waitFor()
  await shown(/^\d{4}年\d+月$/).waitFor()
  await visible('.arank-result__rank').filter({ hasText: '第 1 名' }).first().waitFor()
  await screenshot(product.page, 'rank-04-admin')
  await product.page.goBack()
  await tabBar().getByText('排行').click()
  await visible('.rank-me').getByText('你不参与排名').waitFor()
})
