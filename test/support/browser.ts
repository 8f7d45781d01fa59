/**
 * Chromium for browser tests: Debian's package driven by playwright-core (Playwright cannot
 * download its own browser here). A fresh profile per test file; screenshots under .test-artifacts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { nowOffset } from '../../tools/local-cloud/clock'
import { REPO_ROOT, startCloud, type RunningCloud } from './local-cloud'

export const SCREENSHOTS = path.join(REPO_ROOT, '.test-artifacts/screenshots')

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[]
  const found = candidates.find((p) => fs.existsSync(p))
  if (!found)
    throw new Error(
      'Chromium not found: run `bash tools/install.sh --with-browser` (Debian package chromium)',
    )
  return found
}

export async function openBrowser(): Promise<{ context: BrowserContext; page: Page }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'qunhuo-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  // The page's clock follows QUNHUO_NOW like the local cloud's (tools/local-cloud/clock.ts).
  if (nowOffset() !== 0) {
    await context.addInitScript((offset: number) => {
      const Real = Date
      class ClockDate extends Real {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(Real.now() + offset)
          else super(...(args as [number]))
        }

        static now(): number {
          return Real.now() + offset
        }
      }
      window.Date = ClockDate as DateConstructor
    }, nowOffset())
  }
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  // Taro's H5 router animates page changes for about 300 ms; let the new page settle first.
  await page.waitForTimeout(400)
  const file = path.join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** The seeded local product and a fresh Chromium, with the locators every browser test uses. */
export interface ProductSession {
  cloud: RunningCloud
  context: BrowserContext
  page: Page
  /** Elements matching `selector` that are on screen (Taro keeps hidden pages in the DOM). */
  visible(selector: string): Locator
  /** The first on-screen element with `text`. */
  shown(text: string | RegExp, exact?: boolean): Locator
  /** NutUI cells and buttons put a layer over their text, so tests click the component itself. */
  cell(text: string): Locator
  button(text: string): Locator
  tabBar(): Locator
  /** Pick a persona on the dev login page. */
  actAs(label: string): Promise<void>
}

/**
 * Start the product for one test file: a seeded local cloud serving the H5 build, and Chromium.
 * Both stop after the file (the cloud's stop also verifies the ledger).
 */
export function useProduct(): ProductSession {
  const session = {
    visible: (selector: string) => session.page.locator(selector).filter({ visible: true }),
    shown: (text: string | RegExp, exact = false) =>
      session.page.locator('body').getByText(text, { exact }).filter({ visible: true }).first(),
    cell: (text: string) => session.visible('.nut-cell').filter({ hasText: text }).first(),
    button: (text: string) => session.visible('.nut-button').filter({ hasText: text }).first(),
    tabBar: () => session.visible('.qh-tabbar'),
    async actAs(label: string) {
      await session.shown('本地体验登录').waitFor()
      await session.cell(label).click()
    },
  } as ProductSession
  beforeAll(async () => {
    session.cloud = await startCloud({ seed: true })
    Object.assign(session, await openBrowser())
  })
  afterAll(async () => {
    await session.context?.close()
    await session.cloud?.stop()
  })
  return session
}
