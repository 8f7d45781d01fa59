import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { AlertView, Badges, DashboardOverview } from '@core/contracts/dashboard'
import { evaluateAlerts, playsOf, readMetrics } from '@core/metrics'
import { steadyHistory } from '@core/metrics-history'
import ActivityEditPage from '@/packages/admin/activities/edit'
import DashboardPage from '@/packages/admin/dashboard'
import ManagePage from '@/pages/manage'
import { adminMe, type Gateway } from './gateway'
import { freshApp, tapOpens } from './helpers'
import { recorded } from './taro-stub'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-admin')
  gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
})

afterEach(() => gateway.restore())

/** Twenty days of figures whose last three trip the activity-drop rule, read by the real formulas. */
function overviewOf(days = 20): DashboardOverview {
  const history = steadyHistory('c1', '2026-11-01', days, {
    members: 1000,
    dau: 300,
    posters30: 300,
    retained: 0.6,
    shape: (i) => (i >= days - 3 ? { patch: { dau: 240, dauNew: 10 } } : undefined),
  })
  const { raise } = evaluateAlerts(history, [], { communityAgeDays: 100 })
  const alerts: AlertView[] = raise.map((a) => ({
    id: `c1:${a.key}`,
    rule: a.rule,
    title: a.title,
    summary: a.summary,
    since: a.since,
    change: a.change,
    status: 'open',
    raisedAt: '2026-11-20T16:30:00.000Z',
    resolvedAt: null,
    movers: a.movers,
    plays: playsOf(a.plays),
  }))
  const last = history[history.length - 1]
  return {
    day: last.day,
    days: history.length,
    members: last.members,
    dau: last.dau,
    metrics: readMetrics(history),
    trendDays: history.slice(-30).map((d) => d.day),
    tiers: {
      weekKey: '2026-11-16',
      total: 1000,
      rows: [
        { key: 'core', name: '核心', count: 60, percent: 6 },
        { key: 'active', name: '活跃', count: 180, percent: 18 },
        { key: 'normal', name: '普通', count: 640, percent: 64 },
        { key: 'watch', name: '观察', count: 120, percent: 12 },
        { key: 'silent', name: '沉默', count: 100, percent: 10 },
      ],
    },
    funnel: {
      week: '2026-11-02',
      steps: [
        { key: 'joined', name: '加入', count: 20, percent: 100 },
        { key: 'checklist', name: '完成新人任务', count: 12, percent: 60 },
        { key: 'checkin', name: '首次打卡', count: 10, percent: 50 },
        { key: 'post', name: '首次发帖', count: 5, percent: 25 },
        { key: 'week2', name: '第 2 周仍活跃', count: 8, percent: 40 },
      ],
    },
    top: [{ memberId: 'c1_o1', nickname: '小雨', points: 320 }],
    alerts,
    openAlerts: alerts.length,
  }
}

