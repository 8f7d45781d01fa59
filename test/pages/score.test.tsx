import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { DistributionView, MemberScoreView, ScoreExplanation, TierMember } from '@core/contracts/score'
import {
  emptyCounts,
  explain,
  FULL_WEEK,
  tierNamesFor,
  type ActivityCounts,
  type TierAudience,
} from '@core/value-score'
import MyScorePage from '@/packages/standing/score'
import TiersPage from '@/packages/admin/tiers'
import MemberScorePage from '@/packages/admin/tiers/member'
import { adminMe, type Gateway } from './gateway'
import { freshApp, loadMore, tapOpens } from './helpers'
import { recorded } from './taro-stub'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-member')
})

afterEach(() => gateway.restore())

/** An explanation built by the real formulas, as the function would answer. */
function explanation(
  weekKey: string,
  counts: Partial<ActivityCounts>,
  silent = false,
  audience: TierAudience = 'self',
): ScoreExplanation {
  return explain(weekKey, { ...emptyCounts(), ...counts }, silent, FULL_WEEK, audience)
}

/** A member's own view unless `audience: 'staff'`: tier names follow whose eyes it is for. */
function view(over: Partial<MemberScoreView> = {}): MemberScoreView {
  const audience = over.audience ?? 'self'
  const names = tierNamesFor(audience)
  return {
    audience,
    nickname: '小雨',
    score: explanation(
      '2026-11-16',
      { checkinDays: 5, notes: 2, likesReceived: 3, challengeDays: 2 },
      false,
      audience,
    ),
    thisWeek: explanation('2026-11-23', { checkinDays: 2, notes: 1 }, false, audience),
    history: [
      { weekKey: '2026-11-09', total: 48, tier: 'normal', tierName: names.normal },
      { weekKey: '2026-11-16', total: 57.1, tier: 'normal', tierName: names.normal },
    ],
    lastActiveAt: '2026-11-23T01:00:00.000Z',
    ...over,
  }
}

