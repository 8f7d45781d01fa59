/**
 * The value score in Chromium against the local product with demo data: a member opens 我的活跃度
 * from 我的 and reads last week's score with its five weighted parts and a suggestion; an admin opens
 * 成员分层 from 管理, sees the distribution against the healthy ranges, opens a silent member and
 * sends a wake-up after confirming (no subscription locally, so it is recorded as not sent).
 */
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(120_000)

const product = useProduct()
const { shown, cell, tabBar, actAs } = product

it('a member reads their value score, explained', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('小雨 · 成员')
  await tabBar().getByText('我的').click()
  await cell('我的活跃度').click()
  await shown('五项得分（0–100）与加权贡献').waitFor()
  await shown('发言频率 30%').waitFor()
  await shown('违规记录 10%').waitFor()
  await shown('怎样提升').waitFor()
  await shown('本周进行中').waitFor()
  await shown(/按目前的记录，本周约 [\d.]+ 分/).waitFor()
  await screenshot(product.page, 'score-01-member')
})

it('an admin sees the tiers and wakes up a silent member', async () => {
  await product.page.goto(product.cloud.url + '/')
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('周宁 · 管理员')
  await tabBar().getByText('管理').click()
  await cell('成员分层').click()
  await shown(/那周 · 共 \d+ 人/).waitFor()
  await shown(/浅色底为健康区间/).waitFor()
  await screenshot(product.page, 'score-02-tiers')
  // The silent list opens first; pick its first member.
  const firstRow = product.page.locator('.tiers-row').filter({ visible: true }).first()
  await firstRow.waitFor()
  await firstRow.click()
  await shown('发送唤醒通知').waitFor()
  await shown('沉默').waitFor()
  await product.page
    .locator('.nut-button')
    .filter({ hasText: '发送唤醒通知' })
    .filter({ visible: true })
    .click()
  await shown(/每位成员 30 天内最多唤醒一次/).waitFor()
  await screenshot(product.page, 'score-03-wake-confirm')
  await product.page.getByText('发送', { exact: true }).filter({ visible: true }).last().click()
  await shown('未订阅，无法发送').waitFor()
  await screenshot(product.page, 'score-04-wake-outcome')
})
