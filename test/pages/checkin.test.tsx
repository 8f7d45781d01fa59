import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import HomePage from '@/pages/home'
import CalendarPage from '@/packages/checkin/calendar'
import ChallengesPage from '@/packages/checkin/challenges'
import ChallengeAdminPage from '@/packages/admin/checkin'
import { checkinStore } from '@/hooks/useCheckin'
import type {
  CalendarResult,
  ChallengeSummary,
  FeedItem,
  FeedResult,
  TodayResult,
} from '@core/contracts/checkin'
import { calendarMonth } from '@core/checkin'
import { adminMe, memberMe, profile, type Gateway } from './gateway'
import { freshApp } from './helpers'
import { recorded } from './taro-stub'

let gateway: Gateway

const streak = (current: number, total = current, longest = current) => ({
  current,
  longest,
  total,
  lastDay: current ? '2026-11-21' : null,
})

function todayResult(overrides: Partial<TodayResult> = {}): TodayResult {
  return {
    today: '2026-11-22',
    checkedIn: false,
    checkin: null,
    streak: streak(3, 10, 6),
    makeupCards: 1,
    missableDays: ['2026-11-18'],
    pointsPerCheckin: 5,
    reminder: null,
    ...overrides,
  }
}

const emptyFeed: FeedResult = { items: [], nextCursor: null, feature: null }

beforeEach(() => {
  gateway = freshApp('openid-member')
  checkinStore.reset()
})

afterEach(() => gateway.restore())

async function typeNote(value: string): Promise<void> {
  const box = await waitFor(() => {
    const found = document.querySelector('textarea')
    if (!found) throw new Error('no textarea yet')
    return found
  })
  fireEvent.input(box, { target: { value } })
}

