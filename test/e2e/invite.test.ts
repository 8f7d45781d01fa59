/**
 * A personal invite link in Chromium against the local product (H5 build, seeded demo): 小雨 opens
 * 邀请好友 from 我的 and takes her link; a new visitor opens it, finds the code filled in and joins;
 * back as 小雨, the page says 已邀请 1 人 and names the newcomer.
 */
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(150_000)

const product = useProduct()
const { visible, shown, button, cell, actAs } = product

let link = ''

it('shows a member her personal invite link from 我的', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('小雨 · 成员')
  await product.page.locator('.home-hero__name').filter({ hasText: '晨光读书会', visible: true }).waitFor()
  await visible('.qh-tabbar').getByText('我的').click()
  await cell('邀请好友').click()
  await shown('已邀请 0 人加入').waitFor()
  link = (await visible('.invite-link').innerText()).trim()
  expect(link).toMatch(/#\/pages\/home\/index\?code=QHREAD&ref=[a-z2-9]{8}$/)
  await screenshot(product.page, 'invite-01-page')
})

it('lets a new visitor join through the link, the code already filled in', async () => {
  await product.page.goto(product.cloud.url + '/#/pages/dev-login/index')
  await actAs('新访客')
  await shown('用邀请码加入').waitFor()
  await product.page.goto(link)
  await product.page.reload()
  await shown('好友邀请你加入，邀请码已经填好了。').waitFor()
  await product.page
    .locator('input[placeholder="群里怎么称呼你（选填）"]')
    .filter({ visible: true })
    .fill('青禾')
  await button('加入社群').click()
  await shown(/群规速览/).waitFor()
  await shown('知道了').click()
  await product.page.locator('.home-me__nickname').filter({ hasText: '青禾', visible: true }).waitFor()
})

it('shows the inviter 已邀请 1 人 and who it was', async () => {
  await product.page.goto(product.cloud.url + '/#/pages/dev-login/index')
  await actAs('小雨 · 成员')
  await product.page.locator('.home-hero__name').filter({ hasText: '晨光读书会', visible: true }).waitFor()
  await product.page.goto(product.cloud.url + '/#/packages/invite/friends/index')
  await shown('已邀请 1 人加入').waitFor()
  await visible('.invite-row').filter({ hasText: '青禾' }).waitFor()
  await screenshot(product.page, 'invite-02-joined')
})
