/**
 * The HTTP boundary of the H5 build, stubbed: global fetch answers POST /functions/<name> the way
 * the local cloud's gateway does (HTTP 200 with an ActionResult, caller in x-wx-openid), from
 * handlers a test registers. Every call is recorded.
 */
import type { ActionResult } from '@core/errors'
import type { CommunitySummary, MeResult, MemberProfile } from '@core/contracts/member'

export type Handler = (
  input: Record<string, unknown>,
  openid: string,
) => ActionResult<unknown> | Promise<ActionResult<unknown>>

export interface GatewayCall {
  fn: string
  action: string
  input: Record<string, unknown>
  openid: string
}

export type LocalHandler = (body: unknown) => { status?: number; body: unknown }

export interface Gateway {
  calls: GatewayCall[]
  /** Answer `action` of function `fn`. Unregistered actions get UNKNOWN_ACTION, as the function would. */
  on(fn: string, action: string, handler: Handler): void
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
  } as unknown as Response
}

export function installGateway(): Gateway {
  const handlers = new Map<string, Handler>()
  const locals = new Map<string, LocalHandler>()
  const calls: GatewayCall[] = []
  const original = globalThis.fetch
  globalThis.fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
    const path = String(url)
    const method = init?.method ?? 'GET'
    const local = locals.get(`${method} ${path}`)
    if (local) {
      const answer = local(init?.body ? JSON.parse(String(init.body)) : undefined)
      return reply(answer.status ?? 200, answer.body)
    }
    const match = /^\/functions\/([^/?]+)$/.exec(path)
    if (!match || init?.method !== 'POST') return reply(404, { code: 'NOT_FOUND', message: path })
    const fn = decodeURIComponent(match[1])
    const headers = (init.headers ?? {}) as Record<string, string>
    const openid = headers['x-wx-openid'] ?? ''
    const { action, ...input } = JSON.parse(String(init.body)) as { action: string } & Record<string, unknown>
    calls.push({ fn, action, input, openid })
    const handler = handlers.get(`${fn}.${action}`)
    if (!handler) return reply(200, { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } })
    return reply(200, await handler(input, openid))
  }) as typeof fetch
  return {
    calls,
    on: (fn, action, handler) => void handlers.set(`${fn}.${action}`, handler),
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
