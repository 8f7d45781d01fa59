import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { GroupList } from '@core/contracts/groups'
import GroupsPage from '@/packages/admin/groups'
import JoinPanel from '@/pages/home/JoinPanel'
import { adminMe, community, nobody, profile, type Gateway } from './gateway'
import { freshApp, typeInto } from './helpers'
import { recorded } from './taro-stub'

let gateway: Gateway
let listed: GroupList

beforeEach(() => {
  gateway = freshApp('openid-admin')
  gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
  listed = {
    groups: [
      {
        id: 'g1',
        name: '晨读1群',
        memberCount: 463,
        capacity: 500,
        nearFull: true,
        boundAt: '2026-11-01T02:00:00.000Z',
      },
      {
        id: 'g2',
        name: '晨读2群',
        memberCount: 37,
        capacity: 500,
        nearFull: false,
        boundAt: '2026-11-02T02:00:00.000Z',
      },
    ],
    withoutGroup: 12,
  }
  gateway.on('groups', 'list', () => ({ ok: true, data: listed }))
})

afterEach(() => gateway.restore())

test('lists the groups with their counts and the near-full one, and unbinds after a confirmation', async () => {
  gateway.on('groups', 'unbind', (input) => {
    listed = { ...listed, groups: listed.groups.filter((g) => g.id !== input.groupId) }
    return { ok: true, data: { unbound: true } }
  })
  render(<GroupsPage />)
  expect(await screen.findByText('晨读1群')).toBeTruthy()
  expect(screen.getByText('463 / 500 人 · 快满了，建议开新群')).toBeTruthy()
  expect(screen.getByText('37 / 500 人')).toBeTruthy()
  expect(screen.getByText('另有 12 人通过邀请码加入，不在任何群。')).toBeTruthy()
  // Not opened from a group: it says how to bind one.
  expect(screen.getByText(/从群里点开卡片进入这一页/)).toBeTruthy()
  expect(screen.queryByText('绑定本群')).toBeNull()

  fireEvent.click(screen.getAllByText('解绑')[0])
  await waitFor(() => expect(gateway.calls.map((c) => c.action)).toContain('unbind'))
  await waitFor(() => expect(screen.queryByText('晨读1群')).toBeNull())
  expect(recorded.modals[0].title).toBe('解绑「晨读1群」？')
  expect(gateway.calls.find((c) => c.action === 'unbind')?.input).toEqual({ groupId: 'g1' })
})

test('opened from a group card, 绑定本群 binds it by its CloudID and shows it', async () => {
  recorded.params = { group: 'G-NEW' }
  gateway.local('POST /_local/group-share', () => ({ body: { cloudID: '23_card' } }))
  gateway.on('groups', 'bind', (input) => {
    const group = {
      id: 'g3',
      name: input.name,
      memberCount: 0,
      capacity: 500,
      nearFull: false,
      boundAt: null,
    }
    listed = { ...listed, groups: [...listed.groups, group] }
    return { ok: true, data: { group, created: true } }
  })
  render(<GroupsPage />)
  expect(await screen.findByText('绑定本群')).toBeTruthy()
  await typeInto('给这个群起个名字，最多 20 字', '晨读3群')
  fireEvent.click(screen.getByText('绑定本群'))
  expect(await screen.findByText('晨读3群')).toBeTruthy()
  expect(gateway.calls.find((c) => c.action === 'bind')?.input).toEqual({
    groupShare: { $cloudID: '23_card' },
    name: '晨读3群',
  })
  expect(recorded.toasts.at(-1)?.title).toBe('已绑定本群')
})

test('shows the community QR code and saves it', async () => {
  gateway.on('groups', 'qrcode', () => ({
    ok: true,
    data: { png: 'iVBORw0KGgo=', scene: 'RD8K2M', page: 'pages/home/index' },
  }))
  const { container } = render(<GroupsPage />)
  fireEvent.click(await screen.findByText('生成社群码'))
  expect(await screen.findByText('邀请码 RD8K2M')).toBeTruthy()
  expect(container.querySelector('taro-image-core')?.getAttribute('src')).toBe(
    'data:image/png;base64,iVBORw0KGgo=',
  )
  const clicked: string[] = []
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push(this.download)
  })
  fireEvent.click(screen.getByText('保存图片'))
  await waitFor(() => expect(clicked).toEqual([`${community.name}-社群码.png`]))
  click.mockRestore()
})

test('an organiser is told who manages groups', async () => {
  gateway.on('member', 'me', () => ({
    ok: true,
    data: { community, member: profile({ role: 'organiser', roleName: '活动官' }) },
  }))
  render(<GroupsPage />)
  expect(await screen.findByText('只有主理人和管理员可以管理微信群与活码。')).toBeTruthy()
  expect(gateway.calls.some((c) => c.fn === 'groups')).toBe(false)
})

test('scanning the QR code opens the join panel with the invite code filled in', async () => {
  gateway.on('member', 'me', () => ({ ok: true, data: nobody }))
  recorded.params = { scene: 'RD8K2M' }
  render(<JoinPanel />)
  await waitFor(() => expect(screen.getAllByDisplayValue('RD8K2M').length).toBeGreaterThan(0))
})
