/** 违规与申诉 (staff), 我的违规记录 and 退出社群 (member), against the stubbed gateway. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { DirectoryMember, MemberPage } from '@core/contracts/directory'
import type { ViolationView } from '@core/contracts/sanctions'
import { DEFAULT_SANCTION_SETTINGS } from '@core/sanctions'
import SanctionsPage from '@/packages/admin/sanctions'
import MyViolationsPage from '@/packages/me/violations'
import MinePage from '@/pages/mine'
import { meStore } from '@/hooks/meStore'
import { adminMe, memberMe, profile, community, type Gateway } from './gateway'
import { freshApp, typeInto } from './helpers'
import { recorded } from './taro-stub'

jest.setTimeout(30_000)

let gateway: Gateway

afterEach(() => gateway.restore())

const violation = (over: Partial<ViolationView> = {}): ViolationView => ({
  id: 'v1',
  memberId: 'c1_o-7',
  nickname: '跑步的阿哲',
  step: 1,
  stepName: '私下提醒',
  reason: '群里发广告',
  evidence: { text: null, imageFileId: null, heldId: null },
  createdAt: '2026-11-20T02:00:00.000Z',
  expiresAt: '2027-05-19T02:00:00.000Z',
  state: 'live',
  appeal: null,
  canAppeal: false,
  ...over,
})

const azhe: DirectoryMember = {
  memberId: 'c1_o-7',
  nickname: '跑步的阿哲',
  role: 'member',
  roleName: '成员',
  level: 'newcomer',
  levelName: '新手',
  tierName: null,
  tags: [],
  statuses: [],
  balance: 0,
  totalEarned: 0,
  joinedAt: '2026-11-01T02:00:00.000Z',
}

/** The staff member page: only its violations matter to the record form. */
const memberPageWith = (violations: MemberPage['violations']) => ({ violations }) as unknown as MemberPage

function stubStaff(appeals: ViolationView[] = [], canEdit = false) {
  gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
  gateway.on('sanctions', 'list', () => ({
    ok: true,
    data: { recent: [violation()], appeals, openTasks: 1, allowSkip: false },
  }))
  gateway.on('sanctions', 'removalTasks', () => ({
    ok: true,
    data: {
      open: [
        {
          id: 't1',
          memberId: 'c1_o-9',
          nickname: '老周',
          reason: '多次骚扰成员',
          status: 'open',
          createdAt: '2026-11-21T02:00:00.000Z',
          doneAt: null,
        },
      ],
      done: [],
    },
  }))
  gateway.on('sanctions', 'settings', () => ({ ok: true, data: { ...DEFAULT_SANCTION_SETTINGS, canEdit } }))
}

