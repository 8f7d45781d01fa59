import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { LedgerEntry, PointsSummary, RuleView } from '@core/contracts/points'
import LedgerPage from '@/packages/points/ledger'
import LevelPage from '@/packages/points/level'
import LevelCelebration from '@/pages/home/components/LevelCelebration'
import PointRulesPage from '@/packages/admin/points'
import GrantPage from '@/packages/admin/points/grant'
import { adminMe, type Gateway } from './gateway'
import { freshApp, typeInto } from './helpers'
import { recorded } from './taro-stub'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-member')
})

afterEach(() => gateway.restore())

function summary(over: Partial<PointsSummary> = {}): PointsSummary {
  return {
    balance: 135,
    totalEarned: 260,
    level: 'newcomer',
    levelName: '新手',
    next: { level: 'advanced', name: '进阶', at: 500, toGo: 240 },
    progress: 0.52,
    rights: [{ key: 'basic_materials', name: '基础资料' }],
    levels: [
      {
        level: 'newcomer',
        name: '新手',
        threshold: 0,
        rights: [{ key: 'basic_materials', name: '基础资料' }],
      },
      {
        level: 'advanced',
        name: '进阶',
        threshold: 500,
        rights: [
          { key: 'basic_materials', name: '基础资料' },
          { key: 'priority_qa', name: '优先答疑通道' },
        ],
      },
      {
        level: 'core',
        name: '核心',
        threshold: 2000,
        rights: [
          { key: 'basic_materials', name: '基础资料' },
          { key: 'priority_qa', name: '优先答疑通道' },
          { key: 'offline_activities', name: '线下活动' },
        ],
      },
    ],
    makeupCards: 0,
    dormant: false,
    celebration: null,
    lastChange: null,
    ...over,
  }
}

const row = (i: number): LedgerEntry => ({
  id: `row-${i}`,
  kind: 'earn',
  kindName: '获得',
  delta: 5,
  reason: `每日打卡 ${i}`,
  balanceAfter: 100 + i,
  createdAt: new Date(Date.UTC(2026, 10, 20 - i)).toISOString(),
})

describe('积分明细', () => {
  test('shows the balance and pages the ledger', async () => {
    gateway.on('points', 'summary', () => ({ ok: true, data: summary() }))
    gateway.on('points', 'ledger', (input) =>
      input.cursor === 'p2'
        ? { ok: true, data: { items: [row(3)], nextCursor: null } }
        : { ok: true, data: { items: [row(1), row(2)], nextCursor: 'p2' } },
    )
    render(<LedgerPage />)
    expect(await screen.findByText('每日打卡 1')).toBeTruthy()
    expect(screen.getByText('135')).toBeTruthy()
    expect(screen.getByText('260')).toBeTruthy()
    expect(screen.queryByText('每日打卡 3')).toBeNull()
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('每日打卡 3')).toBeTruthy()
    expect(screen.getByText('没有更多了')).toBeTruthy()
    expect(gateway.calls.filter((c) => c.action === 'ledger').map((c) => c.input.cursor)).toEqual([
      undefined,
      'p2',
    ])
  })

  test('says so when there is nothing yet', async () => {
    gateway.on('points', 'summary', () => ({ ok: true, data: summary({ balance: 0, totalEarned: 0 }) }))
    gateway.on('points', 'ledger', () => ({ ok: true, data: { items: [], nextCursor: null } }))
    render(<LedgerPage />)
    expect(await screen.findByText('还没有积分记录')).toBeTruthy()
  })

  test('a failure says why and retries', async () => {
    let fail = true
    gateway.on('points', 'summary', () => ({ ok: true, data: summary() }))
    gateway.on('points', 'ledger', () =>
      fail
        ? { ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' } }
        : { ok: true, data: { items: [row(1)], nextCursor: null } },
    )
    render(<LedgerPage />)
    expect(await screen.findByText('服务开小差了，请稍后再试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('每日打卡 1')).toBeTruthy()
  })
})

describe('我的等级', () => {
  test('shows progress, rights per level and the last change explained', async () => {
    gateway.on('points', 'summary', () => ({
      ok: true,
      data: summary({
        lastChange: {
          id: 'lc1',
          kind: 'demote',
          from: 'advanced',
          to: 'newcomer',
          fromName: '进阶',
          toName: '新手',
          reason: '近 30 天互动 3 次，低于进阶保级所需的 4 次',
          createdAt: '2026-11-01T19:00:00.000Z',
        },
      }),
    }))
    render(<LevelPage />)
    expect(await screen.findByText('再获得 240 分升级为进阶（500 分）')).toBeTruthy()
    expect(screen.getByText(/近 30 天互动 3 次/)).toBeTruthy()
    expect(screen.getByText('基础资料、优先答疑通道、线下活动')).toBeTruthy()
    expect(screen.getByLabelText('升级进度 52%')).toBeTruthy()
  })
})

describe('升级庆祝', () => {
  const celebration = {
    id: 'c-a:o:adjust:r1:level',
    kind: 'promote' as const,
    from: 'newcomer' as const,
    to: 'advanced' as const,
    fromName: '新手',
    toName: '进阶',
    reason: '累计获得 500 分，升级为进阶',
    createdAt: '2026-11-20T01:00:00.000Z',
  }

  test('shows once and acknowledges', async () => {
    gateway.on('points', 'summary', () => ({ ok: true, data: summary({ celebration, level: 'advanced' }) }))
    gateway.on('points', 'ackLevelChange', () => ({ ok: true, data: { acknowledged: true } }))
    render(<LevelCelebration />)
    expect(await screen.findByText('恭喜升级为进阶！')).toBeTruthy()
    fireEvent.click(screen.getByText('知道了'))
    expect(screen.queryByText('恭喜升级为进阶！')).toBeNull()
    await waitFor(() =>
      expect(gateway.calls.find((c) => c.action === 'ackLevelChange')?.input).toEqual({ id: celebration.id }),
    )
  })

  test('draws nothing without an unseen level-up', async () => {
    gateway.on('points', 'summary', () => ({ ok: true, data: summary() }))
    const { container } = render(<LevelCelebration />)
    await waitFor(() => expect(gateway.calls.map((c) => c.action)).toEqual(['summary']))
    expect(container.textContent).toBe('')
  })
})

/** The native inputs of one rule's editor, once Taro's Input components have drawn them. */
function ruleInputs(container: HTMLElement, key: string): Promise<NodeListOf<HTMLInputElement>> {
  return waitFor(() => {
    const inputs = (container.querySelector(`[data-rule="${key}"]`) as HTMLElement).querySelectorAll('input')
    if (inputs.length < 2) throw new Error('inputs not drawn yet')
    return inputs
  })
}

describe('积分规则 (admin)', () => {
  const rules: RuleView[] = [
    { key: 'checkin', name: '每日打卡', points: 5, dailyCap: 5, enabled: true, isDefault: true },
    { key: 'post', name: '有效发言', points: 20, dailyCap: 100, enabled: true, isDefault: true },
  ]

  beforeEach(() => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('points', 'rules', () => ({ ok: true, data: { rules, canEdit: true } }))
  })

  test('edits a rule after a confirmation and shows the change', async () => {
    gateway.on('points', 'updateRule', (input) => ({
      ok: true,
      data: { ...rules[1], points: input.points, dailyCap: input.dailyCap, isDefault: false },
    }))
    const { container } = render(<PointRulesPage />)
    expect(await screen.findByText('20 分 · 每日上限 100 分 · 默认')).toBeTruthy()
    const inputs = await ruleInputs(container, 'post')
    fireEvent.input(inputs[0], { target: { value: '30' } })
    fireEvent.input(inputs[1], { target: { value: '90' } })
    fireEvent.click(screen.getAllByText('保存')[1])
    expect(await screen.findByText(/确认把「有效发言」改为每次 30 分，每日上限 90 分/)).toBeTruthy()
    expect(gateway.calls.some((c) => c.action === 'updateRule')).toBe(false)
    fireEvent.click(screen.getByText('确认修改'))
    expect(await screen.findByText('30 分 · 每日上限 90 分')).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'updateRule')?.input).toEqual({
      rule: 'post',
      points: 30,
      dailyCap: 90,
      enabled: true,
    })
    expect(recorded.toasts.at(-1)?.title).toBe('已保存')
  })

  test('refuses a cap below the points without asking the server', async () => {
    const { container } = render(<PointRulesPage />)
    await screen.findByText('20 分 · 每日上限 100 分 · 默认')
    const inputs = await ruleInputs(container, 'post')
    fireEvent.input(inputs[1], { target: { value: '10' } })
    fireEvent.click(screen.getAllByText('保存')[1])
    expect(await screen.findByText('每日上限不能小于单次分值')).toBeTruthy()
    expect(gateway.calls.some((c) => c.action === 'updateRule')).toBe(false)
  })
})

