import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import HomePage from '@/pages/home'
import MallPage from '@/pages/mall'
import ManagePage from '@/pages/manage'
import MinePage from '@/pages/mine'
import RankPage from '@/pages/rank'
import CommunityInfoPage from '@/packages/admin/community'
import type { MallShelf } from '@core/contracts/mall'
import type { BoardResult } from '@core/contracts/rank'
import { adminMe, memberMe, nobody, profile, community, type Gateway } from './gateway'
import { freshApp, tapOpens } from './helpers'
import { recorded, showPage } from './taro-stub'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp()
})

afterEach(() => gateway.restore())

describe('the tab bar', () => {
  test('a member sees 首页 排行 商城 我的, and no 管理', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    render(<HomePage />)
    await screen.findByText('晨读会')

    for (const text of ['首页', '排行', '商城', '我的']) expect(screen.getByText(text)).toBeTruthy()
    expect(screen.queryByText('管理')).toBeNull()
  })

  test('an admin also sees 管理, and it switches tab', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    render(<HomePage />)
    await screen.findByText('晨读会')

    fireEvent.click(screen.getByText('管理'))
    expect(recorded.navigations).toEqual([{ method: 'switchTab', url: '/pages/manage/index' }])
  })

  test('owners and organisers see 管理 too; volunteers do not', async () => {
    for (const [role, roleName, shown] of [
      ['owner', '主理人', true],
      ['organiser', '活动官', true],
      ['volunteer', '志愿者', false],
    ] as const) {
      gateway.restore()
      gateway = freshApp()
      gateway.on('member', 'me', () => ({
        ok: true,
        data: { community, member: profile({ role, roleName }) },
      }))
      const view = render(<RankPage />)
      // The rank tab also asks for its board once `me` is in: only the first call matters here.
      await waitFor(() => expect(gateway.calls[0]?.action).toBe('me'))
      await screen.findByText('首页')
      await waitFor(() => expect(!!screen.queryByText('管理')).toBe(shown))
      view.unmount()
    }
  })

  test('the current tab does not navigate to itself', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    render(<RankPage />)
    fireEvent.click(await screen.findByText('排行'))
    fireEvent.click(screen.getByText('商城'))
    expect(recorded.navigations).toEqual([{ method: 'switchTab', url: '/pages/mall/index' }])
  })
})

describe('管理', () => {
  test('the hub shows the community, my role and the invite code to copy', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    render(<ManagePage />)

    expect(await screen.findByText('晨读会')).toBeTruthy()
    expect(screen.getByText('128 位成员')).toBeTruthy()
    expect(screen.getByText('管理员')).toBeTruthy()
    expect(screen.getByText('RD8K2M')).toBeTruthy()

    fireEvent.click(screen.getByText('复制'))
    await waitFor(() => expect(recorded.toasts).toContainEqual({ title: '邀请码已复制', icon: 'success' }))
    expect(recorded.clipboard).toBe('RD8K2M')

    // An admin sees the tools an admin may use, and not the owner's settings.
    expect(screen.queryByText('社群设置')).toBeNull()
    fireEvent.click(screen.getByText('成员管理'))
    expect(recorded.navigations).toContainEqual({
      method: 'navigateTo',
      url: '/packages/admin/members/index',
    })
  })

  test('a member who lands on it is told it is for staff', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    render(<ManagePage />)
    expect(await screen.findByText('只有主理人、管理员和活动官可以使用管理功能。')).toBeTruthy()
    expect(screen.queryByText('邀请码')).toBeNull()
  })

  test('社群设置 shows the owner the profile, the invite code and the reward ceilings', async () => {
    const ownerMe = { ...adminMe, member: profile({ nickname: '阿青', role: 'owner', roleName: '主理人' }) }
    gateway.on('member', 'me', () => ({ ok: true, data: ownerMe }))
    gateway.on('setup', 'profile', () => ({
      ok: true,
      data: {
        id: 'c1',
        name: '晨读会',
        slogan: '每天读一点，一起变更好',
        logoFileId: null,
        inviteCode: 'RD8K2M',
        joinPolicy: 'open',
        memberCount: 128,
      },
    }))
    gateway.on('community', 'rewardCeilings', () => ({
      ok: true,
      data: { ceilings: { challenge: 100, survey: 300, activity: 100 }, canEdit: true, updatedAt: null },
    }))
    render(<CommunityInfoPage />)

    expect(await screen.findByText('RD8K2M')).toBeTruthy()
    expect(await screen.findByDisplayValue('每天读一点，一起变更好')).toBeTruthy()
    expect(screen.getByText('现有成员 128 人。名称和口号保存后所有成员立即可见。')).toBeTruthy()
    expect(await screen.findByText('问卷奖励')).toBeTruthy()
  })

  test("社群设置 tells an admin it is the owner's", async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    render(<CommunityInfoPage />)
    expect(await screen.findByText('只有主理人可以修改社群设置。')).toBeTruthy()
  })
})