describe('the check-in card on the home page', () => {
  test('checks in with a note, then shows the streak and the new balance', async () => {
    let balance = 35
    gateway.on('member', 'me', () => ({ ok: true, data: { ...memberMe, member: profile({ balance }) } }))
    gateway.on('checkin', 'today', () => ({ ok: true, data: todayResult() }))
    gateway.on('checkin', 'feed', () => ({ ok: true, data: emptyFeed }))
    gateway.on('checkin', 'checkIn', (input) => {
      balance += 5
      return {
        ok: true,
        data: {
          alreadyCheckedIn: false,
          checkin: {
            id: 'c:o:2026-11-22',
            day: '2026-11-22',
            note: String(input.note),
            noteStatus: 'visible',
            photos: [],
            madeUp: false,
            likes: 0,
            points: 5,
            createdAt: '2026-11-22T04:00:00.000Z',
          },
          streak: streak(4, 11, 6),
          points: 5,
          balance,
          totalEarned: 125,
          levelChange: null,
          completedChallenges: [],
        },
      }
    })
    render(<HomePage />)

    expect(await screen.findByText('打卡 +5 积分')).toBeTruthy()
    expect(screen.getByText('最近漏打 1 天 · 补签卡 1 张 ›')).toBeTruthy()
    expect(screen.getByText('35')).toBeTruthy()
    expect(screen.getByText('还没有人写打卡日记')).toBeTruthy()
    expect(screen.getByText('本地体验版不能上传照片，在小程序里打卡可以配最多 3 张图。')).toBeTruthy()
    await typeNote('  读了二十页  ')
    fireEvent.click(screen.getByText('打卡 +5 积分'))

    expect(await screen.findByText('今天已打卡 · +5 积分')).toBeTruthy()
    expect(screen.getByText('读了二十页')).toBeTruthy()
    expect(screen.getByText('社群成员可以看到这篇日记')).toBeTruthy()
    expect(screen.getByText('4')).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'checkIn')?.input).toEqual({ note: '读了二十页' })
    expect(recorded.toasts).toContainEqual({ title: '打卡成功 +5 积分', icon: 'success' })
    // The balance on the home page comes from `me`, asked again after the check-in.
    expect(await screen.findByText('40')).toBeTruthy()
    expect(gateway.calls.filter((c) => c.action === 'me')).toHaveLength(2)
    // The feed is asked again: the member's own note may now lead it.
    await waitFor(() => expect(gateway.calls.filter((c) => c.action === 'feed')).toHaveLength(2))
  })

  test('a held note tells its author it waits for review', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    gateway.on('checkin', 'feed', () => ({ ok: true, data: emptyFeed }))
    gateway.on('checkin', 'today', () => ({
      ok: true,
      data: todayResult({
        checkedIn: true,
        checkin: {
          id: 'x',
          day: '2026-11-22',
          note: '我在做微商',
          noteStatus: 'held',
          photos: [],
          madeUp: false,
          likes: 0,
          points: 5,
          createdAt: '2026-11-22T04:00:00.000Z',
        },
      }),
    }))
    render(<HomePage />)
    expect(await screen.findByText('日记正在审核，通过后大家才能看到')).toBeTruthy()
    expect(screen.queryByText('打卡 +5 积分')).toBeNull()
  })

  test("shows the server's refusal of a note next to the form", async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    gateway.on('checkin', 'feed', () => ({ ok: true, data: emptyFeed }))
    gateway.on('checkin', 'today', () => ({ ok: true, data: todayResult() }))
    gateway.on('checkin', 'checkIn', () => ({
      ok: false,
      error: { code: 'CONTENT_RISKY', message: '内容包含不适宜的信息，请修改后再提交' },
    }))
    render(<HomePage />)
    await screen.findByText('打卡 +5 积分')
    await typeNote('不好的话')
    fireEvent.click(screen.getByText('打卡 +5 积分'))
    expect(await screen.findByText('内容包含不适宜的信息，请修改后再提交')).toBeTruthy()
    expect(screen.getByText('打卡 +5 积分')).toBeTruthy()
  })

  test('a failed load says why and retries', async () => {
    let fail = true
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    gateway.on('checkin', 'feed', () => ({ ok: true, data: emptyFeed }))
    gateway.on('checkin', 'today', () =>
      fail
        ? { ok: false, error: { code: 'INTERNAL', message: '服务开小差了，请稍后再试' } }
        : { ok: true, data: todayResult() },
    )
    render(<HomePage />)
    const card = await waitFor(() => {
      const found = document.querySelector('.checkin-card') as HTMLElement | null
      if (!found || !within(found).queryByText('服务开小差了，请稍后再试')) throw new Error('no error yet')
      return found
    })
    fail = false
    fireEvent.click(within(card).getByText('重试'))
    expect(await screen.findByText('打卡 +5 积分')).toBeTruthy()
  })
})

describe('the feed', () => {
  test('shows notes and toggles a like at once', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    gateway.on('checkin', 'today', () => ({ ok: true, data: todayResult() }))
    gateway.on('checkin', 'feed', () => ({
      ok: true,
      data: {
        items: [
          {
            id: 'Xq3vN8aLr0TzK2pW:2026-11-22',
            nickname: '阿青',
            day: '2026-11-22',
            note: '今天跑了五公里',
            photos: [],
            likes: 2,
            likedByMe: false,
            mine: false,
            featured: false,
            createdAt: '2026-11-22T01:00:00.000Z',
          },
        ],
        nextCursor: null,
        feature: null,
      },
    }))
    gateway.on('checkin', 'like', (input) => ({
      ok: true,
      data: { checkinId: input.checkinId, liked: true, likes: 3 },
    }))
    render(<HomePage />)
    expect(await screen.findByText('今天跑了五公里')).toBeTruthy()
    // The day and the time of day it was written, in Shanghai time (01:00 UTC is 09:00).
    expect(screen.getByText('11月22日 09:00')).toBeTruthy()
    fireEvent.click(screen.getByText('赞 2'))
    expect(await screen.findByText('赞 3')).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'like')?.input).toEqual({
      checkinId: 'Xq3vN8aLr0TzK2pW:2026-11-22',
    })
  })

  test('my own note offers no like button, only the likes it got', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    gateway.on('checkin', 'today', () => ({ ok: true, data: todayResult() }))
    const mine = (id: string, note: string, likes: number) => ({
      id,
      nickname: '小林',
      day: '2026-11-22',
      note,
      photos: [],
      likes,
      likedByMe: false,
      mine: true,
      featured: false,
      createdAt: '2026-11-22T01:00:00.000Z',
    })
    gateway.on('checkin', 'feed', () => ({
      ok: true,
      data: {
        items: [mine('c:o-m:2026-11-22', '今天读了二十页', 3), mine('c:o-m:2026-11-21', '早起背单词', 0)],
        nextCursor: null,
        feature: null,
      },
    }))
    const { container } = render(<HomePage />)
    expect(await screen.findByText('今天读了二十页')).toBeTruthy()
    expect(container.querySelectorAll('.checkin-feed__like')).toHaveLength(0)
    expect(screen.queryByText('赞')).toBeNull()
    expect(screen.getByText('获赞 3')).toBeTruthy()
  })
})

