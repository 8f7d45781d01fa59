import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import DevLoginPage from '@/pages/dev-login'
import { meStore } from '@/hooks/meStore'
import { currentPersona } from '@/services/session'
import { community, memberMe, profile, type Gateway } from './gateway'
import { freshApp } from './helpers'
import { recorded, resetTaro } from './taro-stub'

let gateway: Gateway

const personas = {
  personas: [
    { openid: 'p-member', nickname: '小林', role: 'member', roleName: '成员', communityName: '晨读会' },
    { openid: 'p-admin', nickname: '阿青', role: 'admin', roleName: '管理员', communityName: '晨读会' },
  ],
  groups: [{ openGId: 'g-1', name: '晨读会 1 群', communityName: '晨读会' }],
}

beforeEach(() => {
  gateway = freshApp()
  resetTaro() // no persona yet: this is where one is chosen
  gateway.local('GET /_local/personas', () => ({ body: personas }))
})

afterEach(() => gateway.restore())

test('lists the personas and acts as the one picked', async () => {
  gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
  render(<DevLoginPage />)

  fireEvent.click(await screen.findByText('阿青 · 管理员'))
  expect(currentPersona()).toBe('p-admin')
  expect(recorded.navigations).toEqual([{ method: 'switchTab', url: '/pages/home/index' }])
  await waitFor(() =>
    expect(gateway.calls).toEqual([{ fn: 'member', action: 'me', input: {}, openid: 'p-admin' }]),
  )
})

test('a new visitor gets a fresh openid', async () => {
  gateway.on('member', 'me', () => ({ ok: true, data: { community: null, member: null } }))
  render(<DevLoginPage />)
  fireEvent.click(await screen.findByText('新访客'))
  expect(currentPersona()).toMatch(/^visitor-/)
})

test('entering from a group card joins as a new visitor with the share as a CloudID', async () => {
  gateway.local('POST /_local/group-share', (body) => ({
    body: { cloudID: `cid-for-${(body as { openGId: string }).openGId}` },
  }))
  gateway.on('member', 'joinByGroup', () => ({
    ok: true,
    data: { community, member: profile(), alreadyMember: false },
  }))
  render(<DevLoginPage />)

  fireEvent.click(await screen.findByText('晨读会 1 群'))
  await waitFor(() => expect(gateway.calls.length).toBe(1))
  expect(gateway.calls[0]).toMatchObject({
    action: 'joinByGroup',
    input: { groupShare: { $cloudID: 'cid-for-g-1' } },
  })
  expect(gateway.calls[0].openid).toMatch(/^visitor-/)
  await waitFor(() => expect(meStore.get().data?.community?.name).toBe('晨读会'))
})

test('says how to start the local cloud when it is not running', async () => {
  gateway.local('GET /_local/personas', () => ({ status: 404, body: {} }))
  render(<DevLoginPage />)
  expect(await screen.findByText('连不上本地云，请先运行 npm run local')).toBeTruthy()
})