describe('违规与申诉 (staff)', () => {
  beforeEach(() => {
    gateway = freshApp('openid-admin')
  })

  test('records the step the member is at, stating the mute before it is recorded', async () => {
    stubStaff()
    gateway.on('directory', 'search', (input) => ({
      ok: true,
      data: {
        members: input.query === '阿哲' ? [azhe] : [],
        total: 1,
        counts: null,
        capped: false,
        nextCursor: null,
      },
    }))
    gateway.on('directory', 'member', () => ({
      ok: true,
      data: memberPageWith([
        {
          id: 'v1',
          step: 1,
          reason: '群里发广告',
          createdAt: new Date().toISOString(),
          expiresAt: '2099-01-01T00:00:00.000Z',
          appeal: null,
        },
        {
          id: 'v2',
          step: 2,
          reason: '又发广告',
          createdAt: new Date().toISOString(),
          expiresAt: '2099-01-01T00:00:00.000Z',
          appeal: null,
        },
      ]),
    }))
    gateway.on('sanctions', 'record', (input) => ({
      ok: true,
      data: {
        violation: violation({ id: 'v3', step: 3, stepName: '禁言 24 小时', reason: input.reason }),
        notified: true,
        mutedUntil: '2026-11-23T02:00:00.000Z',
        removed: false,
      },
    }))
    render(<SanctionsPage />)
    expect(await screen.findByText('群里发广告')).toBeTruthy()
    expect(screen.getByText('没有待处理的申诉')).toBeTruthy()

    await typeInto('输入昵称中的任意几个字', '阿哲')
    fireEvent.click(screen.getByText('搜索'))
    fireEvent.click(await screen.findByText('跑步的阿哲 · 成员'))
    expect(
      await screen.findByText(/有 2 条违规仍在有效期内，这次将是「第 3 步 · 禁言 24 小时」/),
    ).toBeTruthy()

    fireEvent.click(screen.getByText('下一步'))
    expect(await screen.findByText('请写明违规原因')).toBeTruthy()
    expect(gateway.calls.some((c) => c.action === 'record')).toBe(false)

    await typeInto('必填，成员会看到', '第三次在群里发广告')
    const box = await waitFor(() => {
      const el = document.querySelector('textarea')
      if (!el) throw new Error('no textarea yet')
      return el
    })
    fireEvent.input(box, { target: { value: '11月22日晚 9 点的聊天' } })
    fireEvent.click(screen.getByText('下一步'))
    expect(
      await screen.findByText(/确认给 跑步的阿哲 记录「第 3 步 · 禁言 24 小时」？TA 将被禁言 24 小时/),
    ).toBeTruthy()
    fireEvent.click(screen.getByText('确认记录'))
    await waitFor(() =>
      expect(recorded.toasts).toContainEqual({ title: '已记录：禁言 24 小时', icon: 'none' }),
    )
    expect(gateway.calls.filter((c) => c.action === 'record').map((c) => c.input)).toEqual([
      { memberId: 'c1_o-7', reason: '第三次在群里发广告', evidenceText: '11月22日晚 9 点的聊天' },
    ])
    // The queue is read again after recording.
    await waitFor(() => expect(gateway.calls.filter((c) => c.action === 'list').length).toBe(2))
  })

  test('with skipping allowed, staff take a serious case to removal; a refusal is shown in the server’s words', async () => {
    stubStaff()
    gateway.on('sanctions', 'list', () => ({
      ok: true,
      data: { recent: [], appeals: [], openTasks: 0, allowSkip: true },
    }))
    gateway.on('directory', 'search', () => ({
      ok: true,
      data: { members: [azhe], total: 1, counts: null, capped: false, nextCursor: null },
    }))
    gateway.on('directory', 'member', () => ({ ok: true, data: memberPageWith([]) }))
    gateway.on('sanctions', 'record', () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: '管理员不能处罚另一位管理员' },
    }))
    render(<SanctionsPage />)
    expect(await screen.findByText('还没有违规记录')).toBeTruthy()
    fireEvent.click(screen.getByText('搜索'))
    fireEvent.click(await screen.findByText('跑步的阿哲 · 成员'))
    expect(await screen.findByText(/这次将是「第 1 步 · 私下提醒」/)).toBeTruthy()
    fireEvent.click(screen.getByText('移出社群'))
    expect(await screen.findByText(/这次将是「第 4 步 · 移出社群」/)).toBeTruthy()
    await typeInto('必填，成员会看到', '骚扰多位成员')
    fireEvent.click(screen.getByText('下一步'))
    expect(await screen.findByText(/TA 将被移出社群，同时生成一条移出任务/)).toBeTruthy()
    fireEvent.click(screen.getByText('确认记录'))
    expect(await screen.findByText('管理员不能处罚另一位管理员')).toBeTruthy()
    expect(gateway.calls.filter((c) => c.action === 'record').map((c) => c.input)).toEqual([
      { memberId: 'c1_o-7', reason: '骚扰多位成员', step: 4 },
    ])
  })

  test('decides a pending appeal and marks a removal task done', async () => {
    stubStaff([
      violation({
        id: 'v9',
        appeal: {
          text: '那条是活动通知不是广告',
          at: '2026-11-21T02:00:00.000Z',
          decision: null,
          decidedAt: null,
        },
      }),
    ])
    gateway.on('sanctions', 'decideAppeal', (input) => ({
      ok: true,
      data: violation({ id: input.violationId, state: 'overturned' }),
    }))
    gateway.on('sanctions', 'completeRemovalTask', (input) => ({
      ok: true,
      data: {
        id: input.taskId,
        memberId: 'c1_o-9',
        nickname: '老周',
        reason: '多次骚扰成员',
        status: 'done',
        createdAt: '2026-11-21T02:00:00.000Z',
        doneAt: '2026-11-22T02:00:00.000Z',
      },
    }))
    render(<SanctionsPage />)
    expect(await screen.findByText('申诉：那条是活动通知不是广告')).toBeTruthy()
    fireEvent.click(screen.getByText('撤销违规'))
    await waitFor(() => expect(recorded.toasts).toContainEqual({ title: '已撤销这条违规', icon: 'none' }))
    expect(gateway.calls.find((c) => c.action === 'decideAppeal')?.input).toEqual({
      violationId: 'v9',
      decision: 'overturned',
    })

    expect(screen.getByText('老周')).toBeTruthy()
    fireEvent.click(screen.getByText('已移出'))
    await waitFor(() => expect(recorded.toasts).toContainEqual({ title: '已标记完成', icon: 'none' }))
    expect(gateway.calls.find((c) => c.action === 'completeRemovalTask')?.input).toEqual({ taskId: 't1' })
  })

  test('an admin reads the rules; the owner changes and saves them', async () => {
    stubStaff([], false)
    const first = render(<SanctionsPage />)
    expect(await screen.findByText('只有主理人可以修改这些规则。')).toBeTruthy()
    expect(screen.queryByText('保存规则')).toBeNull()
    first.unmount()

    stubStaff([], true)
    gateway.on('sanctions', 'saveSettings', (input) => ({ ok: true, data: { ...input, canEdit: true } }))
    render(<SanctionsPage />)
    fireEvent.click(await screen.findByText('保存规则'))
    await waitFor(() => expect(recorded.toasts).toContainEqual({ title: '已保存', icon: 'success' }))
    expect(gateway.calls.find((c) => c.action === 'saveSettings')?.input).toEqual({
      expiryDays: 180,
      allowSkip: false,
      quietHours: { enabled: false, start: '22:00', end: '08:00' },
    })
  })
})

