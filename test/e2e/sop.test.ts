/**
 * The SOP autopilot in Chromium against the local product (H5 build, seeded demo): an activity of
 * 晨光读书会 with its timeline and sign-ups is written directly (the activities and signups functions
 * come from their own branches); 周宁 (admin) sees the warm-up among today's tasks and marks it done
 * with its reach; the review page says the review is not there yet; once the local clock passes
 * T+1d and the `sop` timer has run, the review appears with its figures and targets.
 */
import { timelineFor, type ActivityDoc } from '../../cloudfunctions/core/activities'
import { databaseOf, sdkFor } from '../support/local-cloud'
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(180_000)

const product = useProduct()
const { visible, shown, actAs } = product
const C = 'demo-reading'
const ID = 'e2e-sop-activity'

it('the review appears after the clock passes T+1d', async () => {
  const db = databaseOf(sdkFor(product.cloud))
  const start = new Date(Date.now() + 3 * 86_400_000 + 3_600_000)
  const activity: ActivityDoc = {
    _id: ID,
    communityId: C,
    kind: 'lecture',
    size: 'medium',
    title: 'E2E 共读分享会',
    description: '',
    startAt: start,
    endAt: new Date(start.getTime() + 3_600_000),
    place: '线上',
    capacity: 10,
    signupDeadline: start,
    minLevel: null,
    points: 10,
    stage: 'published',
    ownerOpenid: 'demo-admin',
    createdBy: 'demo-admin',
    createdAt: new Date(),
    updatedAt: new Date(),
    confirmedCount: 3,
    waitlistCount: 0,
    attendedCount: 2,
  }
  const { _id, ...fields } = activity
  await db.collection('activities').doc(_id).set({ data: fields })
  for (const { _id: taskId, ...task } of timelineFor(activity)) {
    // Plan and any step before today are done; warm-up (T−3d) is due today.
    const done = task.step === 'plan'
    await db
      .collection('activity_tasks')
      .doc(taskId)
      .set({ data: { ...task, state: done ? 'done' : 'open' } })
  }
  for (const [i, openid] of ['demo-member', 'demo-run-001', 'demo-run-002'].entries()) {
    await db
      .collection('activity_signups')
      .doc(`${ID}:${openid}`)
      .set({
        data: {
          communityId: C,
          activityId: ID,
          openid,
          memberId: `${C}_${openid}`,
          nickname: openid,
          state: 'confirmed',
          seq: i + 1,
          subscribed: i < 2,
          createdAt: new Date(),
          ...(i < 2 ? { attendedAt: new Date(start.getTime() + 60_000), pointsPaid: 10 } : {}),
        },
      })
  }
  await product.cloud.setClock(new Date(start.getTime() - 3 * 86_400_000).toISOString())

  await product.page.goto(product.cloud.url + '/')
  await actAs('周宁 · 管理员')
  await product.page.locator('.home-hero__name').filter({ hasText: '晨光读书会', visible: true }).waitFor()
  await product.page.goto(product.cloud.url + '/#/packages/admin/activities/tasks/index')
  await product.page.reload()
  const warmup = visible('.sop-task').filter({ hasText: 'E2E 共读分享会' }).filter({ hasText: '预热' })
  await warmup.waitFor()
  await warmup.locator('input').fill('86')
  await warmup.locator('.nut-button').filter({ hasText: '完成' }).click()
  await warmup.getByText('已完成').waitFor()
  await screenshot(product.page, 'sop-01-tasks')

  await product.page.goto(product.cloud.url + `/#/packages/admin/activities/review/index?id=${ID}`)
  await product.page.reload()
  await shown('「E2E 共读分享会」的复盘还没有生成').waitFor()

  // The clock passes T+1d; the platform's timer runs (remind and thanks are past too).
  await product.cloud.setClock(new Date(start.getTime() + 86_400_000 + 60_000).toISOString())
  await product.cloud.control('timers/sop')
  await product.page.reload()
  await shown('E2E 共读分享会').waitFor()
  await visible('.sop-figure').filter({ hasText: '到场率' }).filter({ hasText: '66.7%' }).waitFor()
  await visible('.sop-reach').filter({ hasText: '预热触达率目标 ≥ 80% · 实际 86%' }).waitFor()
  await visible('.sop-figure').filter({ hasText: '发放积分' }).filter({ hasText: '20 分' }).waitFor()
  // The clock jumped past the whole activity, so the timer skipped the reminder rather than send it late.
  await shown('开始前 1 小时提醒没有发出（活动无人确认参加，或提醒时间已过）。').waitFor()
  expect(await visible('.qh-bars').count()).toBeGreaterThanOrEqual(2)
  await screenshot(product.page, 'sop-02-review')
})
