/**
 * The real dist/weapp home page in miniprogram-simulate, its cloud calls answered by a real local
 * cloud (the built member function, seeded with the demo community). Needs `npm run build:weapp`
 * and `npm run build:functions` first (tools/test-all.sh runs both before this).
 */
import { LEVEL_NAMES, levelFor } from '../../cloudfunctions/core/levels'
import { ROLE_NAMES } from '../../cloudfunctions/core/roles'
import { startCloud, type RunningCloud } from '../support/local-cloud'
import { DEMO_COMMUNITY, PERSONAS } from '../../tools/local-cloud/demo'
import { bootWeapp, eventually, type RenderedPage } from './mini-host'

const member = PERSONAS.find((p) => p.role === 'member')!
const admin = PERSONAS.find((p) => p.role === 'admin')!

let cloud: RunningCloud
/** Who the platform says is calling (on WeChat, the OPENID the function sees). */
let caller = member.openid

// wx.cloud.callFunction reaches the local cloud's gateway, which answers with the function's
// ActionResult exactly as the platform puts it in res.result.
const host = bootWeapp((name, data) => cloud.call(name, data, caller))
const wx = (globalThis as unknown as { wx: Record<string, (...args: unknown[]) => unknown> }).wx
const app = (globalThis as unknown as { getApp(): { onShow(options: unknown): void } }).getApp()

beforeAll(async () => {
  cloud = await startCloud({ seed: true })
}, 60_000)

afterAll(async () => {
  await cloud?.stop()
})

function textOf(page: RenderedPage): string {
  return page.dom!.textContent ?? ''
}

test('the app initialises the cloud with the configured environment', () => {
  expect(host.cloudInit).toEqual([{ env: 'qunhuo-local', traceUser: true }])
})

test('the built home page shows the member their community, from the cloud', async () => {
  const page = host.renderPage('pages/home/index')

  await eventually(() => {
    expect(textOf(page)).toContain(DEMO_COMMUNITY.name)
    expect(textOf(page)).toContain(member.nickname)
  })
  const text = textOf(page)
  expect(text).toContain(DEMO_COMMUNITY.slogan)
  expect(text).toContain(`${LEVEL_NAMES[levelFor(member.totalEarned)]} · ${ROLE_NAMES.member}`)
  // Members see four tabs; 管理 is for staff.
  for (const tab of ['首页', '排行', '商城', '我的']) expect(text).toContain(tab)
  expect(text).not.toContain('管理')
  expect(host.cloudCalls[0]).toEqual({ name: 'member', data: { action: 'me' } })
  // The check-in card asks the checkin function and shows today's button.
  // (The first call of a function starts its instance: allow for that.)
  await eventually(() => expect(textOf(page)).toContain('打卡 +5 积分'), 15_000)
  expect(host.cloudCalls).toContainEqual({ name: 'checkin', data: { action: 'today' } })

  // A tap on a tab goes through the platform's switchTab.
  const switchTab = jest.spyOn(wx, 'switchTab')
  const items = page.querySelectorAll('.qh-tabbar__item')
  expect(items).toHaveLength(4)
  items[1].dispatchEvent('tap')
  await eventually(() =>
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/rank/index' })),
  )

  // Pull down to refresh as an admin: the 管理 tab appears.
  caller = admin.openid
  ;(page.instance as unknown as { onPullDownRefresh(): void }).onPullDownRefresh()
  await eventually(() => expect(textOf(page)).toContain(admin.nickname))
  expect(textOf(page)).toContain('管理')
  expect(page.querySelectorAll('.qh-tabbar__item')).toHaveLength(5)
  page.detach()
}, 30_000)

test('opened from a group card, a newcomer joins that group’s community', async () => {
  caller = 'weapp-test-visitor'
  const { cloudID } = await cloud.control<{ cloudID: string }>('group-share', {
    openGId: 'demo-opengid-reading-2',
  })
  const getGroupEnterInfo = jest.spyOn(wx, 'getGroupEnterInfo').mockImplementation((options: unknown) => {
    ;(options as { success(res: unknown): void }).success({ errMsg: 'getGroupEnterInfo:ok', cloudID })
  })
  app.onShow({ path: 'pages/home/index', scene: 1044, shareTicket: 'ticket-2', query: {} })

  const page = host.renderPage('pages/home/index')
  await eventually(() => expect(host.cloudCalls.at(-1)?.data.action).toBe('joinByGroup'))
  expect(host.cloudCalls.at(-1)).toEqual({
    name: 'member',
    data: { action: 'joinByGroup', groupShare: { $cloudID: cloudID } },
  })
  await eventually(() => expect(textOf(page)).toContain(`新手 · ${ROLE_NAMES.member}`))
  expect(textOf(page)).toContain(DEMO_COMMUNITY.name)

  // Back in the app from the same card later: the (by then expired) CloudID is not tried again.
  app.onShow({ path: 'pages/home/index', scene: 1044, shareTicket: 'ticket-2', query: {} })
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(getGroupEnterInfo).toHaveBeenCalledTimes(1)
  page.detach()
})
