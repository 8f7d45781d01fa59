/**
 * Surveys in Chromium against the local product with demo data: an organiser builds a survey (a single
 * choice and an NPS question) and publishes it after the confirmation; a member answers it one question
 * at a time and sees the thank-you with the points earned; the organiser sees the results chart.
 * The ledger verifies clean at the end (the reward was paid through it).
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { SurveyPage } from '../../cloudfunctions/core/contracts/survey'
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(180_000)

const product = useProduct()
const { shown, cell, button, visible, tabBar, actAs } = product
const TITLE = '十二月共读书目投票'

/** Taro draws <taro-input-core> around the native <input> that takes the text. */
const input = (placeholder: string, nth = 0) => visible(`input[placeholder="${placeholder}"]`).nth(nth)

it('an organiser builds and publishes a survey', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('陈一帆 · 活动官')
  await tabBar().getByText('管理').click()
  await cell('创建与发布问卷').click()
  await shown('十一月读书会反馈').waitFor()
  await button('新建问卷').click()
  await input('如：十一月读书会反馈').fill(TITLE)
  await input('题目').fill('十二月最想共读哪一本？')
  await input('选项 1').fill('《置身事内》')
  await input('选项 2').fill('《额尔古纳河右岸》')
  await button('添加题目').click()
  const second = visible('.sa-question').nth(1)
  await second.getByText('推荐度（0–10）').click()
  await input('题目', 1).fill('你会把这次共读推荐给朋友吗？')
  await screenshot(product.page, 'survey-01-builder')
  await button('发布').click()
  await shown('发布后成员就能填写，题目不能再修改。确定发布吗？').waitFor()
  await product.page.getByText('确定发布', { exact: true }).filter({ visible: true }).last().click()
  await shown('还没有人回答').waitFor()
  await screenshot(product.page, 'survey-02-published')

  const list = await product.cloud.call<ActionResult<SurveyPage>>('survey', { action: 'list' }, 'demo-member')
  if (!list.ok) throw new Error(JSON.stringify(list.error))
  expect(list.data.items.find((s) => s.title === TITLE)).toMatchObject({
    status: 'published',
    reward: 300,
    answered: false,
  })
})

it('a member answers it and sees the thank-you with points', async () => {
  await product.page.goto(product.cloud.url + '/')
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('小雨 · 成员')
  await tabBar().getByText('我的').click()
  // 问卷 (surveys that pay), not 入群问卷 (the profile questionnaire) above it.
  await cell('完成问卷可得积分').click()
  const item = visible('.sv-item').filter({ hasText: TITLE })
  await item.waitFor()
  await item.locator('.nut-button').filter({ hasText: '去填写' }).click()
  await shown('第 1/2 题').waitFor()
  await button('下一题').click()
  await shown('这道题必须回答').waitFor()
  await shown('《额尔古纳河右岸》').click()
  await button('下一题').click()
  await shown('第 2/2 题').waitFor()
  await screenshot(product.page, 'survey-03-answering')
  await visible('.sv-score').filter({ hasText: /^9$/ }).click()
  await button('提交').click()
  await shown('感谢你的参与！').waitFor()
  await shown('+300 积分').waitFor()
  await screenshot(product.page, 'survey-04-thanks')
})

it('the organiser sees the results chart', async () => {
  await product.page.goto(product.cloud.url + '/')
  await tabBar().getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await actAs('陈一帆 · 活动官')
  await tabBar().getByText('管理').click()
  await cell('创建与发布问卷').click()
  await visible('.sv-item').filter({ hasText: TITLE }).click()
  await shown('1. 十二月最想共读哪一本？').waitFor()
  const chart = visible('.qh-bars').first()
  await chart.getByText('《额尔古纳河右岸》').waitFor()
  await chart.getByText('1 人 · 100%').waitFor()
  await shown('NPS 净推荐值').waitFor()
  await visible('.qh-bars').getByText('推荐者 9–10').waitFor()
  await screenshot(product.page, 'survey-05-results')
})
