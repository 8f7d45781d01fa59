import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import HomePage from '@/pages/home'
import { meStore } from '@/hooks/meStore'
import { community, memberMe, nobody, profile, type Gateway } from './gateway'
import { freshApp, typeInto } from './helpers'
import { recorded, resetTaro } from './taro-stub'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-member')
})

afterEach(() => gateway.restore())

describe('home for a member', () => {
  test('shows the community and where the member stands, asking as the chosen persona', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    render(<HomePage />)

    expect(await screen.findByText('晨读会')).toBeTruthy()
    expect(screen.getByText('每天读一点，一起变更好')).toBeTruthy()
    expect(screen.getByText('128')).toBeTruthy()
    expect(screen.getByText('小林')).toBeTruthy()
    expect(screen.getByText('新手 · 成员')).toBeTruthy()
    expect(gateway.calls[0]).toEqual({ fn: 'member', action: 'me', input: {}, openid: 'openid-member' })
    // The level celebration, the new-member checklist, the check-in card and the feed ask too, as the same persona.
    await waitFor(() =>
      expect(gateway.calls.map((c) => c.action)).toEqual(['me', 'summary', 'onboarding', 'today', 'feed']),
    )
    expect(gateway.calls.every((c) => c.openid === 'openid-member')).toBe(true)
  })

  test('a failed load says why and retries', async () => {
    let fail = true
    gateway.on('member', 'me', () =>
      fail
        ? { ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' } }
        : { ok: true, data: memberMe },
    )
    render(<HomePage />)

    expect(await screen.findByText('服务开小差了，请稍后再试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('晨读会')).toBeTruthy()
  })

  test('an HTTP failure of the gateway shows as a service error', async () => {
    gateway.restore()
    globalThis.fetch = (async () => ({
      status: 502,
      ok: false,
      json: async () => ({}),
    })) as unknown as typeof fetch
    render(<HomePage />)
    expect(await screen.findByText('服务开小差了，请稍后再试')).toBeTruthy()
  })
})

describe('home for someone in no community', () => {
  beforeEach(() => gateway.on('member', 'me', () => ({ ok: true, data: nobody })))

  test('explains how to join and offers the invite-code form', async () => {
    render(<HomePage />)
    expect(await screen.findByText('从微信群里的小程序卡片进入即可自动加入')).toBeTruthy()
    expect(screen.getByText('用邀请码加入')).toBeTruthy()
    expect(screen.getAllByPlaceholderText('6 位邀请码').length).toBeGreaterThan(0)
  })

  test('checks the code before asking the server', async () => {
    render(<HomePage />)
    await screen.findByText('用邀请码加入')

    fireEvent.click(screen.getByText('加入社群'))
    expect(await screen.findByText('请输入邀请码')).toBeTruthy()

    await typeInto('6 位邀请码', 'ab1')
    fireEvent.click(screen.getByText('加入社群'))
    expect(await screen.findByText('邀请码是 6 位字母或数字，请核对后再试')).toBeTruthy()
    expect(gateway.calls.map((c) => c.action)).toEqual(['me'])
  })

  test("shows the server's answer to a wrong code next to the form", async () => {
    gateway.on('member', 'joinByInvite', () => ({
      ok: false,
      error: { code: 'INVITE_CODE_INVALID', message: '邀请码无效，请向群主确认' },
    }))
    render(<HomePage />)
    await screen.findByText('用邀请码加入')

    await typeInto('6 位邀请码', 'zzzz99')
    fireEvent.click(screen.getByText('加入社群'))
    expect(await screen.findByText('邀请码无效，请向群主确认')).toBeTruthy()
    expect(gateway.calls[1]).toMatchObject({ action: 'joinByInvite', input: { code: 'ZZZZ99' } })
  })

  test('shows field errors from the server under their field', async () => {
    gateway.on('member', 'joinByInvite', () => ({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '提交的内容不完整或格式不对',
        fields: { nickname: '昵称最多 20 个字' },
      },
    }))
    render(<HomePage />)
    await screen.findByText('用邀请码加入')

    await typeInto('6 位邀请码', 'RD8K2M')
    await typeInto('群里怎么称呼你（选填）', '一个很长的昵称')
    fireEvent.click(screen.getByText('加入社群'))
    expect(await screen.findByText('昵称最多 20 个字')).toBeTruthy()
    expect(gateway.calls[1].input).toEqual({ code: 'RD8K2M', nickname: '一个很长的昵称' })
  })

  test('joining with a good code brings up the community', async () => {
    gateway.on('member', 'joinByInvite', (input) => ({
      ok: true,
      data: { community, member: profile({ nickname: '新朋友' }), alreadyMember: false, echo: input },
    }))
    render(<HomePage />)
    await screen.findByText('用邀请码加入')

    await typeInto('6 位邀请码', 'rd8k2m')
    fireEvent.click(screen.getByText('加入社群'))

    expect(await screen.findByText('晨读会')).toBeTruthy()
    expect(screen.getByText('新朋友')).toBeTruthy()
    expect(screen.queryByText('用邀请码加入')).toBeNull()
    expect(recorded.toasts).toContainEqual({ title: '加入成功', icon: 'success' })
  })
})

describe('entering from a group card', () => {
  test('joins the group’s community, passing the share as a CloudID', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: nobody }))
    gateway.on('member', 'joinByGroup', () => ({
      ok: true,
      data: { community, member: profile(), alreadyMember: false },
    }))
    await act(() => meStore.enterFromGroup('cloud-id-1'))
    render(<HomePage />)

    expect(await screen.findByText('晨读会')).toBeTruthy()
    expect(gateway.calls[0]).toMatchObject({
      action: 'joinByGroup',
      input: { groupShare: { $cloudID: 'cloud-id-1' } },
    })
  })

  test('a group with no community says so, and the invite form stays available', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: nobody }))
    gateway.on('member', 'joinByGroup', () => ({
      ok: false,
      error: { code: 'GROUP_NOT_BOUND', message: '这个群还没有绑定社群，请联系群主' },
    }))
    render(<HomePage />)
    await act(() => meStore.enterFromGroup('cloud-id-2'))

    expect(await screen.findByText('这个群还没有绑定社群，请联系群主')).toBeTruthy()
    expect(screen.getByText('用邀请码加入')).toBeTruthy()
  })
})

test('on H5 with no persona chosen, the app goes to the dev login page', async () => {
  resetTaro()
  render(<HomePage />)
  await waitFor(() =>
    expect(recorded.navigations).toEqual([{ method: 'reLaunch', url: '/pages/dev-login/index' }]),
  )
  expect(gateway.calls).toEqual([])
})
