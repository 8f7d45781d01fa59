/**
 * The health dashboard in Chromium against the local product with demo data: an admin sees the pending
 * work on 管理, opens 数据看板, reads the seeded decline alert (衰退期) with what moved it and its plan,
 * sees the trend lines drawn on canvas, and follows the plan's link to the tool that carries it out.
 */
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(150_000)

const product = useProduct()
const { shown, cell, button, tabBar, actAs } = product

it('an admin opens the dashboard, reads the alert with its plan and follows its link', async () => {
  const { page } = product
  await page.goto(product.cloud.url + '/')
  await actAs('周宁 · 管理员')
  await tabBar().getByText('管理').click()
  // The tab and the tool carry the open alert among the pending work.
  await product.visible('.qh-tabbar__badge').first().waitFor()
  await cell('数据看板').click()
  await shown('连续 3 周下滑（衰退期）').waitFor()
  await shown(/周均日活 \d+ → \d+ → \d+ → \d+ 人/).waitFor()
  await shown(/主要来自/).waitFor()
  await shown('建议这样做').waitFor()
  await shown('拆分群或开启新主题').waitFor()
  await shown('当天有任何动作的成员 ÷ 当天成员总数').waitFor()
  // The trend lines are drawn: the daily-active canvas has coloured pixels.
  const canvas = product.visible('canvas#dash-trend-dailyActiveRate')
  await canvas.waitFor()
  await page.waitForFunction(() => {
    const c = document.querySelector('canvas#dash-trend-dailyActiveRate') as HTMLCanvasElement | null
    const ctx = c?.getContext('2d')
    if (!c || !ctx || !c.width) return false
    const { data } = ctx.getImageData(0, 0, c.width, c.height)
    for (let i = 0; i < data.length; i += 4)
      if (data[i] > 200 && data[i + 1] < 150 && data[i + 2] < 100) return true
    return false
  })
  await screenshot(page, 'dashboard-01-alert')
  await button('管理微信群').click()
  await shown('已绑定的群').waitFor()
  await screenshot(page, 'dashboard-02-groups')
})
