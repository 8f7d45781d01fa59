/** /_local/*: controls for tests and the local dev login. None of this exists in the real cloud. */
import type http from 'node:http'
import type { LocalClock } from './clock'
import type { LocalDatabase } from './db'
import type { FunctionRunner } from './functions/runner'
import type { TimerScheduler } from './functions/timers'
import type { OpenApiStandIn } from './openapi'
import { openApiControls } from './openapi/http-controls'
import { readJson, sendJson } from './http-util'
import { listPersonas } from './personas'

export interface ControlContext {
  req: http.IncomingMessage
  res: http.ServerResponse
  url: URL
  clock: LocalClock
  functions: FunctionRunner
  timers: TimerScheduler
  openapi: OpenApiStandIn
  db: LocalDatabase
  envId: string
  adminUrl: string
  stats: Record<string, number>
}

export async function localControls(ctx: ControlContext): Promise<void> {
  const { req, res, url, clock } = ctx
  const route = `${req.method} ${url.pathname}`
  if (route === 'GET /_local/health') return sendJson(res, 200, { ok: true, now: clock.now().toISOString() })
  if (route === 'GET /_local/clock') return sendJson(res, 200, { now: clock.now().toISOString() })
  if (route === 'POST /_local/clock') {
    const { now } = await readJson<{ now?: string | null }>(req)
    try {
      clock.set(now ?? null)
    } catch (err) {
      return sendJson(res, 400, { code: 'INVALID_INPUT', message: (err as Error).message })
    }
    return sendJson(res, 200, { now: clock.now().toISOString(), real: now == null })
  }
  if (req.method === 'POST' && url.pathname.startsWith('/_local/timers/')) {
    const name = decodeURIComponent(url.pathname.slice('/_local/timers/'.length))
    const outcome = await ctx.timers.fire(name, url.searchParams.get('trigger') ?? undefined)
    return sendJson(res, outcome.ok ? 200 : 500, outcome)
  }
  if (route === 'GET /_local/timers') {
    return sendJson(res, 200, {
      triggers: ctx.timers
        .triggers()
        .map((t) => ({ function: t.functionName, name: t.name, cron: t.cron.source })),
    })
  }
  if (route === 'GET /_local/stats') return sendJson(res, 200, { adminRequests: ctx.stats })
  if (route === 'GET /_local/functions') return sendJson(res, 200, { functions: ctx.functions.list() })
  if (route === 'GET /_local/personas') return sendJson(res, 200, await listPersonas(ctx.adminUrl, ctx.envId))
  const body = req.method === 'POST' ? await readJson(req) : undefined
  const handled = await openApiControls(ctx.openapi, req.method ?? 'GET', url.pathname + url.search, body)
  if (handled) return sendJson(res, handled.status, handled.body)
  sendJson(res, 404, { code: 'NOT_FOUND', message: `no local control at ${route}` })
}
