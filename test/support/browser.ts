/**
 * Chromium for browser tests: Debian's package driven by playwright-core (Playwright cannot
 * download its own browser here). A fresh profile per test file; screenshots under .test-artifacts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { REPO_ROOT } from './local-cloud'

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
