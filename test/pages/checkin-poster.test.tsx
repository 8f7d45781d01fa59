/**
 * The check-in poster (issue 15, item 10): the layout's texts (nickname, streak, day) and how they are
 * painted on a 2d context, and the card's way to the poster page after checking in.
 */
import { render, screen } from '@testing-library/react'
import PosterPage from '@/packages/checkin/poster'
import {
  POSTER_HEIGHT,
  POSTER_WIDTH,
  drawPoster,
  posterDateText,
  posterFileName,
  posterLayout,
  type PosterContext,
} from '@/packages/checkin/poster/layout'
import { checkinStore } from '@/hooks/useCheckin'
import type { Gateway } from './gateway'
import { freshApp } from './helpers'

const texts = (layout: ReturnType<typeof posterLayout>) => layout.texts.map((t) => t.text)

describe('the poster layout', () => {
  test('shows the community, the day, the streak and the nickname, centred on the poster', () => {
    const layout = posterLayout({
      nickname: '小雨',
      community: '晨读营',
      streak: 12,
      total: 40,
      day: '2026-11-22',
    })
    expect(texts(layout)).toEqual([
      '晨读营',
      '2026年11月22日 星期日',
      '已连续打卡',
      '12',
      '天',
      '小雨',
      '累计打卡 40 天',
      '每天进步一点点',
    ])
    expect(layout.texts.every((t) => t.x === POSTER_WIDTH / 2 && t.y > 0 && t.y < POSTER_HEIGHT)).toBe(true)
    const ys = layout.texts.map((t) => t.y)
    expect([...ys].sort((a, b) => a - b)).toEqual(ys)
  })

  test('clips long names and never shows a streak below one day', () => {
    const layout = posterLayout({
      nickname: '一个名字非常非常非常非常长的读书人',
      community: '社群名字也可以写得很长很长很长很长很长',
      streak: 0,
      total: 0,
      day: '2026-01-01',
    })
    expect(texts(layout)).toContain('一个名字非常非常非常非…')
    expect(texts(layout)).toContain('社群名字也可以写得很长很长很长…')
    expect(texts(layout)).toContain('1')
    expect(texts(layout)).toContain('累计打卡 1 天')
    expect(posterDateText('2026-01-01')).toBe('2026年1月1日 星期四')
    expect(posterFileName('2026-01-01')).toBe('打卡海报-2026-01-01.png')
  })

  test('paints the background, the band and every text with its font', () => {
    const calls: string[] = []
    const ctx: PosterContext = {
      fillStyle: '',
      font: '',
      textAlign: '',
      textBaseline: '',
      fillRect: (x, y, w, h) => calls.push(`rect ${String(ctx.fillStyle)} ${x},${y},${w},${h}`),
      fillText: (text, x, y) => calls.push(`text ${ctx.font} ${String(ctx.fillStyle)} ${text} ${x},${y}`),
    }
    const layout = posterLayout({
      nickname: '小雨',
      community: '晨读营',
      streak: 3,
      total: 3,
      day: '2026-11-22',
    })
    drawPoster(ctx, layout)
    expect(calls[0]).toBe(`rect #ffffff 0,0,${POSTER_WIDTH},${POSTER_HEIGHT}`)
    expect(calls[1]).toBe(`rect #fff1e8 0,220,${POSTER_WIDTH},300`)
    expect(calls).toContain('text bold 120px sans-serif #f0642d 3 300,420')
    expect(calls).toContain('text bold 36px sans-serif #2b2622 小雨 300,600')
    expect(calls.filter((c) => c.startsWith('text'))).toHaveLength(layout.texts.length)
    expect(ctx.textAlign).toBe('center')
  })
})

describe('the poster page', () => {
  let gateway: Gateway
  beforeEach(() => {
    gateway = freshApp('openid-member')
    checkinStore.reset()
  })
  afterEach(() => gateway.restore())

  test('before checking in it says a poster comes after the check-in', async () => {
    gateway.on('checkin', 'today', () => ({
      ok: true,
      data: {
        today: '2026-11-22',
        checkedIn: false,
        checkin: null,
        streak: { current: 0, longest: 0, total: 0, lastDay: null },
        makeupCards: 0,
        missableDays: [],
        pointsPerCheckin: 5,
        reminder: null,
      },
    }))
    render(<PosterPage />)
    expect(await screen.findByText('今天打卡之后，就能生成今天的打卡海报。')).toBeTruthy()
  })
})
