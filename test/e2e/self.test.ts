/**
 * A member edits their profile and exports their data, in Chromium against the local product (H5
 * build, seeded demo): 小雨 renames herself from 我的 › 编辑资料, sees the new name on 我的, opens
 * 我的数据 and downloads her profile section as a CSV with Chinese headers.
 */
import fs from 'node:fs'
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(150_000)

const product = useProduct()
const { visible, shown, button, cell, actAs } = product

it('lets a member change her nickname from 我的 › 编辑资料', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('小雨 · 成员')
  await product.page.locator('.home-hero__name').filter({ hasText: '晨光读书会', visible: true }).waitFor()
  await visible('.qh-tabbar').getByText('我的').click()
  await cell('编辑资料').click()
  const input = product.page.locator('input[placeholder="你在社群里的名字"]').filter({ visible: true })
  await input.fill('管理员小雨')
  await button('保存').click()
  await shown(/不能包含「管理员」等身份称呼/).waitFor()
  await input.fill('读书的小雨')
  await button('保存').click()
  await shown('已保存').waitFor()
  await screenshot(product.page, 'self-01-profile')
  await product.page.goBack()
  await visible('.mine-profile__nickname').filter({ hasText: '读书的小雨' }).waitFor()
})

it('shows her data and exports a section as CSV', async () => {
  await cell('我的数据').click()
  await shown('个人资料（1）').waitFor()
  await visible('.me-row').filter({ hasText: '读书的小雨' }).first().waitFor()
  await shown(/匿名问卷不记录答题人/).waitFor()
  await screenshot(product.page, 'self-02-data')
  const [download] = await Promise.all([
    product.page.waitForEvent('download'),
    button('导出个人资料').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^我的数据-个人资料-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = fs.readFileSync((await download.path())!, 'utf8')
  expect(text.startsWith('\uFEFF社群,昵称,头像文件,角色,等级,积分余额,累计获得,标签,加入时间,状态\r\n')).toBe(
    true,
  )
  expect(text).toContain('晨光读书会,读书的小雨')
})
