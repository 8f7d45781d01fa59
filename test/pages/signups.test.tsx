/** 活动详情 (member) and 报名与签到 (staff), against the stubbed gateway. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ActivityDetail, MySignup, SignupRow } from '@core/contracts/signups'
import ActivityDetailPage from '@/packages/activities/detail'
import ActivitySignupsPage from '@/packages/admin/activities/signups'
import { detailPath } from '@/services/signups'
import { adminMe, memberMe, type Gateway } from './gateway'
import { freshApp, typeInto } from './helpers'
import { recorded } from './taro-stub'

jest.setTimeout(30_000)

let gateway: Gateway
afterEach(() => gateway.restore())

const mine = (over: Partial<MySignup> = {}): MySignup => ({
  state: 'confirmed',
  stateName: '已报名',
  waitlistPosition: null,
  subscribed: false,
  createdAt: '2026-12-10T02:00:00.000Z',
  attendedAt: null,
  pointsPaid: null,
  ...over,
})

const detail = (over: Partial<ActivityDetail> = {}): ActivityDetail => ({
  activity: {
    id: 'a1',
    kind: 'lecture',
    kindName: '知识型',
    size: 'small',
    title: '共读《活着》',
    coverFileId: null,
    description: '一起读第一章',
    startAt: '2026-12-12T11:00:00.000Z',
    endAt: '2026-12-12T12:00:00.000Z',
    place: null,
    link: 'https://meeting.example/1',
    capacity: 2,
    signupDeadline: '2026-12-12T10:00:00.000Z',
    minLevel: null,
    levelNote: null,
    points: 30,
    stage: 'published',
  },
  mine: null,
  counts: { confirmed: 2, waitlisted: 0, attended: 0 },
  signupBlocked: null,
  cancelConsequence: null,
  isStaff: false,
  ...over,
})

describe('活动详情', () => {
  beforeEach(() => {
    gateway = freshApp()
    recorded.params = { id: 'a1' }
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
  })

  test('a full activity offers the waitlist; signing up shows the position', async () => {
    let current = detail()
    gateway.on('signups', 'detail', () => ({ ok: true, data: current }))
    gateway.on('signups', 'signUp', () => {
      current = detail({
        mine: mine({ state: 'waitlisted', stateName: '候补中', waitlistPosition: 1 }),
        counts: { confirmed: 2, waitlisted: 1, attended: 0 },
        cancelConsequence: '取消后将退出候补；再次报名需要重新排队。',
      })
      return { ok: true, data: { mine: current.mine!, duplicate: false } }
    })
    render(<ActivityDetailPage />)
    expect(await screen.findByText('共读《活着》')).toBeTruthy()
    expect(screen.getByText('签到后得 30 积分')).toBeTruthy()
    fireEvent.click(screen.getByText('名额已满，报名候补'))
    expect(await screen.findByText('候补第 1 位')).toBeTruthy()
    expect(screen.getByText('2/2，候补 1 人')).toBeTruthy()
    expect(recorded.toasts).toContainEqual({ title: '名额已满，你是候补第 1 位', icon: 'none' })
    // H5 has no subscriptions: the server is told the reminder was not accepted.
    expect(gateway.calls.filter((c) => c.action === 'signUp').map((c) => c.input)).toEqual([
      { activityId: 'a1', subscribed: false },
    ])
    expect(screen.getByText('退出候补')).toBeTruthy()
  })

  test('cancelling asks first and states what happens to the place', async () => {
    const consequence = '取消后你的名额会立即让给候补第一位，再次报名需要重新排队。'
    gateway.on('signups', 'detail', () => ({
      ok: true,
      data: detail({ mine: mine(), cancelConsequence: consequence }),
    }))
    gateway.on('signups', 'cancel', () => ({ ok: true, data: { mine: mine({ state: 'cancelled' }) } }))
    render(<ActivityDetailPage />)
    expect(await screen.findByText('你已报名')).toBeTruthy()
    recorded.modalConfirms = false
    fireEvent.click(screen.getByText('取消报名'))
    await waitFor(() => expect(recorded.modals).toHaveLength(1))
    expect(recorded.modals[0]).toMatchObject({
      title: '取消报名',
      content: consequence,
      confirmText: '确定取消',
    })
    expect(gateway.calls.some((c) => c.action === 'cancel')).toBe(false)
    recorded.modalConfirms = true
    fireEvent.click(screen.getByText('取消报名'))
    await waitFor(() => expect(gateway.calls.filter((c) => c.action === 'cancel')).toHaveLength(1))
  })

  test('a confirmed member checks in with the code; a wrong code says why', async () => {
    let attended = false
    gateway.on('signups', 'detail', () => ({
      ok: true,
      data: detail({
        mine: attended ? mine({ attendedAt: '2026-12-12T10:40:00.000Z', pointsPaid: 30 }) : mine(),
        cancelConsequence: attended ? null : '取消后名额会释放给其他成员，再次报名时如已满员只能候补。',
      }),
    }))
    gateway.on('signups', 'attend', (input) => {
      if (input.code !== '123456')
        return {
          ok: false,
          error: { code: 'ATTEND_CODE_WRONG', message: '签到码不对或已过期，请看现场最新的签到码' },
        }
      attended = true
      return {
        ok: true,
        data: { pointsPaid: 30, note: null, duplicate: false, attendedAt: '2026-12-12T10:40:00.000Z' },
      }
    })
    render(<ActivityDetailPage />)
    await screen.findByText('你已报名')
    await typeInto('输入现场签到码', '654321')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('签到码不对或已过期，请看现场最新的签到码')).toBeTruthy()
    await typeInto('输入现场签到码', '123456')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('已签到')).toBeTruthy()
    expect(recorded.toasts).toContainEqual({ title: '签到成功，获得 30 积分', icon: 'none' })
    expect(screen.queryByText('取消报名')).toBeNull()
  })

  test('says why a member may not sign up, and shares the detail page', async () => {
    gateway.on('signups', 'detail', () => ({
      ok: true,
      data: detail({ signupBlocked: '线下活动仅限核心成员报名' }),
    }))
    render(<ActivityDetailPage />)
    expect(await screen.findByText('线下活动仅限核心成员报名')).toBeTruthy()
    expect(screen.queryByText('立即报名')).toBeNull()
    expect(screen.queryByText('名额已满，报名候补')).toBeNull()
    expect(detailPath('a 1')).toBe('/packages/activities/detail/index?id=a%201')
  })
})

describe('报名与签到 (staff)', () => {
  beforeEach(() => {
    gateway = freshApp('openid-admin')
    recorded.params = { id: 'a1' }
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
  })

  const row = (seq: number, nickname: string, over: Partial<SignupRow> = {}): SignupRow => ({
    seq,
    nickname,
    memberId: `m${seq}`,
    state: 'confirmed',
    stateName: '已报名',
    createdAt: '2026-12-10T02:00:00.000Z',
    promotedAt: null,
    attendedAt: null,
    pointsPaid: null,
    subscribed: true,
    ...over,
  })

  test('lists each list and shows the rotating code full-screen', async () => {
    gateway.on('signups', 'list', (input) => ({
      ok: true,
      data: {
        list: input.list,
        rows:
          input.list === 'waitlisted'
            ? [row(3, '候补的小王', { state: 'waitlisted', stateName: '候补中' })]
            : [row(1, '林晓'), row(2, '周宁')],
        nextCursor: null,
      },
    }))
    gateway.on('signups', 'attendanceCode', () => ({
      ok: true,
      data: {
        code: '048213',
        expiresAt: new Date(Date.now() + 12_000).toISOString(),
        windowMs: 30_000,
        now: new Date().toISOString(),
        title: '共读《活着》',
      },
    }))
    render(<ActivitySignupsPage />)
    expect(await screen.findByText('1. 林晓')).toBeTruthy()
    fireEvent.click(screen.getByText('候补名单'))
    expect(await screen.findByText('3. 候补的小王')).toBeTruthy()
    fireEvent.click(screen.getByText('显示签到码'))
    expect(await screen.findByText('048213')).toBeTruthy()
    expect(await screen.findByText(/1[12] 秒后更新/)).toBeTruthy()
  })
})