describe('我的违规记录 (member)', () => {
  beforeEach(() => {
    gateway = freshApp('openid-member')
  })

  test('shows each violation with its step and expiry, and takes one written appeal', async () => {
    gateway.on('sanctions', 'mine', () => ({
      ok: true,
      data: {
        violations: [
          violation({ id: 'v2', step: 2, stepName: '公开点名', reason: '刷屏', canAppeal: true }),
          violation({ id: 'v1', state: 'expired', expiresAt: '2026-11-01T02:00:00.000Z' }),
        ],
        nextStep: 3,
        mutedUntil: null,
      },
    }))
    gateway.on('sanctions', 'appeal', (input) => ({
      ok: true,
      data: violation({
        id: input.violationId,
        step: 2,
        stepName: '公开点名',
        reason: '刷屏',
        appeal: { text: input.text, at: '2026-11-22T02:00:00.000Z', decision: null, decidedAt: null },
      }),
    }))
    render(<MyViolationsPage />)
    expect(await screen.findByText('第 2 步 · 公开点名')).toBeTruthy()
    expect(screen.getByText('刷屏')).toBeTruthy()
    expect(screen.getByText(/到期$/)).toBeTruthy()
    expect(screen.getByText('已过期')).toBeTruthy()
    // Only the live one may be appealed.
    expect(screen.getAllByText('申诉')).toHaveLength(1)
    fireEvent.click(screen.getByText('申诉'))
    const box = await waitFor(() => {
      const el = document.querySelector('textarea')
      if (!el) throw new Error('no textarea yet')
      return el
    })
    fireEvent.input(box, { target: { value: '那天是在转发活动报名，不是刷屏' } })
    fireEvent.click(screen.getByText('提交申诉'))
    expect(await screen.findByText(/管理员处理中/)).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'appeal')?.input).toEqual({
      violationId: 'v2',
      text: '那天是在转发活动报名，不是刷屏',
    })
    expect(screen.queryByText('申诉')).toBeNull()
  })

  test('a member with a clean record sees so', async () => {
    gateway.on('sanctions', 'mine', () => ({
      ok: true,
      data: { violations: [], nextStep: 1, mutedUntil: null },
    }))
    render(<MyViolationsPage />)
    expect(await screen.findByText('你没有违规记录')).toBeTruthy()
  })

  test('退出社群 states the consequence, leaves and goes back to the join screen', async () => {
    let left = false
    gateway.on('member', 'me', () => ({
      ok: true,
      data: left ? { community: null, member: null } : memberMe,
    }))
    gateway.on('member', 'leave', (input) => {
      left = true
      expect(input).toEqual({ confirm: true })
      return { ok: true, data: { left: true, communityId: community.id } }
    })
    render(<MinePage />)
    fireEvent.click(await screen.findByText('退出社群'))
    await waitFor(() =>
      expect(recorded.navigations.at(-1)).toEqual({ method: 'reLaunch', url: '/pages/home/index' }),
    )
    expect(recorded.modals[0].content).toContain('退出后你将不再是「晨读会」的成员')
    expect(gateway.calls.filter((c) => c.action === 'leave')).toHaveLength(1)
  })

  test('the owner has no 退出社群 button; a cancelled confirmation leaves nothing', async () => {
    gateway.on('member', 'me', () => ({
      ok: true,
      data: { community, member: profile({ role: 'owner', roleName: '主理人' }) },
    }))
    const owner = render(<MinePage />)
    expect(await screen.findByText('小林')).toBeTruthy()
    expect(screen.queryByText('退出社群')).toBeNull()
    owner.unmount()

    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    recorded.modalConfirms = false
    meStore.reset()
    render(<MinePage />)
    fireEvent.click(await screen.findByText('退出社群'))
    await waitFor(() => expect(recorded.modals).toHaveLength(1))
    expect(gateway.calls.some((c) => c.action === 'leave')).toBe(false)
  })
})
