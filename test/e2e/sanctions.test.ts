/**
 * 违规与申诉 in Chromium against the local product with demo data: an admin (周宁) opens it from 管理
 * and records three violations on 小雨, each confirmation stating the step's consequence, up to the
 * 24-hour mute; then 小雨's check-in with a note is refused with the mute message, and 我的违规记录
 * lists the three steps.
 */
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(180_000)

const product = useProduct()
const { shown, cell, button, tabBar, actAs, visible } = product

async function recordOn(nickname: string, reason: string, step: string, consequence: string) {
  await visible('input[placeholder="输入昵称中的任意几个字"]').first().fill(nickname)
  await button('搜索').click()
  await visible('.asan-pick').filter({ hasText: nickname }).first().click()
  await shown(`这次将是「${step}」`).waitFor()
  await visible('input[placeholder="必填，成员会看到"]').first().fill(reason)
  await button('下一步').click()
  await visible('.asan-confirm').filter({ hasText: consequence }).waitFor()
  await button('确认记录').click()
  // The form closes and the new violation heads 最近的违规.
  await visible('.asan-line').filter({ hasText: reason }).first().waitFor()
}

it('an admin records violations up to the mute; the muted member cannot post a check-in note', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('周宁 · 管理员')
  await tabBar().getByText('管理').click()
  await cell('违规与申诉').click()
  await shown('记录违规').waitFor()
  await shown('待处理申诉').waitFor()

  await recordOn('小雨', '在群里发广告链接', '第 1 步 · 私下提醒', '只有 TA 本人会')
  await recordOn('小雨', '又一次发广告', '第 2 步 · 公开点名', '出现在社群公告上')
  await recordOn('小雨', '第三次发广告', '第 3 步 · 禁言 24 小时', 'TA 将被禁言 24 小时')
  await screenshot(product.page, 'sanctions-01-recorded')

  await product.page.goto(product.cloud.url + '/')
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('小雨 · 成员')
  await visible('.checkin-card__submit').waitFor()
  await visible('.checkin-card__textarea textarea').fill('今天读了两章。')
  await visible('.checkin-card__submit').click()
  await visible('.checkin-card__error')
    .filter({ hasText: /你已被禁言，.* 后才能发言/ })
    .waitFor()
  await screenshot(product.page, 'sanctions-02-muted')

  await tabBar().getByText('我的').click()
  await cell('我的违规记录').click()
  await shown('你正在禁言中').waitFor()
  await shown('第 3 步 · 禁言 24 小时').waitFor()
  await shown('第 1 步 · 私下提醒').waitFor()
  await shown('第三次发广告').waitFor()
})
