/**
 * The local cloud: one HTTP server that stands in for WeChat cloud development.
 *   POST /admin                 the CloudBase API that wx-server-sdk speaks (database, functions, openapi)
 *   POST /functions/<name>      the gateway the H5 build and tests call (caller in x-wx-openid)
 *   /_storage/*, /storage/*     cloud storage: signed upload and temp URLs, the client's uploads (storage.ts)
 *   /_local/*                   test and dev controls (clock, timers, outbox, personas, group shares)
 *   GET  /*                     the H5 build
 */
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { COLLECTIONS } from '../../cloudfunctions/core/schema'
import { LocalClock } from './clock'
import { LocalDatabase } from './db'
import { APPID, FunctionRunner } from './functions/runner'
import { TimerScheduler } from './functions/timers'
import { OpenApiStandIn } from './openapi'
import { serveStatic } from './static'
import { readBody, sendJson } from './http-util'
import { localControls } from './controls'
import { LocalStorage } from './storage'

export interface LocalCloudOptions {
  port?: number
  host?: string
  dataDir: string
  envId: string
  /** Built functions, one folder each (tools/build-functions.ts output). */
  functionsDir: string
  /** The H5 build to serve at /, if present. */
  h5Dir?: string
  /** Most instances of one function running at once. */
  maxInstances?: number
  /** Fire timer triggers on their cron (off in most tests; they fire them by hand). */
  timers?: boolean
}

export interface LocalCloud {
  url: string
  port: number
  envId: string
  clock: LocalClock
  db: LocalDatabase
  functions: FunctionRunner
  openapi: OpenApiStandIn
  storage: LocalStorage
  close(): Promise<void>
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const clock = new LocalClock()
  const db = new LocalDatabase({ dataDir: options.dataDir, clock, collections: COLLECTIONS })
  await db.open()
  const openapi = new OpenApiStandIn({ clock, dataDir: options.dataDir })
  await openapi.open()
  const storage = new LocalStorage({ dataDir: options.dataDir, envId: options.envId, clock })
  let adminUrl = ''
  const functions = new FunctionRunner({
    functionsDir: options.functionsDir,
    envId: options.envId,
    clock,
    adminUrl: () => adminUrl,
    maxInstances: options.maxInstances ?? 8,
    openapi,
  })
  const timers = new TimerScheduler({ runner: functions, clock })
  // Message pushes (media-check verdicts) reach the function as the platform's: no OPENID.
  openapi.media.deliverWith(async (name, event) => {
    const outcome = await functions.invoke(name, { event, caller: { appid: APPID } })
    if (!outcome.ok) throw new Error(`${outcome.errCode} ${outcome.errMsg}`)
  })
  /** Requests to /admin by action, for benchmarks (GET /_local/stats). */
  const stats: Record<string, number> = {}

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'LOCAL_CLOUD_ERROR', message: err.message })
      else res.end()
    })
  })
  // The SDK keeps connections alive; do not let idle ones hold the server open on close.
  server.keepAliveTimeout = 5_000

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local')
    if (req.method === 'POST' && url.pathname === '/admin') {
      const body = await readBody(req)
      const contentType = String(req.headers['content-type'] ?? '')
      if (contentType.startsWith('multipart/form-data')) {
        const reply = await openapi.handleMultipart(
          body,
          contentType,
          functions.contextOf(url.searchParams.get('instance')),
        )
        res.writeHead(reply.status, { 'content-type': reply.contentType })
        res.end(reply.body)
        return
      }
      const params = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>
      const action = String(params.action ?? '')
      stats[action] = (stats[action] ?? 0) + 1
      if (action.startsWith('database.')) {
        sendJson(res, 200, await db.handle(params))
      } else if (action.startsWith('storage.')) {
        const reply = await storage.handleAdmin(action, params)
        sendJson(
          res,
          200,
          reply ?? { code: 'ACTION_NOT_SUPPORTED', message: `local cloud does not serve ${action}` },
        )
      } else if (action === 'functions.invokeFunction') {
        sendJson(res, 200, await functions.invokeFromSdk(params, url.searchParams.get('instance')))
      } else {
        sendJson(res, 200, { code: 'ACTION_NOT_SUPPORTED', message: `local cloud does not serve ${action}` })
      }
      return
    }
    if (url.pathname.startsWith('/functions/') && req.method === 'POST') {
      const name = decodeURIComponent(url.pathname.slice('/functions/'.length))
      const body = await readBody(req)
      const openid = String(req.headers['x-wx-openid'] ?? '')
      const reply = await functions.invokeFromGateway(name, body.toString('utf8'), openid)
      sendJson(res, reply.status, reply.body)
      return
    }
    if (await storage.handleHttp(req, res, url)) return
    if (url.pathname.startsWith('/_local/')) {
      await localControls({
        req,
        res,
        url,
        clock,
        functions,
        timers,
        openapi,
        db,
        envId: options.envId,
        adminUrl,
        stats,
      })
      return
    }
    if (req.method === 'GET' && options.h5Dir) {
      await serveStatic(options.h5Dir, url.pathname, res)
      return
    }
    sendJson(res, 404, { code: 'NOT_FOUND', message: url.pathname })
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  adminUrl = `${url}/admin`
  storage.baseUrl = url
  if (options.timers) timers.start()

  return {
    url,
    port,
    envId: options.envId,
    clock,
    db,
    functions,
    openapi,
    storage,
    async close() {
      timers.stop()
      await functions.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await openapi.close()
      await db.close()
    },
  }
}

export const REPO_ROOT = path.resolve(__dirname, '../..')
