/**
 * The HTTP boundary of the H5 build, stubbed: global fetch answers POST /functions/<name> the way
 * the local cloud's gateway does (HTTP 200 with an ActionResult, caller in x-wx-openid), from
 * handlers a test registers. Every call is recorded. Handlers are typed by the functions' contracts
 * (core/contracts): a handler gets the action's input and must answer its output.
 */
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@core/contracts'
import type { ActionResult } from '@core/errors'
import type { CommunitySummary, MeResult, MemberProfile } from '@core/contracts/member'

/** What a function answers: its ActionResult, naming the community the caller acts in after it. */
export type Answer<T> = ActionResult<T> & { community?: string }

export type Handler<F extends FunctionName, A extends ActionName<F>> = (
  input: ActionInput<F, A>,
  openid: string,
) => Answer<ActionOutput<F, A>> | Promise<Answer<ActionOutput<F, A>>>

/** Handlers for several actions at once: `{ checkin: { today: () => ... } }`. */
export type Handlers = { [F in FunctionName]?: { [A in ActionName<F>]?: Handler<F, A> } }

type AnyHandler = (
  input: Record<string, unknown>,
  openid: string,
) => Answer<unknown> | Promise<Answer<unknown>>

export interface GatewayCall {
  fn: string
  action: string
  input: Record<string, unknown>
  /** The `_community` the client sent as context (absent when none), kept apart from the input as the server does. */
  community?: string
  openid: string
}

/** `body`: the request's JSON, or its bytes when it sent a Blob (an upload). */
export type LocalHandler = (body: unknown, url: string) => { status?: number; body: unknown }

export interface Gateway {
  calls: GatewayCall[]
  /** Answer `action` of function `fn`. Unregistered actions get UNKNOWN_ACTION, as the function would. */
  on<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, handler: NoInfer<Handler<F, A>>): void
  /** Answer several actions: `stub({ checkin: { today: () => ok(todayResult()) } })`. */
  stub(handlers: Handlers): void
  /** Answer a dev control, e.g. `GET /_local/personas`. */
  local(route: string, handler: LocalHandler): void
  restore(): void
}

function reply(status: number, body: unknown): Response {
  return {
    status,
    ok: status >= 200 && status < 300,
    json: async () => body,
    text: async () => JSON.stringify(body),
    blob: async () => (body instanceof Blob ? body : new Blob([JSON.stringify(body)])),
  } as unknown as Response
}

export function installGateway(): Gateway {
  const handlers = new Map<string, AnyHandler>()
  const locals = new Map<string, LocalHandler>()
  const calls: GatewayCall[] = []
  const original = globalThis.fetch
  globalThis.fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
    const path = String(url)
    const method = init?.method ?? 'GET'
    // A route matches with or without its query string.
    const local = locals.get(`${method} ${path}`) ?? locals.get(`${method} ${path.split('?')[0]}`)
    if (local) {
      const body = init?.body
      const answer = local(body instanceof Blob ? body : body ? JSON.parse(String(body)) : undefined, path)
      return reply(answer.status ?? 200, answer.body)
    }
    const match = /^\/functions\/([^/?]+)$/.exec(path)
    if (!match || init?.method !== 'POST') return reply(404, { code: 'NOT_FOUND', message: path })
    const fn = decodeURIComponent(match[1])
    const headers = (init.headers ?? {}) as Record<string, string>
    const openid = headers['x-wx-openid'] ?? ''
    const { action, _community, ...input } = JSON.parse(String(init.body)) as {
      action: string
      _community?: string
    } & Record<string, unknown>
    calls.push(
      _community === undefined
        ? { fn, action, input, openid }
        : { fn, action, input, community: _community, openid },
    )
    const handler = handlers.get(`${fn}.${action}`)
    if (!handler) return reply(200, { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } })
    return reply(200, await handler(input, openid))
  }) as typeof fetch
  const on = (fn: string, action: string, handler: unknown) =>
    void handlers.set(`${fn}.${action}`, handler as AnyHandler)
  return {
    calls,
    on,
    stub: (all) => {
      for (const [fn, actions] of Object.entries(all)) {
        for (const [action, handler] of Object.entries(actions ?? {})) on(fn, action, handler)
      }
    },
    local: (route, handler) => void locals.set(route, handler),
    restore: () => {
      globalThis.fetch = original
    },
  }
}

export const community: CommunitySummary = {
  id: 'c-reading',
  name: '晨读会',
  slogan: '每天读一点，一起变更好',
  memberCount: 128,
}

export function profile(overrides: Partial<MemberProfile> = {}): MemberProfile {
  return {
    nickname: '小林',
    role: 'member',
    roleName: '成员',
    level: 'newcomer',
    levelName: '新手',
    balance: 35,
    totalEarned: 120,
    joinedAt: '2025-03-01T02:00:00.000Z',
    ...overrides,
  }
}

export const memberMe: MeResult = { community, member: profile() }

export const adminMe: MeResult = {
  community: { ...community, inviteCode: 'RD8K2M' },
  member: profile({
    nickname: '阿青',
    role: 'admin',
    roleName: '管理员',
    level: 'advanced',
    levelName: '进阶',
  }),
}

export const nobody: MeResult = { community: null, member: null }
