import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { BoardResult, MonthlyResultsPage, RankSettingsResult } from '@core/contracts/rank'
import type { BoardKind } from '@core/leaderboard'
import RankPage from '@/pages/rank'
import RankAdminPage from '@/packages/admin/rank'
import { adminMe, memberMe, nobody, type Gateway } from './gateway'
import { freshApp } from './helpers'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-member')
})

afterEach(() => gateway.restore())

function boardOf(kind: BoardKind, over: Partial<BoardResult> = {}): BoardResult {
  return {
    kind,
    name: kind,
    label: kind === 'week' ? '本周（11月16日–11月22日）获得的积分' : '累计获得的积分',
    unit: kind === 'streak' ? '天' : '分',
    rows: [
      { rank: 1, nickname: '阿青', level: 'core', title: '书虫', value: 300, isMe: false },
      { rank: 2, nickname: '小北', level: 'advanced', title: null, value: 200, isMe: false },
      { rank: 2, nickname: '木木', level: 'newcomer', title: null, value: 200, isMe: false },
      { rank: 4, nickname: '小雨', level: 'newcomer', title: null, value: 90, isMe: true },
    ],
    me: { rank: 4, value: 90, ranked: true },
    staffHidden: false,
    ...over,
  }
}

describe('排行榜 tab', () => {
  test('shows the week board with shared ranks, the title and the caller pinned; switches boards', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    gateway.on('rank', 'board', (input) =>
      input.kind === 'week'
        ? { ok: true, data: boardOf('week') }
        : { ok: true, data: boardOf('streak', { rows: [], me: { rank: null, value: 0, ranked: true } }) },
    )
    const { container } = render(<RankPage />)
    await screen.findByText('阿青')
    expect(screen.getByText('书虫')).toBeTruthy()
    const ranks = Array.from(container.querySelectorAll('.rank-row__rank')).map((el) => el.textContent)
    expect(ranks).toEqual(['1', '2', '2', '4'])
    expect(container.querySelector('.rank-row--top1')?.textContent).toContain('阿青')
    expect(container.querySelector('.rank-row--me')?.textContent).toContain('小雨')
    expect(container.querySelector('.rank-me')?.textContent).toContain('你的排名第 4 名90 分')

    fireEvent.click(screen.getByText('连续打卡'))
    await screen.findByText('今天和昨天还没有人打卡')
    expect(container.querySelector('.rank-me')?.textContent).toContain('未上榜')
    expect(gateway.calls.filter((c) => c.fn === 'rank').map((c) => c.input.kind)).toEqual(['week', 'streak'])
  })

  test('an empty week says how to get on it; hidden staff are told', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('rank', 'board', () => ({
      ok: true,
      data: boardOf('week', { rows: [], me: { rank: null, value: 40, ranked: false }, staffHidden: true }),
    }))
    const { container } = render(<RankPage />)
    await screen.findByText('本周还没有人获得积分')
    expect(screen.getByText('打卡即可上榜')).toBeTruthy()
    expect(container.textContent).toContain('管理员和活动官不参与排名')
    expect(container.querySelector('.rank-me')?.textContent).toContain('你不参与排名')
  })

  test('an error offers a retry', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    let fail = true
    gateway.on('rank', 'board', () =>
      fail
        ? { ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' } }
        : { ok: true, data: boardOf('week') },
    )
    render(<RankPage />)
    await screen.findByText('服务开小差了，请稍后再试')
    fail = false
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText('阿青')
  })

  test('someone outside any community is asked to join', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: nobody }))
    render(<RankPage />)
    await screen.findByText('加入社群后查看排行榜')
    expect(gateway.calls.some((c) => c.fn === 'rank')).toBe(false)
  })
})

describe('排行榜设置', () => {
  const saved: RankSettingsResult = {
    hideStaff: false,
    top3: { enabled: true, points: [500, 300, 100] },
    updatedAt: null,
  }
  const results: MonthlyResultsPage = {
    items: [
      {
        monthKey: '2026-10',
        label: '2026年10月',
        status: 'paid',
        createdAt: '2026-10-31T17:00:00.000Z',
        winners: [
          { rank: 1, nickname: '阿青', value: 820, points: 500, paid: true, told: true },
          { rank: 2, nickname: '小北', value: 700, points: 300, paid: true, told: false },
        ],
      },
    ],
    nextCursor: null,
  }

  test('an admin hides staff after confirming, and sees past Top-3 results', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('rank', 'settings', () => ({ ok: true, data: saved }))
    gateway.on('rank', 'monthlyResults', () => ({ ok: true, data: results }))
    gateway.on('rank', 'saveSettings', (input) => ({
      ok: true,
      data: { ...(input as unknown as RankSettingsResult), updatedAt: '2026-11-22T00:00:00.000Z' },
    }))
    const { container } = render(<RankAdminPage />)
    await screen.findByText('2026年10月')
    expect(screen.getByText('未订阅，未通知')).toBeTruthy()
    // Settings are switches, not buttons that read 已开启/已关闭.
    expect(screen.queryByText('已关闭')).toBeNull()
    const staffSwitch = container.querySelector('.arank__switch--staff')!
    expect(staffSwitch.className).toContain('nut-switch-close')
    expect(container.querySelector('.arank__switch--top3')!.className).not.toContain('nut-switch-close')
    fireEvent.click(staffSwitch)
    await waitFor(() => expect(staffSwitch.className).not.toContain('nut-switch-close'))
    fireEvent.click(screen.getByText('保存设置'))
    await screen.findByText(/管理员将立即从榜单移除/)
    fireEvent.click(screen.getByText('确认保存'))
    await waitFor(() => expect(gateway.calls.some((c) => c.action === 'saveSettings')).toBe(true))
    const call = gateway.calls.find((c) => c.action === 'saveSettings')!
    expect(call.input).toMatchObject({ hideStaff: true, top3: { enabled: true, points: [500, 300, 100] } })
  })
})
