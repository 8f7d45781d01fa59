/**
 * Run the real dist/weapp build in miniprogram-simulate (compiler 'official': WeChat's own wcc).
 * Taro's app.js calls App() and each page calls Page(); the simulator only knows Component(), so
 * App/getApp/Page are shimmed onto it (FIELD-NOTES: Testing). The WeChat client itself cannot run
 * here: tests stand in for wx.cloud with a function that answers like the platform.
 */
import path from 'node:path'
import fs from 'node:fs'

// The parts of miniprogram-simulate used here. (Its own typings pull in miniprogram-api-typings,
// whose global `require` would replace Node's for the whole project, so they are not imported.)
export interface SimulatedNode {
  readonly dom: HTMLElement | undefined
  readonly instance: unknown
  querySelector(selector: string): SimulatedNode | undefined
  querySelectorAll(selector: string): SimulatedNode[]
  dispatchEvent(eventName: string, options?: unknown): void
}

export interface RenderedPage extends SimulatedNode {
  attach(parent: Node): void
  detach(): void
}

interface Simulate {
  load(componentPath: string, options: { compiler: 'official' | 'simulate'; rootPath: string }): string
  render(id: string): RenderedPage
}

export const WEAPP_DIR = path.resolve(__dirname, '../../dist/weapp')

export type CloudAnswer = (name: string, data: Record<string, unknown>) => unknown | Promise<unknown>

export interface CloudCall {
  name: string
  data: Record<string, unknown>
}

type AnyFn = (...args: unknown[]) => unknown
type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> }

interface Host {
  simulate: Simulate
  cloudCalls: CloudCall[]
  cloudInit: unknown[]
  /** Load and attach one page of the build; its onLoad(query) and onShow run as WeChat would run them. */
  renderPage(route: string, query?: Record<string, string>): RenderedPage
}

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(WEAPP_DIR, 'app.js'))) {
    throw new Error('dist/weapp is missing: run `npm run build:weapp` first')
  }
}

/** Boot the built app once per test file, with `answer` standing in for the cloud. */
export function bootWeapp(answer: CloudAnswer): Host {
  assertBuilt()
  const simulate = require('miniprogram-simulate') as Simulate
  const g = globalThis as unknown as Record<string, unknown> & { wx: Record<string, unknown> }

  const cloudCalls: CloudCall[] = []
  const cloudInit: unknown[] = []
  g.wx.cloud = {
    init: (options: unknown) => void cloudInit.push(options),
    // wx.cloud.CloudID makes an object the platform swaps for the decrypted data on the way in.
    CloudID: (cloudID: string) => ({ $cloudID: cloudID }),
    callFunction: async (options: { name: string; data: Record<string, unknown> }) => {
      // Like the real client: the event crosses the wire as JSON.
      const data = JSON.parse(JSON.stringify(options.data)) as Record<string, unknown>
      cloudCalls.push({ name: options.name, data })
      const result = await answer(options.name, data)
      return { errMsg: 'cloud.callFunction:ok', result, requestID: `req-${cloudCalls.length}` }
    },
  }

  const pages: unknown[] = []
  g.getCurrentPages = () => [...pages]
  let app: Record<string, AnyFn> | null = null
  g.App = (options: Record<string, AnyFn>) => {
    app = options
  }
  g.getApp = () => app
  g.Page = (options: PageOptions) => {
    const { data, ...rest } = options
    const methods: Record<string, AnyFn> = {}
    for (const [key, value] of Object.entries(rest)) {
      if (typeof value === 'function') methods[key] = value as AnyFn
    }
    ;(g.Component as AnyFn)({
      data: data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, AnyFn | undefined> & { route?: unknown }) {
          this.route = g.__qhRoute
          pages.push(this)
          this.onLoad?.call(this, g.__qhQuery ?? {})
          this.onShow?.call(this)
        },
        ready(this: Record<string, AnyFn>) {
          this.onReady?.call(this)
        },
        detached(this: Record<string, AnyFn>) {
          pages.splice(pages.indexOf(this), 1)
          this.onUnload?.call(this)
        },
      },
    })
  }

  // app.js registers the app and pulls in Taro's runtime; then launch it as WeChat would.
  require(path.join(WEAPP_DIR, 'app.js'))
  if (!app) throw new Error('dist/weapp/app.js did not call App()')
  const launch = { path: 'pages/home/index', scene: 1001, query: {} }
  ;(app as Record<string, AnyFn>).onLaunch?.(launch)
  ;(app as Record<string, AnyFn>).onShow?.(launch)

  // A page's bundle registers with webpack once, so each page is loaded once and rendered many times.
  const loaded = new Map<string, string>()
  return {
    simulate,
    cloudCalls,
    cloudInit,
    renderPage(route: string, query: Record<string, string> = {}) {
      g.__qhRoute = route
      g.__qhQuery = query
      let id = loaded.get(route)
      if (!id) {
        id = simulate.load(path.join(WEAPP_DIR, route), { compiler: 'official', rootPath: WEAPP_DIR })
        loaded.set(route, id)
      }
      const page = simulate.render(id)
      page.attach(document.createElement('parent-wrapper'))
      return page
    },
  }
}

/** Wait until `check` passes (the page renders through async setData). */
export async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const start = Date.now()
  for (;;) {
    try {
      check()
      return
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
}
