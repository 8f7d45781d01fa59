/** 社群广场 (feed, composer, post detail with staff tools) and the staff content-mix view. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { DetailResult, FeedResult, PostView, StaffTools } from '@core/contracts/square'
import SquareFeedPage from '@/packages/square/feed'
import SquareComposePage from '@/packages/square/compose'
import SquarePostPage from '@/packages/square/post'
import SquareMixPage from '@/packages/admin/square'
import AdReviewPage from '@/packages/admin/square/ads'
import type { Gateway } from './gateway'
import { freshApp, loadMore, typeInto } from './helpers'
import { recorded } from './taro-stub'

jest.setTimeout(30_000)

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-member')
  gateway.on('square', 'themes', () => ({
    ok: true,
    data: {
      themes: [
        { id: 't-book', title: '我的年度书单', kind: 'topic', weekday: null, today: true },
        { id: 'weekly-desk', title: '晒书桌', kind: 'weekly', weekday: 1, today: false },
      ],
    },
  }))
})

afterEach(() => gateway.restore())

const post = (over: Partial<PostView> = {}): PostView => ({
  id: 'p1',
  nickname: '小雨',
  text: '今天读完了《活着》，福贵的一生让我想了很久。',
  photos: [],
  category: 'practical',
  categoryName: '干货',
  themeId: null,
  themeTitle: null,
  createdAt: '2026-11-20T04:00:00.000Z',
  likes: 2,
  replies: 1,
  likedByMe: false,
  mine: false,
  status: 'visible',
  pinned: false,
  featured: false,
  points: null,
  unpaidReason: null,
  moderation: null,
  folded: false,
  ad: false,
  ...over,
})

const staff: StaffTools = { feature: { points: 50, min: 50, max: 100 }, sanctions: true }

const feedOf = (items: PostView[], over: Partial<FeedResult> = {}): FeedResult => ({
  items,
  nextCursor: null,
  pinned: [],
  staff: null,
  ...over,
})

async function typeText(value: string): Promise<void> {
  const box = await waitFor(() => {
    const found = document.querySelector('textarea')
    if (!found) throw new Error('no textarea yet')
    return found
  })
  fireEvent.input(box, { target: { value } })
}

describe('广场 feed', () => {
  test('shows pinned announcements and posts; switches to hot, a theme and my posts; pages on', async () => {
    gateway.on('square', 'feed', (input) => {
      if (input.order === 'hot')
        return { ok: true, data: feedOf([post({ id: 'p-hot', text: '最热的一条帖子' })]) }
      if (input.themeId) return { ok: true, data: feedOf([]) }
      if (input.scope === 'mine') return { ok: true, data: feedOf([]) }
      if (input.cursor) return { ok: true, data: feedOf([post({ id: 'p-old', text: '第二页的帖子' })]) }
      return {
        ok: true,
        data: feedOf([post(), post({ id: 'p2', text: '周末一起去图书馆吗？', categoryName: '互动' })], {
          nextCursor: 'c2',
          pinned: [
            {
              id: 'p-pin',
              nickname: '阿青',
              excerpt: '本周读书会改到周六',
              createdAt: '2026-11-19T04:00:00.000Z',
            },
          ],
        }),
      }
    })
    render(<SquareFeedPage />)
    expect(await screen.findByText('本周读书会改到周六')).toBeTruthy()
    expect(screen.getByText('群公告 · 阿青')).toBeTruthy()
    expect(screen.getByText('周末一起去图书馆吗？')).toBeTruthy()
    await loadMore('第二页的帖子')
    fireEvent.click(screen.getByText('最热'))
    expect(await screen.findByText('最热的一条帖子')).toBeTruthy()
    expect(gateway.calls.filter((c) => c.action === 'feed').at(-1)?.input).toEqual({ order: 'hot' })
    fireEvent.click(screen.getByText('#我的年度书单（今天）'))
    expect(await screen.findByText('这个主题下还没有帖子')).toBeTruthy()
    expect(gateway.calls.filter((c) => c.action === 'feed').at(-1)?.input).toEqual({ themeId: 't-book' })
    fireEvent.click(screen.getByText('发帖'))
    expect(recorded.navigations.at(-1)).toEqual({
      method: 'navigateTo',
      url: '/packages/square/compose/index?themeId=t-book',
    })
    fireEvent.click(screen.getByText('我的帖子'))
    expect(await screen.findByText('你还没有发过帖子')).toBeTruthy()
  })

  test('likes a post in place, and says why when it cannot', async () => {
    gateway.on('square', 'feed', () => ({ ok: true, data: feedOf([post()]) }))
    gateway.on('square', 'like', () => ({ ok: true, data: { postId: 'p1', liked: true, likes: 3 } }))
    render(<SquareFeedPage />)
    fireEvent.click(await screen.findByText('点赞 2'))
    expect(await screen.findByText('已赞 3')).toBeTruthy()
    gateway.on('square', 'unlike', () => ({
      ok: false,
      error: { code: 'POST_NOT_OPEN', message: '这条帖子现在不能回复或点赞' },
    }))
    fireEvent.click(screen.getByText('已赞 3'))
    expect(await screen.findByText('这条帖子现在不能回复或点赞')).toBeTruthy()
  })

  test('an empty square invites the first post', async () => {
    gateway.on('square', 'feed', () => ({ ok: true, data: feedOf([]) }))
    render(<SquareFeedPage />)
    expect(await screen.findByText('广场还没有帖子，来发第一条吧')).toBeTruthy()
  })
})

describe('发帖', () => {
  test('says the H5 build has no photos, needs a category, and posts in a theme with the points shown', async () => {
    recorded.params = { themeId: 'weekly-desk' }
    gateway.on('square', 'post', (input) => ({
      ok: true,
      data: {
        post: post({ id: 'p-new', text: input.text, mine: true, points: 20 }),
        points: 20,
        held: false,
        duplicate: false,
      },
    }))
    render(<SquareComposePage />)
    expect(await screen.findByText('本地体验版不能上传照片，在小程序里发帖可以配最多 3 张图。')).toBeTruthy()
    await typeText('分享一个读书方法：每读完一章写三句话总结。')
    fireEvent.click(screen.getByText('发布'))
    expect(await screen.findByText('请选择内容分类')).toBeTruthy()
    expect(gateway.calls.filter((c) => c.action === 'post')).toEqual([])
    fireEvent.click(screen.getByText('干货'))
    expect(screen.getByText('干货：经验、方法、书单、资料')).toBeTruthy()
    fireEvent.click(screen.getByText('发布'))
    await waitFor(() => expect(recorded.toasts.at(-1)?.title).toBe('发布成功，有效发言 +20 积分'))
    const sent = gateway.calls.find((c) => c.action === 'post')!.input
    expect(sent).toMatchObject({
      text: '分享一个读书方法：每读完一章写三句话总结。',
      category: 'practical',
      themeId: 'weekly-desk',
    })
    expect(String(sent.requestId)).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(recorded.navigations.at(-1)).toEqual({
      method: 'redirectTo',
      url: '/packages/square/post/index?id=p-new',
    })
  })

  test('shows the server’s refusal (muted) and keeps the text', async () => {
    gateway.on('square', 'post', () => ({
      ok: false,
      error: { code: 'MUTED', message: '你已被禁言，12月6日 12:00 前不能发言' },
    }))
    render(<SquareComposePage />)
    await typeText('想问问大家最近在读什么书？')
    fireEvent.click(screen.getByText('互动'))
    fireEvent.click(screen.getByText('发布'))
    expect(await screen.findByText('你已被禁言，12月6日 12:00 前不能发言')).toBeTruthy()
    expect((document.querySelector('textarea') as HTMLTextAreaElement).value).toBe(
      '想问问大家最近在读什么书？',
    )
  })
})

const detailOf = (over: Partial<DetailResult> = {}): DetailResult => ({
  post: post(),
  replies: [
    {
      id: 'r1',
      nickname: '阿杰',
      text: '同感，我也哭了',
      mention: '小雨',
      createdAt: '2026-11-20T05:00:00.000Z',
      mine: false,
      status: 'visible',
    },
  ],
  nextCursor: null,
  staff: null,
  reportedByMe: false,
  ...over,
})

describe('帖子详情', () => {
  test('replies @ the author, and reports with a reason after a confirmation', async () => {
    recorded.params = { id: 'p1' }
    gateway.on('square', 'detail', () => ({ ok: true, data: detailOf() }))
    gateway.on('square', 'reply', (input) => ({
      ok: true,
      data: {
        reply: {
          id: 'r2',
          nickname: '我',
          text: input.text,
          mention: '小雨',
          createdAt: '2026-11-20T06:00:00.000Z',
          mine: true,
          status: 'visible',
        },
        held: false,
      },
    }))
    gateway.on('square', 'report', () => ({ ok: true, data: { reported: true, hidden: false } }))
    render(<SquarePostPage />)
    expect(await screen.findByText('同感，我也哭了')).toBeTruthy()
    expect(screen.getByText('@小雨')).toBeTruthy()
    await typeText('写得真好')
    fireEvent.click(screen.getByText('回复'))
    await waitFor(() => expect(recorded.toasts.at(-1)?.title).toBe('回复成功'))
    expect(gateway.calls.find((c) => c.action === 'reply')?.input).toMatchObject({
      postId: 'p1',
      text: '写得真好',
    })
    fireEvent.click(screen.getByText('举报这条帖子'))
    expect(await screen.findByText('请先写明原因（至少 2 个字）')).toBeTruthy()
    expect(gateway.calls.filter((c) => c.action === 'report')).toEqual([])
    await typeInto('写明原因，至少 2 个字', '疑似广告')
    fireEvent.click(screen.getByText('举报这条帖子'))
    await waitFor(() => expect(recorded.toasts.at(-1)?.title).toBe('已举报，感谢反馈'))
    expect(recorded.modals.at(-1)?.title).toBe('举报')
    expect(gateway.calls.find((c) => c.action === 'report')?.input).toEqual({
      postId: 'p1',
      reason: '疑似广告',
    })
  })

  test('staff pin, then hide with a reason and a violation, each confirmed; cancelling changes nothing', async () => {
    gateway = (gateway.restore(), freshApp('openid-admin'))
    recorded.params = { id: 'p1' }
    gateway.on('square', 'detail', () => ({ ok: true, data: detailOf({ staff }) }))
    gateway.on('square', 'moderate', (input) => ({
      ok: true,
      data: {
        postId: 'p1',
        replyId: null,
        status: input.op === 'hide' ? 'hidden' : 'visible',
        pinned: input.op === 'pin',
        notified: false,
        violationRecorded: !!input.recordViolation,
      },
    }))
    render(<SquarePostPage />)
    fireEvent.click(await screen.findByText('置顶为群公告'))
    await waitFor(() => expect(recorded.toasts.at(-1)?.title).toBe('已置顶为群公告'))
    expect(gateway.calls.find((c) => c.action === 'moderate')?.input).toEqual({ postId: 'p1', op: 'pin' })
    fireEvent.click(screen.getByText('隐藏'))
    expect(await screen.findByText('请先写明原因（至少 2 个字）')).toBeTruthy()
    await typeInto('写明原因，至少 2 个字', '含有站外链接')
    recorded.modalConfirms = false
    fireEvent.click(screen.getByText('隐藏'))
    await waitFor(() => expect(recorded.modals.length).toBe(2))
    expect(gateway.calls.filter((c) => c.action === 'moderate')).toHaveLength(1)
    recorded.modalConfirms = true
    fireEvent.click(document.querySelector('.nut-switch')!)
    fireEvent.click(screen.getByText('隐藏'))
    await waitFor(() => expect(recorded.toasts.at(-1)?.title).toBe('已隐藏'))
    expect(recorded.modals.at(-1)?.content).toBe(
      '确定隐藏这条帖子吗？作者会收到原因「含有站外链接」，并记录一次违规。',
    )
    expect(gateway.calls.filter((c) => c.action === 'moderate').at(-1)?.input).toEqual({
      postId: 'p1',
      op: 'hide',
      reason: '含有站外链接',
      recordViolation: true,
    })
  })
})

describe('广场内容结构', () => {
  test('shows posts per day against 50 and each week’s mix against 3:5:2', async () => {
    gateway = (gateway.restore(), freshApp('openid-admin'))
    const week = (weekKey: string, practical: number, interaction: number, life: number) => {
      const total = practical + interaction + life
      return {
        weekKey,
        counts: { practical, interaction, life },
        shares: total
          ? { practical: practical / total, interaction: interaction / total, life: life / total }
          : { practical: 0, interaction: 0, life: 0 },
        distance: 0,
        postsPerDay: Math.round((total / 7) * 10) / 10,
      }
    }
    gateway.on('square', 'mix', () => ({
      ok: true,
      data: {
        weeks: [
          week('2026-10-26', 0, 0, 0),
          week('2026-11-02', 30, 50, 20),
          week('2026-11-09', 60, 30, 10),
          week('2026-11-16', 105, 175, 70),
        ],
        target: { practical: 0.3, interaction: 0.5, life: 0.2 },
        healthyPostsPerDay: 50,
      },
    }))
    render(<SquareMixPage />)
    expect(await screen.findByText('健康线：每天 ≥ 50 条')).toBeTruthy()
    expect(screen.getByText('50 条/天')).toBeTruthy()
    expect(screen.getByText('2026-11-16 起一周 · 350 条')).toBeTruthy()
    expect(screen.getByText('60%（60）')).toBeTruthy()
    expect(screen.getByText('这一周没有帖子')).toBeTruthy()
  })
})

describe('ads (三证)', () => {
  test('an approved advertiser may post a labelled ad from the composer', async () => {
    gateway.on('square', 'adStatus', () => ({
      ok: true,
      data: {
        application: {
          id: 'c_o',
          nickname: '小雨',
          status: 'approved',
          statusName: '已通过',
          documents: {
            licence: 'https://img/a.png',
            qualification: 'https://img/b.png',
            reviews: 'https://img/c.png',
          },
          quotaPerMonth: 4,
          postsLeft: 3,
          reason: null,
          createdAt: '2026-11-01T00:00:00.000Z',
          decidedAt: '2026-11-02T00:00:00.000Z',
        },
      },
    }))
    gateway.on('square', 'post', (input) => ({
      ok: true,
      data: {
        post: post({ id: 'p-ad', text: input.text, ad: true, mine: true }),
        points: 0,
        held: false,
        duplicate: false,
      },
    }))
    render(<SquareComposePage />)
    expect(await screen.findByText('发布为广告（本月还可发 3 条，带「广告」标签，不计积分）')).toBeTruthy()
    await typeText('自家茶园的明前龙井上新了，社群价八折。')
    fireEvent.click(screen.getByText('生活'))
    fireEvent.click(document.querySelector('.nut-switch')!)
    fireEvent.click(screen.getByText('发布'))
    await waitFor(() => expect(recorded.toasts.at(-1)?.title).toBe('发布成功'))
    expect(gateway.calls.find((c) => c.action === 'post')?.input).toMatchObject({
      ad: true,
      category: 'life',
    })
  })

  test('staff approve an application with a monthly number, after a confirmation', async () => {
    gateway = (gateway.restore(), freshApp('openid-admin'))
    const app = {
      id: 'c_o-e',
      nickname: '茶园老板',
      status: 'pending' as const,
      statusName: '审核中',
      documents: {
        licence: 'https://img/a.png',
        qualification: 'https://img/b.png',
        reviews: 'https://img/c.png',
      },
      quotaPerMonth: 4,
      postsLeft: 0,
      reason: null,
      createdAt: '2026-11-20T04:00:00.000Z',
      decidedAt: null,
    }
    let pending = [app]
    gateway.on('square', 'adApplications', () => ({ ok: true, data: { items: pending, nextCursor: null } }))
    gateway.on('square', 'decideAds', () => {
      pending = []
      return {
        ok: true,
        data: { application: { ...app, status: 'approved', statusName: '已通过', postsLeft: 2 } },
      }
    })
    render(<AdReviewPage />)
    expect(await screen.findByText('茶园老板 · 审核中')).toBeTruthy()
    expect(screen.getByText('营业执照')).toBeTruthy()
    await typeInto('每月可发布条数', '2')
    fireEvent.click(screen.getByText('通过'))
    expect(await screen.findByText('没有待审核的广告申请')).toBeTruthy()
    expect(recorded.modals.at(-1)?.content).toBe('通过后 茶园老板 每月可发布 2 条广告，帖子带「广告」标签。')
    expect(gateway.calls.find((c) => c.action === 'decideAds')?.input).toEqual({
      applicationId: 'c_o-e',
      decision: 'approve',
      quotaPerMonth: 2,
    })
  })
})
