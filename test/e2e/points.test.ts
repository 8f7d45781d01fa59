/**
 * Points in Chromium against the local product with demo data: an admin edits a points rule (with
 * its confirmation) and the change shows, to the admin and through the function; a member opens
 * 积分明细 and 我的等级 from 我的. The seeded ledger verifies clean.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { RulesResult } from '../../cloudfunctions/core/contracts/points'
import { verifyDataDir } from '../../tools/verify-ledger'
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(120_000)

const product = useProduct()
const { shown, cell, tabBar, actAs } = product

it('the seeded demo ledger verifies clean', async () => {
  const report = await verifyDataDir(product.cloud.dataDir, product.cloud.envId)
  expect(report.rows).toBeGreaterThan(200)
  expect(report.differences).toEqual([])
})

it('an admin edits a points rule and sees the change', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('周宁 · 管理员')
  await tabBar().getByText('管理').click()
  await cell('积分与等级').click()
  const post = product.page.locator('[data-rule="post"]').filter({ visible: true })
  await post.getByText('20 分 · 每日上限 100 分 · 默认').waitFor()
  await post.locator('input').nth(0).fill('30')
  await post.locator('.nut-button').filter({ hasText: '保存' }).click()
  await post.getByText(/确认把「有效发言」改为每次 30 分，每日上限 100 分/).waitFor()
  await screenshot(product.page, 'points-01-rule-confirm')
  await post.locator('.nut-button').filter({ hasText: '确认修改' }).click()
  await post.getByText('30 分 · 每日上限 100 分').waitFor()
  await screenshot(product.page, 'points-02-rule-saved')

  const rules = (await product.cloud.call<ActionResult<RulesResult>>(
    'points',
    { action: 'rules' },
    'demo-member',
  )) as {
    ok: true
    data: RulesResult
  }
  expect(rules.data.rules.find((r) => r.key === 'post')).toMatchObject({ points: 30, dailyCap: 100 })

  await product.page.reload()
  await product.page
    .locator('[data-rule="post"]')
    .filter({ visible: true })
    .getByText('30 分 · 每日上限 100 分')
    .waitFor()
})

it('a member opens 积分明细 and 我的等级 from 我的', async () => {
  await product.page.goto(product.cloud.url + '/')
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('小雨 · 成员')
  await tabBar().getByText('我的').click()
  await cell('积分明细').click()
  await shown('管理员调整 · 读书分享会嘉宾').waitFor()
  await shown(/有效发言 · (广场发帖|在「.*」发帖)/).waitFor()
  await screenshot(product.page, 'points-03-ledger')
  await product.page.goBack()
  await cell('我的等级').click()
  await shown(/再获得 \d+ 分升级为进阶/).waitFor()
  await shown('基础资料、优先答疑通道').waitFor()
  await screenshot(product.page, 'points-04-level')
})
