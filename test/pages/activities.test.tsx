/** 活动日历 (members), 活动与日程 (staff hub: calendar, 221 planner) and the editor (publish, cancel). */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ActivitiesOutputs, ActivityView } from '@core/contracts/activities'
import { shanghaiMonthKey } from '@core/time'
import ActivityCalendarPage from '@/packages/activities/calendar'
import ActivitiesAdminPage from '@/packages/admin/activities'
import ActivityEditPage from '@/packages/admin/activities/edit'
import { adminMe, memberMe, type Gateway } from './gateway'
import { freshApp, tapOpens } from './helpers'
import { recorded } from './taro-stub'

jest.setTimeout(30_000)

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-member')
})

afterEach(() => gateway.restore())

const month = shanghaiMonthKey(new Date())
const view = (over: Partial<ActivityView> = {}): ActivityView => ({
  id: 'a1',
  kind: 'offline',
  kindName: '线下见面',
  size: 'medium',
  sizeName: '中型',
  title: '城南读书见面会',
  description: '带一本书来',
  coverFileId: null,
  startAt: `${month}-12T06:00:00.000Z`,
  endAt: `${month}-12T08:00:00.000Z`,
  day: `${month}-12`,
  place: '城南图书馆',
  link: null,
  capacity: 20,
  signupDeadline: `${month}-11T12:00:00.000Z`,
  minLevel: 'core',
  points: 50,
  stage: 'published',
  stageName: '已发布',
  seriesId: null,
  occurrenceDay: null,
  confirmedCount: 3,
  waitlistCount: 1,
  attendedCount: 0,
  cancelReason: null,
  ...over,
})

describe('活动日历', () => {
  test('shows the month with its activities; a day filters the list; an activity opens its detail page', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    gateway.on('activities', 'calendar', (input) => ({
      ok: true,
      data: {
        month: input.month,
        isStaff: false,
        activities: [
          view(),
          view({
            id: 'a2',
            title: '吐槽大会',
            kindName: '互动型',
            sizeName: '小型',
            day: `${month}-20`,
            startAt: `${month}-20T12:30:00.000Z`,
            stage: 'cancelled',
            stageName: '已取消',
          }),
        ],
      },
    }))
    render(<ActivityCalendarPage />)
    expect(await screen.findByText('城南读书见面会')).toBeTruthy()
    expect(screen.getByText('线下见面 · 中型')).toBeTruthy()
    expect(screen.getByText('互动型 · 小型 · 已取消')).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'calendar')?.input).toEqual({ month })
    fireEvent.click(screen.getByText('20'))
    await waitFor(() => expect(screen.queryByText('城南读书见面会')).toBeNull())
    expect(screen.getByText('吐槽大会')).toBeTruthy()
    tapOpens('吐槽大会', '/packages/activities/detail/index?id=a2')
  })
})

const plan: ActivitiesOutputs['planner'] = {
  month,
  large: 0,
  missing: ['本月还差 1 个大型活动'],
  weeks: [
    {
      weekKey: `${month}-07`,
      small: 1,
      medium: 0,
      large: 0,
      drafts: 1,
      mediumInWindow: 0,
      missing: ['还差 1 个小型活动', '12/7–12/20 两周内还差 1 个中型活动'],
    },
    { weekKey: `${month}-14`, small: 2, medium: 1, large: 0, drafts: 0, mediumInWindow: 1, missing: [] },
  ],
}

