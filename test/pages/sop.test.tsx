import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ReviewResult, TasksResult, TaskView } from '@core/contracts/sop'
import SopReviewPage from '@/packages/admin/activities/review'
import SopTasksPage from '@/packages/admin/activities/tasks'
import { adminMe, memberMe, type Gateway } from './gateway'
import { freshApp } from './helpers'
import { recorded } from './taro-stub'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-admin')
  gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
})

afterEach(() => gateway.restore())

const task = (over: Partial<TaskView>): TaskView => ({
  id: 'a1:plan',
  activityId: 'a1',
  activityTitle: '周五吐槽大会',
  step: 'plan',
  stepName: '确定方案',
  dueAt: '2026-12-05T12:00:00.000Z',
  state: 'open',
  status: 'due',
  auto: false,
  mine: true,
  asksReach: false,
  reach: null,
  result: null,
  ...over,
})

describe('今日任务', () => {
  const tasks: TasksResult = {
    tasks: [
      task({
        id: 'a0:notify',
        activityId: 'a0',
        activityTitle: '读书会',
        step: 'notify',
        stepName: '全员通知',
        status: 'overdue',
        dueAt: '2026-12-03T12:00:00.000Z',
        asksReach: true,
        mine: false,
      }),
      task({ id: 'a1:warmup', step: 'warmup', stepName: '预热', asksReach: true }),
      task({
        id: 'a2:remind',
        activityId: 'a2',
        activityTitle: '早报',
        step: 'remind',
        stepName: '开始前提醒',
        auto: true,
      }),
    ],
  }

  test('lists overdue and today; staff record the warm-up reach and mark it done', async () => {
    gateway.on('sop', 'tasks', () => ({ ok: true, data: tasks }))
    gateway.on('sop', 'mark', (input) => ({
      ok: true,
      data: task({
        id: 'a1:warmup',
        step: 'warmup',
        stepName: '预热',
        asksReach: true,
        state: 'done',
        status: 'done',
        reach: input.reach ?? null,
      }),
    }))
    const { container } = render(<SopTasksPage />)
    await screen.findByText('已逾期（1）')
    expect(screen.getByText('今天（2）')).toBeTruthy()
    const cards = Array.from(container.querySelectorAll('.sop-task'))
    expect(cards.map((c) => c.querySelector('.sop-task__step')?.textContent)).toEqual([
      '全员通知',
      '预热',
      '开始前提醒',
    ])
    expect(cards[0].className).toContain('sop-task--overdue')
    // The timer's step has no buttons.
    expect(cards[2].textContent).toContain('到时间后由系统自动完成')
    expect(within(cards[2] as HTMLElement).queryByText('完成')).toBeNull()
    expect(within(cards[2] as HTMLElement).queryByText('跳过')).toBeNull()

    const warmup = cards[1] as HTMLElement
    // NutUI's Input draws its <input> a tick after the card.
    const input = await waitFor(() => {
      const found = warmup.querySelector('input')
      if (!found) throw new Error('no reach input yet')
      return found
    })
    fireEvent.input(input, { target: { value: '120' } })
    await screen.findByText('触达率请填 0–100 的整数')
    fireEvent.input(input, { target: { value: '85' } })
    await waitFor(() => expect(screen.queryByText('触达率请填 0–100 的整数')).toBeNull())
    fireEvent.click(within(warmup).getByText('完成'))
    await waitFor(() => expect(warmup.textContent).toContain('已完成'))
    expect(gateway.calls.find((c) => c.action === 'mark')?.input).toMatchObject({
      taskId: 'a1:warmup',
      state: 'done',
      reach: 85,
    })
  })

  test('nothing due says so', async () => {
    gateway.on('sop', 'tasks', () => ({ ok: true, data: { tasks: [] } }))
    render(<SopTasksPage />)
    await screen.findByText('今天没有待办的活动任务')
  })

  test('a task already handled elsewhere shows the error', async () => {
    gateway.on('sop', 'tasks', () => ({ ok: true, data: { tasks: [task({})] } }))
    gateway.on('sop', 'mark', () => ({
      ok: false,
      error: { code: 'TASK_CLOSED', message: '这项任务已经处理过了' },
    }))
    render(<SopTasksPage />)
    fireEvent.click(await screen.findByText('跳过'))
    await screen.findByText('这项任务已经处理过了')
  })

  test('a member is not let in', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    render(<SopTasksPage />)
    await waitFor(() => expect(gateway.calls.some((c) => c.fn === 'member')).toBe(true))
    await waitFor(() => expect(screen.queryByText('确定方案')).toBeNull())
    expect(gateway.calls.some((c) => c.fn === 'sop')).toBe(false)
  })
})

