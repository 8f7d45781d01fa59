/** What a member does about themselves: the 成员xxxx prompt, 编辑资料, the community switcher, 我的数据. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { DELETE_ME_CONFIRMATION } from '@core/erasure'
import MinePage from '@/pages/mine'
import ProfilePage from '@/packages/me/profile'
import MyDataPage from '@/packages/me/data'
import RankPage from '@/pages/rank'
import { subscribeRequests } from '@/services/subscribe'
import { requestTemplates } from '@/services/subscribe-templates'
import type { MyData } from '@/services/member'
import { community, memberMe, profile, type Gateway } from './gateway'
import { freshApp, typeInto } from './helpers'
import { recorded } from './taro-stub'

let gateway: Gateway

/** jsdom's Blob has no text(); FileReader reads it. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.readAsText(blob)
  })
}

beforeEach(() => {
  gateway = freshApp('openid-member')
})

afterEach(() => gateway.restore())

const joiner = { community, member: profile({ nickname: '成员k56v', defaultNickname: true }) }

describe('profile', () => {
  test('a card joiner still named 成员xxxx is invited on 我的 to set a real name', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: joiner }))
    render(<MinePage />)
    expect(
      await screen.findByText('你现在叫「成员k56v」，设置一个真实的昵称和头像，群友更容易认出你。'),
    ).toBeTruthy()
    fireEvent.click(screen.getByText('去设置'))
    expect(recorded.navigations.at(-1)).toEqual({ method: 'navigateTo', url: '/packages/me/profile/index' })
  })

  test('a member with a real name is not prompted', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    render(<MinePage />)
    expect(await screen.findByText('小林')).toBeTruthy()
    expect(screen.queryByText('去设置')).toBeNull()
  })

  test('编辑资料 saves the typed nickname and shows the server’s refusal in its words', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: joiner }))
    let refuse = true
    gateway.on('member', 'saveProfile', (input) =>
      refuse
        ? {
            ok: false,
            error: {
              code: 'INVALID_INPUT',
              message: '提交的内容不完整或格式不对',
              fields: { nickname: '昵称不能包含「管理员」等身份称呼，以免被误认为社群工作人员' },
            },
          }
        : {
            ok: true,
            data: { community, member: profile({ nickname: input.nickname, defaultNickname: false }) },
          },
    )
    render(<ProfilePage />)
    await typeInto('你在社群里的名字', '管理员小林')
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('昵称不能包含「管理员」等身份称呼，以免被误认为社群工作人员')).toBeTruthy()
    refuse = false
    await typeInto('你在社群里的名字', '林间读者')
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(recorded.toasts).toContainEqual({ title: '已保存', icon: 'success' }))
    expect(gateway.calls.filter((c) => c.action === 'saveProfile').map((c) => c.input)).toEqual([
      { nickname: '管理员小林' },
      { nickname: '林间读者' },
    ])
  })
})

describe('community switcher', () => {
  test('lists my communities on 我的 and switching relaunches the tabs in the other one', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe, community: community.id }))
    gateway.on('member', 'myCommunities', () => ({
      ok: true,
      data: {
        items: [
          {
            id: community.id,
            name: '晨读会',
            slogan: '',
            role: 'member',
            roleName: '成员',
            level: 'newcomer',
            levelName: '新手',
            nickname: '小林',
            current: true,
          },
          {
            id: 'c-run',
            name: '跑团',
            slogan: '',
            role: 'admin',
            roleName: '管理员',
            level: 'advanced',
            levelName: '进阶',
            nickname: '林跑跑',
            current: false,
          },
        ],
      },
    }))
    gateway.on('member', 'switchCommunity', () => ({
      ok: true,
      data: {
        community: { ...community, id: 'c-run', name: '跑团' },
        member: profile({ nickname: '林跑跑' }),
      },
      community: 'c-run',
    }))
    render(<MinePage />)
    expect(await screen.findByText('林跑跑 · 管理员 · 进阶')).toBeTruthy()
    fireEvent.click(screen.getByText('切换'))
    await waitFor(() =>
      expect(recorded.navigations.at(-1)).toEqual({ method: 'reLaunch', url: '/pages/mine/index' }),
    )
    expect(gateway.calls.find((c) => c.action === 'switchCommunity')?.input).toEqual({ communityId: 'c-run' })
  })
})

describe('我的数据', () => {
  const mine: MyData = {
    at: '2026-11-18T02:00:00.000Z',
    sections: [
      { key: 'profile', title: '个人资料', header: ['社群', '昵称'], rows: [['晨读会', '小林']] },
      {
        key: 'checkins',
        title: '打卡记录',
        header: ['社群', '日期', '日记'],
        rows: [['晨读会', '2026-11-18', '读了三章']],
      },
      { key: 'answers', title: '问卷回答', header: ['社群', '问卷'], rows: [], note: '匿名问卷不记录答题人' },
    ],
  }

  test('shows every section and exports one as a CSV with Chinese headers and a Chinese file name', async () => {
    gateway.on('member', 'myData', () => ({ ok: true, data: mine }))
    const saved: { name: string; text: string }[] = []
    const blobs: Blob[] = []
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob)
      return 'blob:csv'
    }
    URL.revokeObjectURL = () => undefined
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, text: '' })
    })
    render(<MyDataPage />)
    expect(await screen.findByText('读了三章')).toBeTruthy()
    expect(screen.getByText('匿名问卷不记录答题人')).toBeTruthy()
    fireEvent.click(screen.getByText('导出打卡记录'))
    await waitFor(() => expect(saved).toHaveLength(1))
    click.mockRestore()
    expect(saved[0].name).toBe('我的数据-打卡记录-2026-11-18.csv')
    // (readAsText decodes the byte-order mark core/csv puts first.)
    expect(await blobText(blobs[0])).toBe('社群,日期,日记\r\n晨读会,2026-11-18,读了三章\r\n')
  })

  test('注销 needs the typed confirmation, then erases and starts over outside any community', async () => {
    gateway.on('member', 'myData', () => ({ ok: true, data: mine }))
    gateway.on('member', 'me', () => ({ ok: true, data: { community: null, member: null } }))
    gateway.on('member', 'deleteMe', () => ({ ok: true, data: { communities: 1, ledgerRowsAnonymised: 3 } }))
    render(<MyDataPage />)
    fireEvent.click(await screen.findByText('注销我的数据'))
    fireEvent.click(screen.getByText('确认注销'))
    expect(gateway.calls.some((c) => c.action === 'deleteMe')).toBe(false)
    await typeInto(DELETE_ME_CONFIRMATION, DELETE_ME_CONFIRMATION)
    fireEvent.click(screen.getByText('确认注销'))
    await waitFor(() =>
      expect(recorded.navigations.at(-1)).toEqual({ method: 'reLaunch', url: '/pages/home/index' }),
    )
    expect(gateway.calls.find((c) => c.action === 'deleteMe')?.input).toEqual({
      confirm: DELETE_ME_CONFIRMATION,
    })
  })
})

describe('subscriptions asked at the right tap', () => {
  test('the month board’s 提醒 asks for the monthly Top 3 only; H5 records it as unsupported and says so', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    gateway.on('rank', 'board', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' },
    }))
    render(<RankPage />)
    fireEvent.click(await screen.findByText('本月'))
    const before = subscribeRequests().length
    fireEvent.click(await screen.findByText('月底揭晓 Top 3 时提醒我'))
    await waitFor(() => expect(subscribeRequests()).toHaveLength(before + 1))
    expect(subscribeRequests().at(-1)).toEqual({
      asked: ['monthlyTop'],
      answers: { monthlyTop: 'unsupported' },
    })
    await waitFor(() =>
      expect(recorded.toasts.at(-1)?.title).toBe('本地体验不支持订阅消息，真机上会弹出授权'),
    )
  })

  test('我的 › 消息提醒 asks for the wake-up message and violation notices in one request', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    render(<MinePage />)
    const before = subscribeRequests().length
    fireEvent.click(await screen.findByText('消息提醒'))
    await waitFor(() => expect(subscribeRequests()).toHaveLength(before + 1))
    expect(subscribeRequests().at(-1)?.asked).toEqual(['wakeUp', 'violationNotice'])
  })

  test('no tap may ask for more than three templates at once', () => {
    expect(() => requestTemplates(['wakeUp', 'monthlyTop', 'orderUpdate', 'violationNotice'])).toThrow(
      /at most 3/,
    )
    expect(requestTemplates(['wakeUp', 'wakeUp'])).toEqual(['wakeUp'])
  })
})