describe('我的活跃度', () => {
  test('explains last week: total, tier, each weighted part, the suggestion, this week and history', async () => {
    gateway.on('score', 'myScore', () => ({ ok: true, data: view() }))
    render(<MyScorePage />)
    // (40 + 4·10 + 2·8)·30% + (25 + 2·10)·25% + (25 + 10)·20% + 0 + 100·10% = 28.8 + 11.25 + 7 + 10 = 57.05
    expect(await screen.findByText('57.1')).toBeTruthy()
    // A member sees their tier kindly named, never 观察 ("under watch") nor a second 核心 beside the level.
    expect(screen.getByText('稳步')).toBeTruthy()
    expect(screen.getByText(/40 以下蓄力。$/)).toBeTruthy()
    expect(screen.queryByText(/观察|核心/)).toBeNull()
    expect(screen.getByText('发言频率 30%')).toBeTruthy()
    expect(screen.getByText('96 · +28.8')).toBeTruthy()
    expect(screen.getByText('违规记录 10%')).toBeTruthy()
    expect(screen.getByText('发言频率：打卡 5 天 · 日记 2 篇 · 帖子 0 篇 · 回复 0 条')).toBeTruthy()
    // The step that adds most: five more challenge days (+50 → +10) beat three likes (+7.5) or one more day (+1.2).
    expect(screen.getByText('挑战打卡再坚持 5 天，活动参与分可加 50 分（总分约 +10）')).toBeTruthy()
    expect(screen.getByText(/已打卡 2 天 · 日记 1 篇/)).toBeTruthy()
    expect(screen.getByText('按目前的记录，本周约 27.4 分（周一正式计算）')).toBeTruthy()
    expect(screen.getByText('最近几周')).toBeTruthy()
    expect(screen.getByText('48 稳步')).toBeTruthy()
  })

  test('before the first weekly run it says when scores come', async () => {
    gateway.on('score', 'myScore', () => ({ ok: true, data: view({ score: null, history: [] }) }))
    render(<MyScorePage />)
    expect(await screen.findByText('还没有周评分')).toBeTruthy()
    expect(screen.getByText('本周进行中')).toBeTruthy()
  })

  test('a failure says why and retries', async () => {
    let fail = true
    gateway.on('score', 'myScore', () =>
      fail
        ? { ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' } }
        : { ok: true, data: view() },
    )
    render(<MyScorePage />)
    expect(await screen.findByText('服务开小差了，请稍后再试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('57.1')).toBeTruthy()
  })
})

const distribution: DistributionView = {
  weekKey: '2026-11-16',
  total: 200,
  computedAt: '2026-11-22T17:10:00.000Z',
  rows: [
    { group: 'core', name: '核心', count: 12, percent: 6, band: [5, 8], healthy: true },
    { group: 'active', name: '活跃', count: 34, percent: 17, band: [15, 20], healthy: true },
    { group: 'normal', name: '普通', count: 110, percent: 55, band: [60, 70], healthy: false },
    { group: 'watch', name: '观察', count: 44, percent: 22, band: null, healthy: null },
    { group: 'silent', name: '沉默', count: 24, percent: 12, band: [10, 15], healthy: true },
  ],
}

const member = (i: number, over: Partial<TierMember> = {}): TierMember => ({
  memberId: `c1_o-${i}`,
  nickname: `书友${i}`,
  valueScore: 10,
  tier: 'watch',
  tierName: '观察',
  silent: true,
  lastActiveAt: '2026-07-01T02:00:00.000Z',
  lastWakeUpAt: null,
  ...over,
})

describe('成员分层', () => {
  test('shows the distribution against the healthy ranges and pages each tier', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('score', 'distribution', () => ({ ok: true, data: distribution }))
    gateway.on('score', 'tierMembers', (input) => {
      if (input.group === 'core')
        return {
          ok: true,
          data: {
            items: [member(9, { silent: false, tier: 'core', tierName: '核心', valueScore: 88 })],
            nextCursor: null,
          },
        }
      return input.cursor === 'p2'
        ? { ok: true, data: { items: [member(3)], nextCursor: null } }
        : { ok: true, data: { items: [member(1), member(2)], nextCursor: 'p2' } }
    })
    render(<TiersPage />)
    expect(await screen.findByText('11月16日那周 · 共 200 人')).toBeTruthy()
    expect(screen.getByText('普通 110人')).toBeTruthy()
    expect(screen.getByText('55%')).toBeTruthy()
    // The parts overlap (silent members keep their tier), and the page says so rather than sum to 113%.
    expect(screen.getByText(/所以五项相加会超过 100%/)).toBeTruthy()
    expect(await screen.findByText('书友1')).toBeTruthy()
    await loadMore('书友3')
    fireEvent.click(screen.getByText('核心'))
    expect(await screen.findByText('书友9')).toBeTruthy()
    expect(screen.getByText('88')).toBeTruthy()
    tapOpens('书友9', '/packages/admin/tiers/member/index?id=c1_o-9')
  })

  test('before the first weekly run it says so', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('score', 'distribution', () => ({
      ok: true,
      data: { weekKey: null, total: 0, rows: [], computedAt: null },
    }))
    render(<TiersPage />)
    expect(await screen.findByText('还没有周评分')).toBeTruthy()
  })
})

describe('成员活跃度 (admin)', () => {
  test('explains a silent member and wakes them up after a confirmation', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('score', 'memberScore', () => ({
      ok: true,
      data: view({
        audience: 'staff',
        nickname: '阿静',
        score: explanation('2026-11-16', {}, true, 'staff'),
      }),
    }))
    gateway.on('score', 'wakeUp', () => ({ ok: true, data: { sent: false, outcome: '未订阅，无法发送' } }))
    render(<MemberScorePage />)
    expect(await screen.findByText('阿静')).toBeTruthy()
    expect(screen.getByText('沉默')).toBeTruthy()
    recorded.modalConfirms = false
    fireEvent.click(screen.getByText('发送唤醒通知'))
    await waitFor(() => expect(recorded.modals).toHaveLength(1))
    expect(gateway.calls.some((c) => c.action === 'wakeUp')).toBe(false)
    recorded.modalConfirms = true
    fireEvent.click(screen.getByText('发送唤醒通知'))
    expect(await screen.findByText('未订阅，无法发送')).toBeTruthy()
    expect(recorded.modals[1].title).toBe('给 阿静 发送唤醒通知？')
    expect(recorded.toasts.at(-1)?.title).toBe('未订阅，无法发送')
    // Refused once, the button stays off with the reason beside it: no second futile tap.
    fireEvent.click(screen.getByText('发送唤醒通知'))
    await new Promise((r) => setTimeout(r, 50))
    expect(recorded.modals).toHaveLength(2)
    expect(gateway.calls.filter((c) => c.action === 'wakeUp')).toHaveLength(1)
  })

  test('offers no wake-up for an active member', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('score', 'memberScore', () => ({ ok: true, data: view({ audience: 'staff' }) }))
    render(<MemberScorePage />)
    expect(await screen.findByText('57.1')).toBeTruthy()
    // Staff read SPEC's names.
    expect(screen.getByText('普通')).toBeTruthy()
    expect(screen.getByText(/40 以下观察。$/)).toBeTruthy()
    expect(screen.queryByText('发送唤醒通知')).toBeNull()
  })
})
