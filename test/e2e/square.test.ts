/**
 * The community square in Chromium against the local product with demo data: a member posts in a
 * theme (photos are weapp-only, which the H5 composer says), another member replies, likes and
 * reports, staff pin the post as 群公告 and then hide it with a reason; the valued post's points
 * show in the author's ledger.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { SquareOutputs } from '../../cloudfunctions/core/contracts/square'
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(240_000)

const product = useProduct()
const { shown, cell, button, visible, tabBar, actAs } = product
const TEXT = '晒一下我的书桌：台灯、便签和一本读到一半的《百年孤独》，欢迎大家也来晒晒！'
const REPLY = '书桌好整齐，求台灯链接'

/** The modal's confirm button (the page's own button may carry the same text). */
const confirmModal = (text: string) =>
  product.page.getByText(text, { exact: true }).filter({ visible: true }).last()

async function switchTo(persona: string) {
  await product.page.goto(product.cloud.url + '/')
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs(persona)
}

async function openPost() {
  await tabBar().getByText('首页').click()
  await cell('社群广场').click()
  await visible('.sq-post__text').filter({ hasText: TEXT }).first().click()
  await shown('回复', true).waitFor()
}

async function squareCall<A extends keyof SquareOutputs>(action: A, input: object, openid: string) {
  const res = await product.cloud.call<ActionResult<SquareOutputs[A]>>('square', { action, ...input }, openid)
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data
}

it('a member posts in a theme; another replies, likes and reports; staff pin, then hide it; the points show in the ledger', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('小雨 · 成员')
  await cell('社群广场').click()
  await button('发帖').click()
  await shown('本地体验版不能上传照片，在小程序里发帖可以配最多 3 张图。').waitFor()
  await visible('.sq-textarea textarea').first().fill(TEXT)
  await shown('生活', true).click()
  await shown('#晒书桌', true).click()
  await screenshot(product.page, 'square-01-compose')
  await button('发布').click()
  await shown('有效发言 +20 积分').waitFor()
  await screenshot(product.page, 'square-02-posted')

  await switchTo('陈一帆 · 活动官')
  await openPost()
  await visible('.sq-textarea textarea').first().fill(REPLY)
  await button('回复').click()
  await visible('.sq-reply').filter({ hasText: REPLY }).waitFor()
  await shown('点赞 0').click()
  await shown('已赞 1').waitFor()
  await visible('input[placeholder="写明原因，至少 2 个字"]').first().fill('像是在推销台灯')
  await button('举报这条帖子').click()
  await confirmModal('确定').click()
  await shown('你已举报过这条帖子').waitFor()
  await screenshot(product.page, 'square-03-replied')

  await switchTo('周宁 · 管理员')
  await openPost()
  await button('置顶为群公告').click()
  await confirmModal('确定').click()
  await button('取消置顶').waitFor()
  const feed = await squareCall('feed', {}, 'demo-member')
  // The newest 群公告 first (the demo's 规则答疑 thread stays below it).
  expect(feed.pinned[0].excerpt.slice(0, 10)).toBe(TEXT.slice(0, 10))
  await visible('input[placeholder="写明原因，至少 2 个字"]').first().fill('含有商品推广')
  await button('隐藏').click()
  await confirmModal('确定').click()
  await shown('已被管理员隐藏：含有商品推广').waitFor()
  await screenshot(product.page, 'square-04-hidden')
  const after = await squareCall('feed', {}, 'demo-organiser')
  expect(after.items.map((p) => p.text)).not.toContain(TEXT)
  expect(after.pinned.map((p) => p.excerpt.slice(0, 10))).not.toContain(TEXT.slice(0, 10))

  await switchTo('小雨 · 成员')
  await tabBar().getByText('我的').click()
  await cell('积分明细').click()
  await shown('有效发言 · 在「晒书桌」发帖').waitFor()
  await screenshot(product.page, 'square-05-ledger')
})
