/**
 * The check-in poster (打卡海报), drawn the same way on weapp (canvas 2d) and H5 (an HTML canvas):
 * `posterLayout` decides every text and its place (pure, unit-tested), `drawPoster` paints a layout
 * on any 2d context. Sizes are in poster pixels; the caller scales for the screen's pixel ratio.
 */
import { weekdayOf } from '@core/time'
import { dayKeyDateText } from '@/ui/dates'

export const POSTER_WIDTH = 600
export const POSTER_HEIGHT = 800
const NICKNAME_MAX = 12
const COMMUNITY_MAX = 16

const BRAND = '#f0642d'
const SOFT = '#fff1e8'
const INK = '#2b2622'
const MUTED = '#7d746d'
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

export interface PosterInput {
  nickname: string
  community: string
  /** The current streak in days (at least 1 after checking in). */
  streak: number
  /** Total days checked in. */
  total: number
  /** The check-in's day key, 'YYYY-MM-DD'. */
  day: string
}

export interface PosterText {
  text: string
  x: number
  y: number
  size: number
  color: string
  bold?: boolean
}

export interface PosterLayout {
  width: number
  height: number
  background: string
  /** The coloured band behind the streak. */
  band: { x: number; y: number; width: number; height: number; color: string }
  texts: PosterText[]
}

function clip(text: string, max: number): string {
  const chars = [...text.trim()]
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/** 2026年11月22日 星期日 */
export function posterDateText(day: string): string {
  return `${dayKeyDateText(day)} 星期${WEEKDAYS[weekdayOf(day)]}`
}

export function posterLayout(input: PosterInput): PosterLayout {
  const center = POSTER_WIDTH / 2
  const streak = Math.max(1, input.streak)
  return {
    width: POSTER_WIDTH,
    height: POSTER_HEIGHT,
    background: '#ffffff',
    band: { x: 0, y: 220, width: POSTER_WIDTH, height: 300, color: SOFT },
    texts: [
      { text: clip(input.community, COMMUNITY_MAX), x: center, y: 90, size: 30, color: MUTED },
      { text: posterDateText(input.day), x: center, y: 160, size: 32, color: INK, bold: true },
      { text: '已连续打卡', x: center, y: 290, size: 30, color: MUTED },
      { text: String(streak), x: center, y: 420, size: 120, color: BRAND, bold: true },
      { text: '天', x: center, y: 490, size: 30, color: MUTED },
      { text: clip(input.nickname, NICKNAME_MAX), x: center, y: 600, size: 36, color: INK, bold: true },
      { text: `累计打卡 ${Math.max(input.total, streak)} 天`, x: center, y: 655, size: 28, color: MUTED },
      { text: '每天进步一点点', x: center, y: 740, size: 26, color: BRAND },
    ],
  }
}

/** The part of a 2d context the poster needs: the browser's and weapp's canvas 2d both have it. */
export interface PosterContext {
  fillStyle: unknown
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, width: number, height: number): void
  fillText(text: string, x: number, y: number): void
}

export function drawPoster(ctx: PosterContext, layout: PosterLayout): void {
  ctx.fillStyle = layout.background
  ctx.fillRect(0, 0, layout.width, layout.height)
  const { band } = layout
  ctx.fillStyle = band.color
  ctx.fillRect(band.x, band.y, band.width, band.height)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  for (const t of layout.texts) {
    ctx.fillStyle = t.color
    ctx.font = `${t.bold ? 'bold ' : ''}${t.size}px sans-serif`
    ctx.fillText(t.text, t.x, t.y)
  }
}

/** The saved file's name: 打卡海报-2026-11-22.png */
export function posterFileName(day: string): string {
  return `打卡海报-${day}.png`
}