describe('featuring a note (精选)', () => {
  const note = (over: Partial<FeedItem> = {}): FeedItem => ({
    id: 'Xq3vN8aLr0TzK2pW:2026-11-21',
    nickname: '阿青',
    day: '2026-11-21',
    note: '读完《额尔古纳河右岸》，写了一页读后感',
    photos: [],
    likes: 4,
    likedByMe: false,
    mine: false,
    featured: false,
    createdAt: '2026-11-21T01:00:00.000Z',
    ...over,
  })

  test('an admin picks the points, confirms, and the note shows its badge', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('checkin', 'today', () => ({ ok: true, data: todayResult() }))
    gateway.on('checkin', 'feed', () => ({
      ok: true,
      data: {
        items: [
          note(),
          note({ id: 'Hd7RmY1cQe5UoB9s:2026-11-21', nickname: '周宁', note: '今天整理书架', mine: true }),
        ],
        nextCursor: null,
        feature: { points: 50, min: 50, max: 100 },
      },
    }))
    gateway.on('checkin', 'feature', (input) => ({
      ok: true,
      data: { checkinId: input.checkinId, alreadyFeatured: false, points: input.points ?? 50 },
    }))
    render(<HomePage />)
    expect(await screen.findByText('读完《额尔古纳河右岸》，写了一页读后感')).toBeTruthy()
    // Only on others' notes.
    expect(screen.getAllByText('设为精选')).toHaveLength(1)
    fireEvent.click(screen.getByText('设为精选'))
    expect(screen.getByText('把 阿青 的这篇日记设为精选，奖励 50 积分？设为精选后不能撤销。')).toBeTruthy()
    expect(gateway.calls.some((c) => c.action === 'feature')).toBe(false)
    fireEvent.click(screen.getByText('80 分'))
    expect(screen.getByText('把 阿青 的这篇日记设为精选，奖励 80 积分？设为精选后不能撤销。')).toBeTruthy()
    fireEvent.click(screen.getByText('确认精选'))
    expect(await screen.findByText('精选')).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'feature')?.input).toEqual({
      checkinId: 'Xq3vN8aLr0TzK2pW:2026-11-21',
      points: 80,
    })
    expect(screen.queryByText('设为精选')).toBeNull()
    expect(recorded.toasts.at(-1)?.title).toBe('已设为精选')
  })

  test('cancelling changes nothing; a refusal is shown in the confirmation', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('checkin', 'today', () => ({ ok: true, data: todayResult() }))
    gateway.on('checkin', 'feed', () => ({
      ok: true,
      data: { items: [note()], nextCursor: null, feature: { points: 60, min: 50, max: 100 } },
    }))
    gateway.on('checkin', 'feature', () => ({
      ok: false,
      error: { code: 'NOT_FOUND', message: '要找的内容不存在' },
    }))
    render(<HomePage />)
    fireEvent.click(await screen.findByText('设为精选'))
    // The community's rule (60) is offered along with SPEC's 50–100.
    expect(['50 分', '60 分', '80 分', '100 分'].every((t) => screen.getByText(t))).toBe(true)
    fireEvent.click(screen.getByText('取消'))
    expect(screen.queryByText('确认精选')).toBeNull()
    fireEvent.click(screen.getByText('设为精选'))
    fireEvent.click(screen.getByText('确认精选'))
    expect(await screen.findByText('要找的内容不存在')).toBeTruthy()
    expect(screen.queryByText('精选')).toBeNull()
  })

  test('members see the badge but no button', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    gateway.on('checkin', 'today', () => ({ ok: true, data: todayResult() }))
    gateway.on('checkin', 'feed', () => ({
      ok: true,
      data: { items: [note({ featured: true })], nextCursor: null, feature: null },
    }))
    render(<HomePage />)
    expect(await screen.findByText('精选')).toBeTruthy()
    expect(screen.queryByText('设为精选')).toBeNull()
  })
})