describe('活动复盘', () => {
  const ready: ReviewResult = {
    ready: true,
    review: {
      activityId: 'a1',
      title: '周五吐槽大会',
      kind: 'interaction',
      kindName: '互动型',
      startAt: '2026-12-12T12:00:00.000Z',
      figures: {
        signups: 7,
        confirmed: 5,
        waitlisted: 1,
        cancelled: 1,
        attended: 2,
        attendanceRate: 0.4,
        noShows: 3,
        newMembers: 1,
        pointsPaid: 20,
        reminded: 3,
        notSubscribed: 1,
        reminderFailed: 1,
      },
      reach: [
        { key: 'warmupReach', name: '预热触达率', target: 0.8, actual: 0.85, met: true },
        { key: 'reminderAccuracy', name: '提醒准确率', target: 0.95, actual: 0.6, met: false },
      ],
      comparison: {
        count: 1,
        figures: [
          { key: 'signups', name: '报名人数', current: 7, average: 4, delta: 3 },
          { key: 'attendanceRate', name: '到场率', current: 0.4, average: 0.5, delta: -0.1 },
        ],
      },
      survey: {
        surveyId: 'sv1',
        title: '活动反馈',
        responses: 2,
        questions: [
          {
            id: 'q1',
            type: 'rating',
            title: '满意度',
            required: true,
            answered: 2,
            average: 4.5,
            distribution: [
              { label: '4 分', count: 1, percent: 50 },
              { label: '5 分', count: 1, percent: 50 },
            ],
          },
        ],
      },
      createdAt: '2026-12-13T12:00:00.000Z',
    },
  }

  test('shows the figures, the targets beside the actuals, the comparison and the survey', async () => {
    recorded.params = { id: 'a1' }
    gateway.on('sop', 'review', () => ({ ok: true, data: ready }))
    const { container } = render(<SopReviewPage />)
    await screen.findByText('周五吐槽大会')
    expect(gateway.calls.find((c) => c.fn === 'sop')?.input).toMatchObject({ activityId: 'a1' })
    const figures = Array.from(container.querySelectorAll('.sop-figure')).map((el) => el.textContent)
    expect(figures).toEqual(
      expect.arrayContaining(['7 人报名', '40%到场率', '3 人未到场', '1 人带来新成员', '20 分发放积分']),
    )
    const reach = Array.from(container.querySelectorAll('.sop-reach')).map((el) => el.textContent)
    expect(reach).toEqual(['预热触达率目标 ≥ 80% · 实际 85%达标', '提醒准确率目标 ≥ 95% · 实际 60%未达标'])
    expect(container.textContent).toContain('已提醒 3 人，1 人未订阅提醒，1 人发送失败')
    const compare = Array.from(container.querySelectorAll('.sop-compare')).map((el) => el.textContent)
    expect(compare).toEqual(['报名人数本场 7往期平均 4+3', '到场率本场 40%往期平均 50%−10%'])
    expect(screen.getByText('反馈问卷：活动反馈（2 份）')).toBeTruthy()
    expect(screen.getByText('1. 满意度')).toBeTruthy()
    expect(container.querySelectorAll('.qh-bars').length).toBeGreaterThanOrEqual(3)
  })

  test('before T+1d it says when the review comes', async () => {
    recorded.params = { id: 'a1' }
    gateway.on('sop', 'review', () => ({
      ok: true,
      data: { ready: false, activityId: 'a1', title: '周五吐槽大会', dueAt: '2026-12-13T12:00:00.000Z' },
    }))
    render(<SopReviewPage />)
    await screen.findByText('「周五吐槽大会」的复盘还没有生成')
    expect(screen.getByText('活动结束后的第二天（12月13日 20:00）自动生成。')).toBeTruthy()
  })
})
