import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import TeamPage from '@/packages/admin/team'
import CreateCommunityPage from '@/packages/onboarding/create'
import type { TeamView } from '@core/contracts/setup'
import { adminMe, nobody, profile, type Gateway } from './gateway'
import { freshApp } from './helpers'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp()
})

afterEach(() => gateway.restore())

const team = (over: Partial<TeamView> = {}): TeamView => ({
  staff: [
    { memberId: 'c1_o1', nickname: '林晓', role: 'owner', roleName: '主理人', title: null, isMe: true },
    { memberId: 'c1_o2', nickname: '周宁', role: 'admin', roleName: '管理员', title: null, isMe: false },
    {
      memberId: 'c1_o3',
      nickname: '陈一帆',
      role: 'organiser',
      roleName: '活动官',
      title: '数据官',
      isMe: false,
    },
  ],
  advisory: {
    members: 230,
    admins: 1,
    recommended: 3,
    status: 'short',
    message: '230 位成员，按每 100 人 1 位管理员，建议 3 位；现有 1 位，还差 2 位，可以从活跃成员中任命。',
  },
  canAppointAdmins: true,
  canTransfer: true,
  ...over,
})

const ownerMe = { ...adminMe, member: profile({ nickname: '林晓', role: 'owner', roleName: '主理人' }) }

describe('团队与角色', () => {
  test('lists staff with titles and the advisory, and appoints a searched member as 活动官 with a title', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: ownerMe }))
    gateway.on('setup', 'team', () => ({ ok: true, data: team() }))
    gateway.on('points', 'members', () => ({
      ok: true,
      data: {
        items: [
          {
            memberId: 'c1_o9',
            nickname: '小雨',
            roleName: '成员',
            levelName: '新手',
            balance: 5,
            makeupCards: 0,
          },
        ],
        nextCursor: null,
      },
    }))
    gateway.on('setup', 'appoint', (input) => ({
      ok: true,
      data: {
        memberId: input.memberId,
        nickname: '小雨',
        role: 'organiser',
        roleName: '活动官',
        title: input.title ?? null,
        isMe: false,
      },
    }))
    render(<TeamPage />)

    expect(await screen.findByText('活动官 · 数据官')).toBeTruthy()
    expect(screen.getByText(/还差 2 位/)).toBeTruthy()
    fireEvent.click(screen.getByText('搜索'))
    fireEvent.click(await screen.findByText('小雨'))
    fireEvent.click(screen.getByText('内容官'))
    fireEvent.click(screen.getByText('确认任命'))
    await waitFor(() =>
      expect(gateway.calls.some((c) => c.fn === 'setup' && c.action === 'appoint')).toBe(true),
    )
    const call = gateway.calls.find((c) => c.action === 'appoint')
    expect(call?.input).toMatchObject({ memberId: 'c1_o9', role: 'organiser', title: '内容官' })
  })

  test('transfers ownership only after a confirmation that says what it means', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: ownerMe }))
    gateway.on('setup', 'team', () => ({ ok: true, data: team() }))
    render(<TeamPage />)
    fireEvent.click(await screen.findByText('转让主理人'))
    expect(screen.getByText(/你将成为管理员/)).toBeTruthy()
    expect(gateway.calls.some((c) => c.action === 'transferOwnership')).toBe(false)
  })

  test('an admin is offered no admin appointments and no transfer', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('setup', 'team', () => ({
      ok: true,
      data: team({ canAppointAdmins: false, canTransfer: false }),
    }))
    render(<TeamPage />)
    expect(await screen.findByText('周宁')).toBeTruthy()
    expect(screen.queryByText('转让主理人')).toBeNull()
  })
})

describe('创建社群', () => {
  test('creates with the name, slogan and join policy, and refusals show', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: nobody }))
    gateway.on('setup', 'create', () => ({
      ok: false,
      error: { code: 'OWNED_LIMIT', message: '每人最多拥有 3 个社群，可以把其中一个转让给管理员后再创建' },
    }))
    render(<CreateCommunityPage />)
    fireEvent.click(screen.getByText('入群答题'))
    fireEvent.click(screen.getAllByText('创建社群').slice(-1)[0])
    expect(await screen.findByText(/每人最多拥有 3 个社群/)).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'create')?.input).toMatchObject({ joinPolicy: 'quiz' })
  })
})
