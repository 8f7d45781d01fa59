/**
 * Publishing activities in Chromium against the local product with demo data: an organiser opens
 * 活动与日程 from the 管理 tab, publishes a weekly theme (the 晒书桌 preset) and a one-off offline
 * meet-up; both reach the community calendar, published, with their SOP tasks.
 */
import type { ActivitiesOutputs } from '../../cloudfunctions/core/contracts/activities'
import type { ActionResult } from '../../cloudfunctions/core/errors'
import { addMonths, shanghaiMonthKey } from '../../cloudfunctions/core/time'
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(180_000)

const product = useProduct()
const { shown, cell, button, visible, tabBar, actAs } = product
const TITLE = '新年线下读书会'

const input = (placeholder: string) => visible(`input[placeholder="${placeholder}"]`).first()
/** The modal's confirm button (the page's own button may carry the same text). */
const confirmModal = (text: string) =>
  product.page.getByText(text, { exact: true }).filter({ visible: true }).last()

async function staffCall<A extends keyof ActivitiesOutputs>(action: A, input: object) {
  const res = await product.cloud.call<ActionResult<ActivitiesOutputs[A]>>(
    'activities',
    { action, ...input },
    'demo-organiser',
  )
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data
}

/** What `read` answers once `done` holds (the editor's save and publish are two calls). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; ; i++) {
    const value = await read()
    if (done(value) || i >= 40) return value
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

it('an organiser publishes a weekly theme and a one-off meet-up', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('陈一帆 · 活动官')
  await tabBar().getByText('管理').click()
  await cell('活动与日程').click()
  await shown('221 规划').waitFor()

  // A weekly theme from the community rhythm.
  await cell('新建系列').click()
  await shown('从社群节奏开始（可选）').waitFor()
  await shown('晒书桌', true).click()
  await shown('每周', true).waitFor()
  await screenshot(product.page, 'activities-01-series')
  await button('发布系列').click()
  await shown('每一次都会生成一个已发布的活动和它的 SOP 任务，之后可以单独修改或跳过。').waitFor()
  await confirmModal('发布').click()
  await shown('221 规划').waitFor()

  // A one-off offline meet-up (核心 members by default).
  await cell('新建活动').click()
  await input('如：城南读书见面会').fill(TITLE)
  await shown('线下见面', true).click()
  await input('线下活动的地点').fill('城南图书馆二楼')
  await input('不限').fill('30')
  await screenshot(product.page, 'activities-02-one-off')
  await button('发布').click()
  await shown('发布后成员就能在活动日历看到并报名，系统会按开始时间生成 SOP 任务。').waitFor()
  await confirmModal('发布').click()
  await shown('221 规划').waitFor()

  const series = await staffCall('series', {})
  const desk = series.items.find(
    (s) => s.title === '晒书桌' && s.ruleText === '每周一' && !s.id.includes(':se:demo-'),
  )
  expect(desk?.occurrences).toBeGreaterThanOrEqual(3)
  const month = shanghaiMonthKey(new Date())
  const calendar = async () =>
    (await Promise.all([month, addMonths(month, 1)].map((m) => staffCall('calendar', { month: m })))).flatMap(
      (c) => c.activities,
    )
  const all = await eventually(calendar, (list) =>
    list.some((a) => a.title === TITLE && a.stage === 'published'),
  )
  const meetup = all.find((a) => a.title === TITLE)
  expect(meetup).toMatchObject({ stage: 'published', kind: 'offline', minLevel: 'core', capacity: 30 })
  expect(all.filter((a) => a.seriesId === desk?.id).every((a) => a.stage === 'published')).toBe(true)
  const detail = await staffCall('get', { id: meetup!.id })
  expect(detail.tasks.map((t) => t.step)).toEqual(['plan', 'warmup', 'notify', 'remind', 'thanks', 'review'])
  await screenshot(product.page, 'activities-03-hub')
})
