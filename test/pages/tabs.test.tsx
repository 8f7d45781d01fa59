import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import HomePage from '@/pages/home'
import MallPage from '@/pages/mall'
import ManagePage from '@/pages/manage'
import MinePage from '@/pages/mine'
import RankPage from '@/pages/rank'
import CommunityInfoPage from '@/packages/admin/community'
import { adminMe, memberMe, nobody, profile, community, type Gateway } from './gateway'
import { freshApp } from './helpers'
import { recorded } from './taro-stub'

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

    fireEvent.click(screen.getByText('社群信息'))
    expect(recorded.navigations).toContainEqual({
      method: 'navigateTo',
      url: '/packages/admin/community/index',
    })
  })

  test('a member who lands on it is told it is for staff', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    render(<ManagePage />)
    expect(await screen.findByText('只有主理人、管理员和活动官可以使用管理功能。')).toBeTruthy()
    expect(screen.queryByText('邀请码')).toBeNull()
  })

  test('社群信息 shows the invite code and says honestly what is coming', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    render(<CommunityInfoPage />)

    expect(await screen.findByText('RD8K2M')).toBeTruthy()
    expect(screen.getByText('每天读一点，一起变更好')).toBeTruthy()
    expect(screen.getByText('128 人')).toBeTruthy()
    expect(screen.getByText('成员管理即将开放：搜索成员、调整角色、查看积分明细。')).toBeTruthy()
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
