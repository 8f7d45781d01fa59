/**
 * The first screen: home (首页), 排行 and 商城 opened in Chromium on the H5 build, timed from the tap
 * (home: from a reload) until the page shows its first data. Measured twice on one seeded cloud:
 * first with the cloud's function instances cold (nothing called yet), then warm (new browser
 * profile, so the page's own scripts load again). The goal (≤ 1 s each) is for the warm figure.
 *
 * Each row splits the time: `code` is until the page sends its first call (scripts, chunk, render),
 * `calls` from then until the data shows; `n calls in r rounds` counts the page's function calls and
 * how many of them had to wait for an earlier answer (r = 1: all in parallel).
 */
import fs from 'node:fs'
import path from 'node:path'
import { execSync } from 'node:child_process'
import type { Page } from 'playwright-core'
import { openBrowser } from '../../test/support/browser'
import { REPO_ROOT, startCloud, type RunningCloud } from '../../test/support/local-cloud'
import type { BenchRow } from './table'

export const FIRST_SCREEN_GOAL_MS = 1000

interface Call {
  name: string
  start: number
  end: number
}

interface Screen {
  name: string
  /** How the page is opened, and the element that shows its first data. */
  open(page: Page): Promise<unknown>
  ready: string
}

const tab = (label: string) => (page: Page) =>
  page.locator('.qh-tabbar').filter({ visible: true }).getByText(label).click()

const SCREENS: Screen[] = [
  { name: '首页', open: (page) => page.reload(), ready: '.home-me' },
  { name: '排行', open: tab('排行'), ready: '.rank-me' },
  { name: '商城', open: tab('商城'), ready: '.mall-card__name' },
]

interface Timing {
  ms: number
  code: number
  calls: Call[]
  rounds: number
}

/** Rounds of calls: a call that starts after another has answered waited for it. */
function rounds(calls: Call[]): number {
  const round = new Map<Call, number>()
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    const before = calls.filter((o) => o !== c && o.end <= c.start && round.has(o))
    round.set(c, 1 + Math.max(0, ...before.map((o) => round.get(o)!)))
  }
  return Math.max(0, ...round.values())
}

async function pass(cloud: RunningCloud): Promise<Timing[]> {
  const { context, page } = await openBrowser()
  try {
    const calls: Call[] = []
    const open = new Map<unknown, Call>()
    page.on('request', (req) => {
      const match = /\/functions\/([^/?]+)$/.exec(req.url())
      if (!match) return
      const action = (req.postDataJSON() as { action?: string } | null)?.action ?? '?'
      const call = { name: `${match[1]}.${action}`, start: performance.now(), end: Infinity }
      open.set(req, call)
      calls.push(call)
    })
    const done = (req: unknown) => {
      const call = open.get(req)
      if (call) call.end = performance.now()
    }
    page.on('requestfinished', done)
    page.on('requestfailed', done)

    await page.goto(cloud.url + '/')
    await page.locator('body').getByText('本地体验登录').filter({ visible: true }).first().waitFor()
    await page.locator('.nut-cell').filter({ visible: true, hasText: '小雨 · 成员' }).first().click()
    await page.locator('.home-me').filter({ visible: true }).first().waitFor()

    const timings: Timing[] = []
    for (const screen of SCREENS) {
      // Let the previous page's later calls finish, so they are not counted here.
      await page.waitForLoadState('networkidle')
      const from = calls.length
      const t0 = performance.now()
      await screen.open(page)
      await page.locator(screen.ready).filter({ visible: true }).first().waitFor({ timeout: 30_000 })
      const t1 = performance.now()
      const mine = calls.slice(from).filter((c) => c.start <= t1)
      const firstCall = Math.min(t1, ...mine.map((c) => c.start))
      timings.push({ ms: t1 - t0, code: firstCall - t0, calls: mine, rounds: rounds(mine) })
    }
    return timings
  } finally {
    await context.close()
  }
}

function callList(calls: Call[]): string {
  return calls.map((c) => c.name.replace(/^\w+\./, '')).join(', ')
}

export async function benchFirstScreen(): Promise<BenchRow[]> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/h5/index.html'))) {
    execSync('npm run --silent build:h5', { cwd: REPO_ROOT, stdio: 'inherit' })
  }
  const cloud = await startCloud({ seed: true })
  try {
    const cold = await pass(cloud)
    const warm = await pass(cloud)
    return SCREENS.map((screen, i) => {
      const w = warm[i]
      const c = cold[i]
      const verdict = w.ms <= FIRST_SCREEN_GOAL_MS ? 'met' : 'missed'
      return {
        bench: `first screen ${screen.name} (warm cloud)`,
        value: `${w.ms.toFixed(0)} ms`,
        detail:
          `goal ≤ ${FIRST_SCREEN_GOAL_MS} ms (${verdict}); code ${w.code.toFixed(0)} ms + calls ` +
          `${(w.ms - w.code).toFixed(0)} ms; ${w.calls.length} calls in ${w.rounds} rounds ` +
          `(${callList(w.calls)}); cold cloud ${c.ms.toFixed(0)} ms (calls ${(c.ms - c.code).toFixed(0)} ms)`,
      }
    })
  } finally {
    await cloud.stop()
  }
}
