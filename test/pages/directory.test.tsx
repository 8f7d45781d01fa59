import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { DirectoryMember, DirectoryPage, MemberPage } from '@core/contracts/directory'
import { emptyCounts, explain } from '@core/value-score'
import MembersPage from '@/packages/admin/members'
import MemberProfilePage from '@/packages/admin/members/member'
import { adminMe, type Gateway } from './gateway'
import { freshApp, loadMore, tapOpens, typeInto } from './helpers'
import { recorded } from './taro-stub'

jest.setTimeout(30_000)

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-admin')
})

afterEach(() => gateway.restore())

const row = (i: number, nickname: string, over: Partial<DirectoryMember> = {}): DirectoryMember => ({
  memberId: `c1_o-${i}`,
  nickname,
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
  ...over,
})

const page = (members: DirectoryMember[], over: Partial<DirectoryPage> = {}): DirectoryPage => ({
  members,
  total: members.length,
  counts: {
    level: { newcomer: 3 },
    tier: {},
    role: { member: 3 },
    status: { active: 3, muted: 1 },
    tag: { 上班族: 2 },
  },
  capped: false,
  nextCursor: null,
  ...over,
})

describe('成员管理', () => {
  test('searches a middle part of a nickname, filters by chip with counts, pages and opens a member', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('directory', 'search', (input) => {
      if (input.query === '的阿') return { ok: true, data: page([row(7, '跑步的阿哲')]) }
      if (input.status === 'muted')
        return { ok: true, data: page([row(2, '小雨', { statuses: [{ key: 'muted', name: '禁言中' }] })]) }
      if (input.cursor === '2') return { ok: true, data: page([row(3, '周宁')], { total: 3 }) }
      return { ok: true, data: page([row(1, '林晓'), row(2, '小雨')], { total: 3, nextCursor: '2' }) }
    })
    render(<MembersPage />)
    expect(await screen.findByText('林晓')).toBeTruthy()
    expect(screen.getByText('共 3 位成员')).toBeTruthy()
    expect(screen.getByText('禁言中 1')).toBeTruthy()
    expect(screen.getByText('上班族 2')).toBeTruthy()
    await loadMore('周宁')
    fireEvent.click(screen.getByText('禁言中 1'))
    await waitFor(() => expect(gateway.calls.map((c) => JSON.stringify(c)).join('\n')).toContain('muted'))
    await waitFor(() => expect(screen.queryByText('林晓')).toBeNull())
    expect(screen.getAllByText('禁言中').length).toBeGreaterThan(0)
    fireEvent.click(screen.getByText('禁言中 1'))
    await typeInto('输入昵称中的任意几个字', '的阿')
    fireEvent.click(screen.getByText('搜索'))
    expect(await screen.findByText('跑步的阿哲')).toBeTruthy()
    tapOpens('跑步的阿哲', '/packages/admin/members/member/index?id=c1_o-7')
  })

  test('nothing found says so', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('directory', 'search', () => ({ ok: true, data: page([]) }))
    render(<MembersPage />)
    expect(await screen.findByText('没有找到成员')).toBeTruthy()
  })

  test('exports every numbered file with progress', async () => {
    // jsdom has no object URLs; the H5 download needs one per file.
    URL.createObjectURL = () => 'blob:export'
    URL.revokeObjectURL = () => undefined
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('directory', 'search', () => ({ ok: true, data: page([row(1, '林晓')]) }))
    const asked: (string | undefined)[] = []
    gateway.on('directory', 'exportMembers', (input) => {
      asked.push(input.cursor)
      const part = input.cursor ? 2 : 1
      return {
        ok: true,
        data: {
          csv: '\uFEFF成员编号\r\n',
          fileName: `晨读会-成员-2026-12-05-${part}.csv`,
          rows: part === 1 ? 2000 : 5,
          part,
          nextCursor: part === 1 ? 'next' : null,
        },
      }
    })
    render(<MembersPage />)
    expect(await screen.findByText('林晓')).toBeTruthy()
    fireEvent.click(screen.getByText('导出 CSV'))
    await waitFor(() => expect(asked).toEqual([undefined, 'next']))
    await waitFor(() => expect(recorded.toasts.at(-1)?.title).toBe('已下载 CSV 文件（2005 条，共 2 个文件）'))
  })
})

const memberView = (): MemberPage => ({
  profile: {
    ...row(7, '跑步的阿哲', { tags: ['上班族', '跑步'], tierName: '核心' }),
    publicId: 'p7',
    lastActiveAt: null,
    mutedUntil: null,
    endedAt: null,
    staffTitle: null,
  },
  ledger: [
    { id: 'l1', kind: '调整', delta: 20, reason: '线下活动帮忙', createdAt: '2026-11-02T02:30:00.000Z' },
  ],
  orders: [],
  checkins: [{ dayKey: '2026-11-03', note: '读完第三章', likes: 2, points: 5 }],
  score: {
    audience: 'staff',
    nickname: '跑步的阿哲',
    score: null,
    thisWeek: explain('2026-11-02', emptyCounts(), false),
    history: [],
    lastActiveAt: null,
  },
  violations: [],
  notes: { notes: [], nextCursor: null },
})

describe('成员档案', () => {
  test('shows the profile and sections, and saves a private note', async () => {
    recorded.params = { id: 'c1_o-7' }
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('directory', 'member', () => ({ ok: true, data: memberView() }))
    gateway.on('directory', 'saveNote', (input) => ({
      ok: true,
      data: { id: 'n1', text: input.text, byNickname: '周宁', createdAt: '2026-11-04T02:00:00.000Z' },
    }))
    render(<MemberProfilePage />)
    expect(await screen.findByText('上班族、跑步')).toBeTruthy()
    expect(screen.getByText('读完第三章')).toBeTruthy()
    fireEvent.click(screen.getByText('积分与订单'))
    expect(await screen.findByText('+20')).toBeTruthy()
    fireEvent.click(screen.getByText('违规'))
    expect(await screen.findByText('没有违规记录')).toBeTruthy()
    fireEvent.click(screen.getByText('备注'))
    const box = await waitFor(() => {
      const el = document.querySelector('textarea')
      if (!el) throw new Error('no textarea yet')
      return el
    })
    fireEvent.input(box, { target: { value: '线下活动很积极' } })
    fireEvent.click(screen.getByText('保存备注'))
    expect(await screen.findByText('线下活动很积极')).toBeTruthy()
    expect(screen.getByText(/^周宁 · /)).toBeTruthy()
  })
})