describe('活动与日程', () => {
  test('staff see drafts in the calendar, the 221 planner says what is missing, and the SOP screens are linked', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('activities', 'calendar', (input) => ({
      ok: true,
      data: { month: input.month, isStaff: true, activities: [view({ stage: 'draft', stageName: '草稿' })] },
    }))
    gateway.on('activities', 'planner', () => ({ ok: true, data: plan }))
    render(<ActivitiesAdminPage />)
    expect(await screen.findByText('线下见面 · 中型 · 草稿')).toBeTruthy()
    tapOpens('城南读书见面会', '/packages/admin/activities/edit/index?id=a1')
    fireEvent.click(screen.getByText('221 规划'))
    expect(await screen.findByText('本月还差 1 个大型活动')).toBeTruthy()
    expect(screen.getByText('还差 1 个小型活动')).toBeTruthy()
    expect(screen.getByText('小型 1 · 中型 0 · 大型 0 · 草稿 1')).toBeTruthy()
    expect(screen.getByText('本周达标')).toBeTruthy()
    tapOpens('今日任务', '/packages/admin/activities/tasks/index')
  })
})

describe('编辑活动', () => {
  test('a new activity is saved as a draft, then published with the times picked', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('activities', 'save', () => ({
      ok: true,
      data: view({ id: 'new1', stage: 'draft', stageName: '草稿' }),
    }))
    gateway.on('activities', 'publish', () => ({ ok: true, data: { ...view({ id: 'new1' }), tasks: [] } }))
    render(<ActivityEditPage />)
    const title = await waitFor(() => {
      const found = screen.getAllByPlaceholderText('如：城南读书见面会').find((el) => el.tagName === 'INPUT')
      if (!found) throw new Error('no title input yet')
      return found
    })
    fireEvent.input(title, { target: { value: '新年读书会' } })
    fireEvent.click(screen.getByText('线下见面'))
    fireEvent.click(screen.getByText('发布'))
    await waitFor(() => expect(gateway.calls.some((c) => c.action === 'publish')).toBe(true))
    const saved = gateway.calls.find((c) => c.action === 'save')!.input
    expect(saved).toMatchObject({ title: '新年读书会', kind: 'offline', points: 0 })
    // The default level goes to the server (offline → 核心) by leaving minLevel out.
    expect(saved.minLevel).toBeUndefined()
    expect(new Date(String(saved.endAt)).getTime() - new Date(String(saved.startAt)).getTime()).toBe(
      3_600_000,
    )
    expect(gateway.calls.find((c) => c.action === 'publish')!.input).toEqual({ id: 'new1' })
    expect(recorded.modals[0]?.title).toBe('发布活动')
    await waitFor(() =>
      expect(recorded.navigations.at(-1)).toEqual({
        method: 'redirectTo',
        url: '/packages/admin/activities/index',
      }),
    )
  })

  test('cancelling says who will be told before it does anything', async () => {
    recorded.params = { id: 'a1' }
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('activities', 'get', () => ({
      ok: true,
      data: {
        ...view(),
        tasks: [
          { step: 'plan', name: '确定方案', dueAt: `${month}-05T06:00:00.000Z`, state: 'open', auto: false },
        ],
        ceiling: 100,
        canEdit: true,
      },
    }))
    gateway.on('activities', 'cancel', () => ({
      ok: true,
      data: { ...view({ stage: 'cancelled', stageName: '已取消' }), told: 3, notSubscribed: 1 },
    }))
    render(<ActivityEditPage />)
    expect(await screen.findByText('城南读书见面会 · 已发布')).toBeTruthy()
    expect(screen.getByText('签到奖励积分（最多 100）')).toBeTruthy()
    recorded.modalConfirms = false
    fireEvent.click(screen.getByText('取消活动'))
    await waitFor(() => expect(recorded.modals).toHaveLength(1))
    expect(recorded.modals[0]?.content).toBe(
      '已报名和候补的 4 人会收到取消通知，未完成的 SOP 任务一并取消，且不能恢复。',
    )
    expect(gateway.calls.some((c) => c.action === 'cancel')).toBe(false)
    recorded.modalConfirms = true
    fireEvent.click(screen.getByText('取消活动'))
    await waitFor(() => expect(gateway.calls.some((c) => c.action === 'cancel')).toBe(true))
    expect(gateway.calls.find((c) => c.action === 'cancel')!.input).toEqual({
      id: 'a1',
      reason: '主办方取消了活动',
    })
  })
})
