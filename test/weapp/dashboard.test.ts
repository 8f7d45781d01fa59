/**
 * The dashboard in the real mini-program build: the admin subpackage page loads the seeded community's
 * figures and its decline alert, and uCharts (bundled in the page) draws each trend line and the newest
 * cohort's funnel on Canvas 2D nodes. The simulator has no canvas, so the 2D context the selector query
 * hands over records what was drawn on it.
 */
import { PERSONAS } from '../../tools/local-cloud/demo'
import { startCloud, type RunningCloud } from '../support/local-cloud'
import { bootWeapp, eventually } from './mini-host'

const admin = PERSONAS.find((p) => p.role === 'admin')!

/** Canvas 2D contexts by canvas id, each a log of the calls made on it. */
const drawn = new Map<string, string[]>()

function recordingContext(id: string): object {
  const log: string[] = []
  drawn.set(id, log)
  const state: Record<string | symbol, unknown> = {}
  return new Proxy(state, {
    get(target, prop) {
      if (prop in target) return target[prop]
      if (prop === 'measureText') return (text: string) => ({ width: String(text).length * 6 })
      return (...args: unknown[]) => {
        log.push(String(prop))
        void args
        return String(prop).startsWith('create') ? { addColorStop: () => undefined } : undefined
      }
    },
    set(target, prop, value) {
      target[prop] = value
      return true
    },
  })
}

let cloud: RunningCloud
const host = bootWeapp((name, data) => cloud.call(name, data, admin.openid))

// miniprogram-simulate defines wx when the host boots; the canvas queries of the dashboard get a recorder.
const g = globalThis as unknown as { wx: Record<string, unknown> }
const originalQuery = g.wx.createSelectorQuery as () => unknown
g.wx.createSelectorQuery = () => {
  const selectors: string[] = []
  const query = {
    in: () => query,
    select(selector: string) {
      selectors.push(selector)
      return { fields: () => query, boundingClientRect: () => query, node: () => query }
    },
    exec(callback: (res: unknown[]) => void) {
      const id = selectors[0]?.replace(/^#/, '') ?? ''
      if (!id.startsWith('dash-')) return (originalQuery() as { exec: (cb: unknown) => void }).exec(callback)
      const context = recordingContext(id)
      const node = { width: 0, height: 0, getContext: () => context }
      setTimeout(() => callback([{ node, width: 320, height: 110 }]), 0)
    },
  }
  return query
}

beforeAll(async () => {
  cloud = await startCloud({ seed: true })
}, 120_000)

afterAll(async () => {
  await cloud?.stop()
})

test('the dashboard shows the seeded decline with its plan and draws trend lines and the funnel', async () => {
  const page = host.renderPage('packages/admin/dashboard/index')
  await eventually(() => expect(page.dom!.textContent).toContain('连续 3 周下滑（衰退期）'), 20_000)
  const text = page.dom!.textContent ?? ''
  expect(text).toContain('建议这样做')
  expect(text).toContain('拆分群或开启新主题')
  expect(text).toContain('管理微信群')
  expect(text).toContain('当天有任何动作的成员 ÷ 当天成员总数')
  await eventually(
    () => expect(drawn.get('dash-trend-dailyActiveRate')?.length ?? 0).toBeGreaterThan(0),
    10_000,
  )
  // A 30-day line: a segment to each day's point.
  const line = drawn.get('dash-trend-dailyActiveRate')!
  expect(line.filter((c) => c === 'lineTo').length).toBeGreaterThanOrEqual(29)
  expect(line).toContain('stroke')
  await eventually(() => expect(drawn.get('dash-funnel')?.length ?? 0).toBeGreaterThan(0), 10_000)
  expect(drawn.get('dash-funnel')!.filter((c) => c === 'fill').length).toBeGreaterThanOrEqual(1)
  page.detach()
}, 60_000)