describe('积分调整 (admin)', () => {
  test('finds a member, confirms, and adjusts once with a requestId', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('points', 'members', (input) => ({
      ok: true,
      data: {
        items:
          input.prefix === '张'
            ? [
                {
                  memberId: 'c_o-z',
                  nickname: '张三',
                  roleName: '成员',
                  levelName: '新手',
                  balance: 40,
                  makeupCards: 0,
                },
              ]
            : [],
        nextCursor: null,
      },
    }))
    gateway.on('points', 'adjust', (input) => ({
      ok: true,
      data: { balance: 40 + Number(input.delta), delta: input.delta, duplicate: false },
    }))
    render(<GrantPage />)
    expect(await screen.findByText('没有找到成员')).toBeTruthy()
    await typeInto('输入昵称开头搜索', '张')
    fireEvent.click(screen.getByText('搜索'))
    fireEvent.click(await screen.findByText('张三 · 新手'))
    await typeInto('如 50 或 -10', '-50')
    await typeInto('必填，成员会在积分明细里看到', '违规广告')
    fireEvent.click(screen.getByText('下一步'))
    expect(await screen.findByText('积分不足：张三 当前 40 分')).toBeTruthy()
    await typeInto('如 50 或 -10', '-10')
    fireEvent.click(screen.getByText('下一步'))
    expect(await screen.findByText('确认给 张三 扣除 10 积分，原因：违规广告？')).toBeTruthy()
    fireEvent.click(screen.getByText('确认'))
    await waitFor(() => expect(recorded.toasts.at(-1)?.title).toBe('已调整，当前 30 分'))
    const adjusts = gateway.calls.filter((c) => c.action === 'adjust')
    expect(adjusts).toHaveLength(1)
    expect(adjusts[0].input).toMatchObject({ memberId: 'c_o-z', delta: -10, reason: '违规广告' })
    expect(String(adjusts[0].input.requestId)).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    // Done: the confirmation closes, the form empties and the member's row shows the new balance.
    await waitFor(() => expect(screen.queryByText(/^确认给/)).toBeNull())
    expect(screen.getByText('下一步')).toBeTruthy()
    expect(screen.getByText('30 分 · 补签卡 0')).toBeTruthy()
    expect(screen.getByText('张三：30 分 · 补签卡 0 张')).toBeTruthy()
    const amount = screen.getAllByPlaceholderText('如 50 或 -10').find((el) => el.tagName === 'INPUT')
    expect((amount as HTMLInputElement).value).toBe('')
  })
})
