/**
 * 成员管理 in Chromium against the local product with demo data: an admin opens it from 管理, searches
 * by a middle part of a nickname (陈一帆's 一), opens the member and reads the 档案 with its sections,
 * then keeps a private note.
 */
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(120_000)

const product = useProduct()
const { shown, cell, tabBar, actAs } = product

it('an admin finds a member by a middle part of the nickname and opens their page', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('周宁 · 管理员')
  await tabBar().getByText('管理').click()
  await cell('成员管理').click()
  await shown(/共 \d+ 位成员/).waitFor()
  const input = product.page
    .locator('input[placeholder="输入昵称中的任意几个字"]')
    .filter({ visible: true })
    .first()
  await input.fill('一')
  await product.page
    .locator('.nut-button')
    .filter({ hasText: '搜索' })
    .filter({ visible: true })
    .first()
    .click()
  const row = product.page.locator('.mem-row').filter({ hasText: '陈一帆' }).filter({ visible: true }).first()
  await row.waitFor()
  await screenshot(product.page, 'directory-01-search')
  await row.click()
  await shown('陈一帆').waitFor()
  await shown('加入时间').waitFor()
  await product.page.getByText('积分与订单', { exact: true }).filter({ visible: true }).first().click()
  await shown('积分流水').waitFor()
  await product.page.getByText('备注', { exact: true }).filter({ visible: true }).first().click()
  await product.page.locator('textarea').filter({ visible: true }).first().fill('带新人很耐心')
  await product.page.locator('.nut-button').filter({ hasText: '保存备注' }).filter({ visible: true }).click()
  await shown('带新人很耐心').waitFor()
  await screenshot(product.page, 'directory-02-member')
})