describe('the calendar page', () => {
  function calendarResult(cards: number): CalendarResult {
    return {
      ...calendarMonth('2026-11', [{ day: '2026-11-20', madeUp: false }], '2026-11-22', '2026-01-01'),
      today: '2026-11-22',
      streak: streak(0, 9, 6),
      makeupCards: cards,
    }
  }

  test('uses a make-up card on a missed day after confirming', async () => {
    gateway.on('checkin', 'today', () => ({ ok: true, data: todayResult() }))
    let made = false
    gateway.on('checkin', 'calendar', () => ({
      ok: true,
      data: made
        ? {
            ...calendarMonth(
              '2026-11',
              [
                { day: '2026-11-20', madeUp: false },
                { day: '2026-11-21', madeUp: true },
              ],
              '2026-11-22',
              '2026-01-01',
            ),
            today: '2026-11-22',
            streak: streak(2, 10, 6),
            makeupCards: 0,
          }
        : calendarResult(1),
    }))
    gateway.on('checkin', 'useMakeupCard', (input) => {
      made = true
      return {
        ok: true,
        data: { day: input.day, streak: streak(2, 10, 6), makeupCards: 0, completedChallenges: [] },
      }
    })
    render(<CalendarPage />)
    expect(await screen.findByText('2026年11月')).toBeTruthy()
    expect(screen.getByText('本月打卡 1 天')).toBeTruthy()
    fireEvent.click(screen.getByText('21'))
    expect(await screen.findByText('用 1 张补签卡补上 11月21日 的打卡？')).toBeTruthy()
    fireEvent.click(screen.getByText('确认补签'))
    expect(await screen.findByText('本月打卡 2 天（含补签 1 天）')).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'useMakeupCard')?.input).toEqual({ day: '2026-11-21' })
    expect(recorded.toasts).toContainEqual({ title: '补签成功', icon: 'success' })
    expect(gateway.calls.filter((c) => c.action === 'calendar').map((c) => c.input)).toEqual([
      { month: '2026-11' },
      { month: '2026-11' },
    ])
  })

  test('without a card it says how to get one, and a day out of reach offers nothing', async () => {
    gateway.on('checkin', 'today', () => ({ ok: true, data: todayResult() }))
    gateway.on('checkin', 'calendar', () => ({ ok: true, data: calendarResult(0) }))
    render(<CalendarPage />)
    await screen.findByText('2026年11月')
    fireEvent.click(screen.getByText('3'))
    expect(screen.queryByText(/补签卡不足/)).toBeNull()
    fireEvent.click(screen.getByText('19'))
    expect(
      await screen.findByText('11月19日 漏打了。补签卡不足，可以在积分商城兑换或向管理员申请。'),
    ).toBeTruthy()
    expect(gateway.calls.some((c) => c.action === 'useMakeupCard')).toBe(false)
  })
})