describe('我的', () => {
  test('shows nickname, role, level and points', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    render(<MinePage />)

    expect(await screen.findByText('阿青')).toBeTruthy()
    expect(screen.getByText('进阶')).toBeTruthy()
    expect(screen.getByText('管理员')).toBeTruthy()
    expect(screen.getByText('35')).toBeTruthy()
    expect(screen.getByText('120')).toBeTruthy()
    expect(screen.getByText('2025年3月1日')).toBeTruthy()
  })

  test('links the 入群问卷 profile page', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    render(<MinePage />)
    await screen.findByText('小林')
    tapOpens('入群问卷', '/packages/onboarding/profile/index')
  })

  test('offers to switch identity on H5', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    render(<MinePage />)
    fireEvent.click(await screen.findByText('切换身份'))
    expect(recorded.navigations).toEqual([{ method: 'reLaunch', url: '/pages/dev-login/index' }])
  })

  test('someone in no community is sent to join', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: nobody }))
    render(<MinePage />)
    fireEvent.click(await screen.findByText('去加入'))
    expect(recorded.navigations).toEqual([{ method: 'switchTab', url: '/pages/home/index' }])
  })
})

test('商城 shows the balance, and says so while nothing is on the shelf', async () => {
  gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
  gateway.on('mall', 'items', () => ({
    ok: true,
    data: { items: [], nextCursor: null, balance: 35, levelName: '新手' },
  }))
  render(<MallPage />)
  expect(await screen.findByText('商城还没有上架商品')).toBeTruthy()
  expect(await screen.findByText('我的积分')).toBeTruthy()
})

describe('tab pages shown again', () => {
  /** An answer the test releases when it wants, to look at the page while the refresh runs. */
  function held<T>(value: T) {
    let release: () => void = () => undefined
    const answer = new Promise<{ ok: true; data: T }>((resolve) => {
      release = () => resolve({ ok: true, data: value })
    })
    return { answer, release }
  }

  const weekBoard = (rank: number, value: number): BoardResult => ({
    kind: 'week',
    name: '本周',
    label: '本周获得的积分',
    unit: '分',
    rows: [{ rank: 1, nickname: '阿青', level: 'core', title: null, value: 300, isMe: false }],
    me: { rank, value, ranked: true },
    staffHidden: false,
  })

  test('排行 reloads the board on show and keeps the old place on screen meanwhile', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    let next: ReturnType<typeof held<BoardResult>> | null = null
    gateway.on('rank', 'board', () => (next ? next.answer : { ok: true, data: weekBoard(102, 5) }))
    const { container } = render(<RankPage />)
    await waitFor(() => expect(container.querySelector('.rank-me')?.textContent).toContain('第 102 名5 分'))

    next = held(weekBoard(40, 20))
    showPage()
    await waitFor(() => expect(gateway.calls.filter((c) => c.action === 'board')).toHaveLength(2))
    // While the new answer is on its way the old one stays: no spinner in its place.
    expect(container.querySelector('.rank-me')?.textContent).toContain('第 102 名5 分')
    expect(screen.queryByText('加载中…')).toBeNull()
    act(() => next!.release())
    await waitFor(() => expect(container.querySelector('.rank-me')?.textContent).toContain('第 40 名20 分'))
  })

  test('商城 reloads the balance on show without blanking the shelf', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    const shelf = (balance: number): MallShelf => ({
      items: [
        {
          id: 'i1',
          kind: 'physical',
          kindName: '实物礼品',
          name: '书签套装',
          description: '',
          images: [],
          imageUrls: [],
          price: 30,
          stock: 3,
          limit: null,
          limitText: '',
          minLevel: 'newcomer',
          minLevelName: '新手',
          onShelf: true,
          cardCount: null,
          titleText: null,
          createdAt: '2026-11-20T02:00:00.000Z',
        },
      ],
      nextCursor: null,
      balance,
      levelName: '新手',
    })
    let next: ReturnType<typeof held<MallShelf>> | null = null
    gateway.on('mall', 'items', () => (next ? next.answer : { ok: true, data: shelf(35) }))
    render(<MallPage />)
    expect(await screen.findByText('35')).toBeTruthy()

    next = held(shelf(50))
    showPage()
    await waitFor(() => expect(gateway.calls.filter((c) => c.action === 'items')).toHaveLength(2))
    expect(screen.getByText('书签套装')).toBeTruthy()
    expect(screen.getByText('35')).toBeTruthy()
    act(() => next!.release())
    expect(await screen.findByText('50')).toBeTruthy()
  })

  test('我的 reloads the balance on show', async () => {
    let balance = 35
    gateway.on('member', 'me', () => ({
      ok: true,
      data: { community, member: profile({ balance }) },
    }))
    render(<MinePage />)
    expect(await screen.findByText('35')).toBeTruthy()
    balance = 50
    showPage()
    expect(await screen.findByText('50')).toBeTruthy()
    expect(gateway.calls.filter((c) => c.action === 'me')).toHaveLength(2)
  })
})
