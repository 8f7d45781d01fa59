/**
 * Guards for what a new user tripped over (the walk-through issue), in Chromium against the local
 * product with demo data:
 * - a tab page shown again shows fresh figures (排行 after points changed elsewhere);
 * - a survey's multiple choice stops at its maximum, single and multiple choice carry radio and
 *   checkbox marks, and the 0–10 and 1–5 scales each sit on one row across the card;
 * - the admin's 调整积分 panel closes after it succeeds and the member row shows the new balance.
 */
import { memberId } from '../../cloudfunctions/core/community'
import { DEMO_COMMUNITY } from '../../tools/local-cloud/demo'
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(180_000)

const product = useProduct()
const { shown, visible, button, cell, tabBar, actAs } = product

const XIAOYU = memberId(DEMO_COMMUNITY._id, 'demo-member')
const pointsOf = async (text: Promise<string | null>) => Number((await text)?.match(/\d+/)?.[0])

it('排行 shows the new total when the tab is shown again, without a reload', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('小雨 · 成员')
  await tabBar().getByText('排行').click()
  await shown(/^本周（\d+月\d+日–\d+月\d+日）获得的积分/).waitFor()
  await visible('.rank-switch__item').filter({ hasText: '总榜' }).click()
  await shown('累计获得的积分').waitFor()
  const value = visible('.rank-me .rank-me__value')
  await value.waitFor()
  const before = await pointsOf(value.textContent())

  // Points change elsewhere while the tab stays alive: an admin adds 15.
  const res = await product.cloud.call<{ ok: boolean }>(
    'points',
    {
      action: 'adjust',
      _community: DEMO_COMMUNITY._id,
      memberId: XIAOYU,
      delta: 15,
      reason: '线下活动帮忙',
      requestId: 'walkthrough-rank-1',
    },
    'demo-admin',
  )
  expect(res.ok).toBe(true)

  await tabBar().getByText('我的').click()
  // The rank page's bar hides only once 我的 is on screen.
  await shown('切换身份').waitFor()
  await tabBar().getByText('排行').click()
  await value.filter({ hasText: `${before + 15} 分` }).waitFor()
  await screenshot(product.page, 'walkthrough-01-rank-refreshed')
})

it('a survey stops at its maximum choices, marks single and multiple choice, and keeps scales on one row', async () => {
  await tabBar().getByText('我的').click()
  await cell('完成问卷可得积分').click()
  const item = visible('.sv-item').filter({ hasText: '十一月读书会反馈' })
  await item.waitFor()
  await item.locator('.nut-button').filter({ hasText: '去填写' }).click()
  await shown('第 1/5 题').waitFor()

  // Single choice: radio marks, no checkboxes.
  expect(await visible('.sv-mark--radio').count()).toBe(4)
  expect(await visible('.sv-mark--check').count()).toBe(0)
  await shown('《人类简史》').click()
  await button('下一题').click()

  // "选 1–2 项": checkbox marks, and a third tick is refused.
  await shown('第 2/5 题').waitFor()
  expect(await visible('.sv-mark--check').count()).toBe(4)
  for (const option of ['周五晚上', '周六下午', '周六晚上']) await shown(option, true).click()
  expect(await visible('.sv-option--on').count()).toBe(2)
  expect(await visible('.sv-option--on').allInnerTexts()).toEqual([
    expect.stringContaining('周五晚上'),
    expect.stringContaining('周六下午'),
  ])
  await screenshot(product.page, 'walkthrough-02-survey-max-choices')
  await button('下一题').click()

  // 1–5 spans the card; 0–10 sits on one row.
  await shown('第 3/5 题').waitFor()
  await expectOneRow(5, true)
  await visible('.sv-score').filter({ hasText: /^4$/ }).click()
  await button('下一题').click()
  await shown('第 4/5 题').waitFor()
  await expectOneRow(11, false)
  await screenshot(product.page, 'walkthrough-03-survey-scale')
})

/** The scale's buttons share one row; `spans`: the row reaches across most of the card. */
async function expectOneRow(count: number, spans: boolean) {
  const boxes = await Promise.all(
    (await visible('.sv-score').all()).map(async (s) => (await s.boundingBox())!),
  )
  expect(boxes).toHaveLength(count)
  const tops = new Set(boxes.map((b) => Math.round(b.y)))
  expect(tops.size).toBe(1)
  if (spans) {
    const card = (await visible('.qh-card')
      .filter({ has: visible('.sv-score') })
      .last()
      .boundingBox())!
    const used = boxes[count - 1].x + boxes[count - 1].width - boxes[0].x
    expect(used / card.width).toBeGreaterThan(0.8)
  }
}

it('调整积分 closes its panel after success and the member row shows the new balance', async () => {
  await product.page.goto(product.cloud.url + '/')
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('周宁 · 管理员')
  await product.page.goto(product.cloud.url + '/#/packages/admin/points/grant/index')
  await visible('input[placeholder="输入昵称开头搜索"]').fill('小雨')
  await button('搜索').click()
  const row = visible('.apts-pick').filter({ hasText: '小雨' }).first()
  await row.waitFor()
  const before = await pointsOf(row.locator('.qh-note').textContent())
  await row.click()

  await visible('.apts-amount input').fill('20')
  await visible('.apts-reason input').fill('帮忙整理共读书单')
  await button('下一步').click()
  await shown(`确认给 小雨 增加 20 积分，原因：帮忙整理共读书单？`).waitFor()
  await visible('.apts-confirm .nut-button').filter({ hasText: '确认' }).click()

  // The confirmation closes, the form empties, and the row and header show the new balance.
  await visible('.apts-confirm').waitFor({ state: 'detached' })
  await row
    .locator('.qh-note')
    .filter({ hasText: `${before + 20} 分` })
    .waitFor()
  await shown(new RegExp(`^小雨：${before + 20} 分`)).waitFor()
  expect(await visible('.apts-amount input').inputValue()).toBe('')
  await screenshot(product.page, 'walkthrough-04-grant-done')
})
