/** 邀请好友 (my personal invite link), the invite link opening the join form, and the worn title on 我的. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import HomePage from '@/pages/home'
import MinePage from '@/pages/mine'
import InviteFriendsPage from '@/packages/invite/friends'
import { community, memberMe, nobody, profile, type Gateway } from './gateway'
import { freshApp } from './helpers'
import { recorded } from './taro-stub'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp()
})

afterEach(() => gateway.restore())

const view = { communityName: '晨读会', code: 'RD8K2M', ref: 'k7m2p9qx', invitedCount: 6 }
const invitee = (n: number) => ({
  nickname: `读友${n}`,
  levelName: '新手',
  joinedAt: '2025-03-0' + n + 'T02:00:00.000Z',
})

describe('邀请好友', () => {
  test('shows the code and my link, copies it, and lists who joined page by page', async () => {
    gateway.on('member', 'invite', () => ({ ok: true, data: view }))
    gateway.on('member', 'invitees', (input) =>
      input.cursor
        ? { ok: true, data: { items: [invitee(6)], nextCursor: null } }
        : { ok: true, data: { items: [1, 2, 3, 4, 5].map(invitee), nextCursor: 'next' } },
    )
    render(<InviteFriendsPage />)

    expect(await screen.findByText('RD8K2M')).toBeTruthy()
    expect(screen.getByText('已邀请 6 人加入')).toBeTruthy()
    const link = 'http://localhost/#/pages/home/index?code=RD8K2M&ref=k7m2p9qx'
    expect(screen.getByText(link)).toBeTruthy()
    fireEvent.click(screen.getByText('复制邀请链接'))
    await waitFor(() => expect(recorded.clipboard).toBe(link))
    expect(recorded.toasts).toContainEqual({ title: '邀请链接已复制', icon: 'success' })

    expect(await screen.findByText('读友1')).toBeTruthy()
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('读友6')).toBeTruthy()
    expect(screen.queryByText('加载更多')).toBeNull()
    expect(gateway.calls.filter((c) => c.action === 'invitees').map((c) => c.input)).toEqual([
      {},
      { cursor: 'next' },
    ])
  })

  test('says so when nobody has joined yet, and explains a failed load', async () => {
    let fail = true
    gateway.on('member', 'invite', () =>
      fail
        ? { ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' } }
        : { ok: true, data: { ...view, invitedCount: 0 } },
    )
    gateway.on('member', 'invitees', () => ({ ok: true, data: { items: [], nextCursor: null } }))
    render(<InviteFriendsPage />)
    expect(await screen.findByText('服务开小差了，请稍后再试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('已邀请 0 人加入')).toBeTruthy()
    expect(await screen.findByText('还没有人通过你的邀请加入，分享给好友试试吧。')).toBeTruthy()
  })
})

describe('opening an invite link', () => {
  test('fills in the code and joins with the inviter’s ref', async () => {
    recorded.params = { code: 'rd8k2m', ref: 'k7m2p9qx' }
    gateway.on('member', 'me', () => ({ ok: true, data: nobody }))
    gateway.on('member', 'joinByInvite', () => ({
      ok: true,
      data: { community, member: profile({ nickname: '新朋友' }), alreadyMember: false },
    }))
    render(<HomePage />)
    expect(await screen.findByText('好友邀请你加入，邀请码已经填好了。')).toBeTruthy()
    fireEvent.click(screen.getByText('加入社群'))
    expect(await screen.findByText('新朋友')).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'joinByInvite')?.input).toEqual({
      code: 'RD8K2M',
      ref: 'k7m2p9qx',
    })
  })
})

describe('我的', () => {
  test('shows the worn title beside the nickname and the way to 邀请好友', async () => {
    gateway.on('member', 'me', () => ({
      ok: true,
      data: { ...memberMe, member: profile({ title: '早起之星' }) },
    }))
    render(<MinePage />)
    expect(await screen.findByText('早起之星')).toBeTruthy()
    fireEvent.click(screen.getByText('邀请好友'))
    expect(recorded.navigations).toContainEqual({
      method: 'navigateTo',
      url: '/packages/invite/friends/index',
    })
  })

  test('shows no title when none is worn', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    render(<MinePage />)
    expect(await screen.findByText('小林')).toBeTruthy()
    expect(screen.queryByText('早起之星')).toBeNull()
  })
})