describe('数据看板', () => {
  test('shows each metric with its figure, band and formula, the alert with its plan, tiers, funnel and top', async () => {
    gateway.on('dashboard', 'overview', () => ({ ok: true, data: overviewOf() }))
    render(<DashboardPage />)
    expect(await screen.findByText('活跃度连续 3 天下降')).toBeTruthy()
    // 240 of 1000 active: 24%, in the 15–25% target band.
    const rate = document.querySelector('[data-metric="dailyActiveRate"]')!
    expect(rate.textContent).toContain('24%')
    expect(rate.textContent).toContain('达标')
    expect(rate.textContent).toContain('当天有任何动作的成员 ÷ 当天成员总数')
    expect(screen.getByText(/日活从 300 人降到 240、240、240 人/)).toBeTruthy()
    expect(screen.getByText('建议这样做')).toBeTruthy()
    expect(screen.getByText('最新一批新人')).toBeTruthy()
    expect(screen.getByText('完成新人任务：12 人（60%）')).toBeTruthy()
    expect(screen.getByText('1. 小雨')).toBeTruthy()
    expect(screen.getByText('核心 60人')).toBeTruthy()
    // A young metric says so instead of a figure.
    expect(document.querySelector('[data-metric="retention30"]')!.textContent).toContain('数据不足')
    // The play's link opens its tool.
    const alert = overviewOf().alerts[0]
    tapOpens(alert.plays[0].links[0].label, alert.plays[0].links[0].url)
  })

  test('exports the daily figures through the one export format', async () => {
    // jsdom has no object URLs; the H5 download needs one per file.
    URL.createObjectURL = () => 'blob:export'
    URL.revokeObjectURL = () => undefined
    gateway.on('dashboard', 'overview', () => ({ ok: true, data: overviewOf() }))
    gateway.on('dashboard', 'exportDaily', () => ({
      ok: true,
      data: {
        csv: '\uFEFF日期\r\n',
        fileName: '晨读会-每日数据-2026-11-21.csv',
        rows: 20,
        part: 1,
        nextCursor: null,
      },
    }))
    render(<DashboardPage />)
    fireEvent.click(await screen.findByText('导出每日数据 CSV'))
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toContain('已下载 CSV 文件（20 条）'))
  })

  test('before the first nightly run: an empty state, not zeros', async () => {
    gateway.on('dashboard', 'overview', () => ({ ok: true, data: { ...overviewOf(), day: null, days: 0 } }))
    render(<DashboardPage />)
    expect(await screen.findByText('还没有数据')).toBeTruthy()
  })

  test('a young community is told some figures wait for more days, and sees no alert', async () => {
    gateway.on('dashboard', 'overview', () => ({ ok: true, data: overviewOf(5) }))
    render(<DashboardPage />)
    expect(await screen.findByText('社群数据不足 7 天，部分指标和预警会在数据足够后出现。')).toBeTruthy()
    expect(screen.getByText('目前没有预警，社群运转正常。')).toBeTruthy()
  })

  test('a refusal is shown as an error with a retry', async () => {
    gateway.on('dashboard', 'overview', () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' },
    }))
    render(<DashboardPage />)
    expect(await screen.findByText('你没有权限进行这个操作')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })
})

describe('管理 badges', () => {
  test('each tool shows its pending work, and the dashboard is listed', async () => {
    const answer: Badges = {
      counts: { alerts: 1, joinRequests: 3, heldContent: 1, reports: 1, orders: 0, sopTasks: 2 },
      total: 8,
      dashboard: true,
    }
    gateway.on('dashboard', 'badges', () => ({ ok: true, data: answer }))
    render(<ManagePage />)
    expect(await screen.findByText('数据看板')).toBeTruthy()
    await waitFor(() => expect(screen.getByText('3 待处理')).toBeTruthy())
    // 内容审核: held content and reports together.
    expect(screen.getAllByText('2 待处理').length).toBe(2)
    expect(screen.getByText('1 待处理')).toBeTruthy()
    expect(screen.getByLabelText('8 项待处理').textContent).toBe('8')
    tapOpens('数据看板', '/packages/admin/dashboard/index')
  })
})

describe('a play opens its tool', () => {
  test('发起话题日活动 opens the activity editor with the topic day filled in', async () => {
    recorded.params = { template: 'topicDay' }
    render(<ActivityEditPage />)
    const title = await waitFor(() => {
      const found = screen.getAllByPlaceholderText('如：城南读书见面会').find((el) => el.tagName === 'INPUT')
      if (!found) throw new Error('no title input yet')
      return found as HTMLInputElement
    })
    expect(title.value).toBe('话题日')
  })

  test('an unknown template opens an empty editor', async () => {
    recorded.params = { template: 'nope' }
    render(<ActivityEditPage />)
    const title = await waitFor(() => {
      const found = screen.getAllByPlaceholderText('如：城南读书见面会').find((el) => el.tagName === 'INPUT')
      if (!found) throw new Error('no title input yet')
      return found as HTMLInputElement
    })
    expect(title.value).toBe('')
  })
})