describe('challenges', () => {
  const challenge: ChallengeSummary = {
    id: 'ch-1',
    title: '21 天阅读',
    days: 21,
    startDay: '2026-11-22',
    endDay: '2026-12-12',
    reward: 100,
    phase: 'running',
    status: 'none',
    progress: 0,
    reachable: true,
  }

  test('a member joins and sees the progress', async () => {
    gateway.on('checkin', 'challenges', () => ({ ok: true, data: { items: [challenge], nextCursor: null } }))
    gateway.on('checkin', 'joinChallenge', () => ({
      ok: true,
      data: {
        challenge: { ...challenge, status: 'active', progress: 1 },
        alreadyJoined: false,
        completedChallenges: [],
      },
    }))
    render(<ChallengesPage />)
    expect(await screen.findByText('21 天阅读')).toBeTruthy()
    expect(screen.getByText('完成可得 100 积分')).toBeTruthy()
    fireEvent.click(screen.getByText('加入挑战'))
    expect(await screen.findByText('1/21 天')).toBeTruthy()
    expect(screen.queryByText('加入挑战')).toBeNull()
  })

  test('an empty list explains what challenges are', async () => {
    gateway.on('checkin', 'challenges', () => ({ ok: true, data: { items: [], nextCursor: null } }))
    render(<ChallengesPage />)
    expect(await screen.findByText('还没有打卡挑战')).toBeTruthy()
  })

  test('staff create a challenge and see its participation', async () => {
    gateway.restore()
    gateway = freshApp('openid-admin')
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('checkin', 'challenges', () => ({ ok: true, data: { items: [], nextCursor: null } }))
    gateway.on('checkin', 'createChallenge', (input) => ({
      ok: true,
      data: { ...challenge, title: String(input.title), days: Number(input.days) },
    }))
    gateway.on('checkin', 'challengeStats', () => ({
      ok: true,
      data: {
        challenge,
        members: 128,
        joined: 40,
        joinedRate: 31.3,
        completed: 0,
        completedRate: 0,
        continued: 20,
        continuedRate: 50,
        healthy: false,
        asOf: '2026-11-22',
      },
    }))
    render(<ChallengeAdminPage />)
    await screen.findByText('发起打卡挑战')
    fireEvent.click(screen.getByText('发布挑战'))
    expect(await screen.findByText('请填写挑战名称')).toBeTruthy()
    expect(gateway.calls.some((c) => c.action === 'createChallenge')).toBe(false)

    const title = screen
      .getAllByPlaceholderText('挑战名称，如「21 天阅读打卡」')
      .find((el) => el.tagName === 'INPUT')!
    fireEvent.input(title, { target: { value: '早起打卡' } })
    // The start is picked, not typed: the platform's date picker answers a day key.
    expect(screen.queryByPlaceholderText('YYYY-MM-DD')).toBeNull()
    const picker = document.querySelector('taro-picker-core')!
    act(() => {
      picker.dispatchEvent(new CustomEvent('change', { detail: { value: '2099-03-01' } }))
    })
    expect(await screen.findByText('2099年3月1日')).toBeTruthy()
    fireEvent.click(screen.getByText('发布挑战'))
    expect(await screen.findByText('早起打卡')).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'createChallenge')?.input).toMatchObject({
      title: '早起打卡',
      days: 21,
      startDay: '2099-03-01',
    })
    // Published: the form is empty again, so a second tap cannot post it twice.
    expect((title as HTMLInputElement).value).toBe('')
    expect(screen.queryByText('2099年3月1日')).toBeNull()
    fireEvent.click(screen.getByText('查看参与情况'))
    expect(await screen.findByText('参与 40/128 人')).toBeTruthy()
    expect(screen.getByText('50%')).toBeTruthy()
    expect(screen.getByText(/持续参与率低于 60%/)).toBeTruthy()
  })
})
