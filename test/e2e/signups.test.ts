/**
 * Signing up and attending in Chromium against the local product with demo data. An organiser
 * publishes a one-place talk starting within the hour (so attendance is open); another member takes
 * the place; 小雨 joins the waitlist from 活动详情 and is promoted when that member cancels. Then
 * 周宁 shows the rotating attendance code on the staff page and 小雨 checks in with it: the points
 * reach her ledger once.
 */
import type { ActivitiesOutputs } from '../../cloudfunctions/core/contracts/activities'
import type { PointsOutputs } from '../../cloudfunctions/core/contracts/points'
import type { SignupsOutputs } from '../../cloudfunctions/core/contracts/signups'
import type { ActionResult } from '../../cloudfunctions/core/errors'
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(180_000)

const product = useProduct()
const { shown, button, visible, tabBar, actAs } = product
const TITLE = '今晚共读：《置身事内》'
const POINTS = 10
/** A seeded member of 晨光读书会 (not a persona) who takes the one place first. */
const OTHER = 'demo-m-050'

async function callAs<T>(fn: string, action: string, input: object, openid: string): Promise<T> {
  const res = await product.cloud.call<ActionResult<T>>(fn, { action, ...input }, openid)
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data
}

let signedIn = false
async function openAs(label: string, route: string) {
  await product.page.goto(product.cloud.url + '/')
  if (signedIn) {
    await tabBar().getByText('我的').click()
    await shown('切换身份').click({ force: true })
  }
  await actAs(label)
  signedIn = true
  await product.page.evaluate((hash) => (window.location.hash = hash), route)
}

it('a member is waitlisted, promoted, and checks in with the code staff show', async () => {
  const start = new Date(Date.now() + 30 * 60_000)
  const draft = await callAs<ActivitiesOutputs['save']>(
    'activities',
    'save',
    {
      kind: 'lecture',
      size: 'small',
      title: TITLE,
      description: '一起读第三章，聊聊地方财政。',
      link: 'https://meeting.example.com/read',
      capacity: 1,
      minLevel: null,
      points: POINTS,
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 3_600_000).toISOString(),
      signupDeadline: start.toISOString(),
    },
    'demo-organiser',
  )
  await callAs('activities', 'publish', { id: draft.id }, 'demo-organiser')
  const taken = await callAs<SignupsOutputs['signUp']>('signups', 'signUp', { activityId: draft.id }, OTHER)
  expect(taken.mine.state).toBe('confirmed')
  const detailRoute = `#/packages/activities/detail/index?id=${encodeURIComponent(draft.id)}`
  const balanceBefore = (await callAs<PointsOutputs['summary']>('points', 'summary', {}, 'demo-member'))
    .balance

  // 小雨 finds the place taken and joins the waitlist.
  await openAs('小雨 · 成员', detailRoute)
  await shown(TITLE).waitFor()
  await shown('1/1').waitFor()
  await button('名额已满，报名候补').click()
  await shown('候补第 1 位').waitFor()
  await screenshot(product.page, 'signups-01-waitlisted')

  // The member with the place cancels: 小雨 moves up.
  await callAs('signups', 'cancel', { activityId: draft.id }, OTHER)
  await product.page.reload()
  await shown('你已报名').waitFor()
  await visible('input[placeholder="输入现场签到码"]').first().waitFor()

  // 周宁 shows the code at the venue.
  await openAs(
    '周宁 · 管理员',
    `#/packages/admin/activities/signups/index?id=${encodeURIComponent(draft.id)}`,
  )
  await button('显示签到码').click()
  const digits = visible('.as-code__digits').first()
  await product.page.waitForFunction(() =>
    /^\d{6}$/.test(document.querySelector('.as-code__digits')?.textContent ?? ''),
  )
  await screenshot(product.page, 'signups-02-code')
  const code = (await digits.textContent())!.trim()

  // 小雨 types it in.
  await openAs('小雨 · 成员', detailRoute)
  await shown('你已报名').waitFor()
  await visible('input[placeholder="输入现场签到码"]').first().fill(code)
  await button('签到').click()
  await shown('已签到').waitFor()
  await shown(`已获得 ${POINTS} 积分`).waitFor()
  await screenshot(product.page, 'signups-03-attended')

  const after = await callAs<PointsOutputs['summary']>('points', 'summary', {}, 'demo-member')
  expect(after.balance).toBe(balanceBefore + POINTS)
  const ledger = await callAs<PointsOutputs['ledger']>('points', 'ledger', { limit: 20 }, 'demo-member')
  const paid = ledger.items.filter((row) => row.kind === 'earn' && row.reason.includes(TITLE))
  expect(paid.map((row) => row.delta)).toEqual([POINTS])
})
