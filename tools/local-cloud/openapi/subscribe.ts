/**
 * subscribeMessage.send with WeChat's one-time subscriptions: every accepted
 * wx.requestSubscribeMessage grants one send of that template to that user; a send without one
 * fails with 43101. Delivered messages land in an outbox that tests and the dev UI read.
 */
import { randomInt } from 'node:crypto'
import path from 'node:path'
import { JsonFile } from './json-file'
import type { WxJson } from './wx-json'

export interface OutboxMessage {
  msgid: number
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
  miniprogramState: string
  lang?: string
  /** Local clock time of the send. */
  sentAt: string
  /** Who sent it, when the call came from a function instance. */
  functionName?: string
  appid?: string
}

export interface OutboxFilter {
  touser?: string
  templateId?: string
}

interface GrantsState {
  /** openid -> templateId -> sends still allowed. */
  grants: Record<string, Record<string, number>>
}

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal']

export class SubscribeMessages {
  private outboxFile: JsonFile<OutboxMessage[]>
  private grantsFile: JsonFile<GrantsState>
  private messages: OutboxMessage[] = []
  private state: GrantsState = { grants: {} }

  constructor(
    dir: string,
    private readonly now: () => Date,
  ) {
    this.outboxFile = new JsonFile(path.join(dir, 'outbox.json'), () => [])
    this.grantsFile = new JsonFile(path.join(dir, 'subscriptions.json'), () => ({ grants: {} }))
  }

  async open(): Promise<void> {
    this.messages = await this.outboxFile.load()
    this.state = await this.grantsFile.load()
  }

  async close(): Promise<void> {
    await Promise.all([this.outboxFile.flush(), this.grantsFile.flush()])
  }

  /** The user accepted the template once in wx.requestSubscribeMessage: one more send allowed. */
  async grant(openid: string, templateId: string): Promise<number> {
    const forUser = (this.state.grants[openid] ??= {})
    forUser[templateId] = (forUser[templateId] ?? 0) + 1
    const remaining = forUser[templateId]
    await this.grantsFile.save(() => this.state)
    return remaining
  }

  /** Sends still allowed, per template, for one user. */
  grantsOf(openid: string): Record<string, number> {
    return { ...(this.state.grants[openid] ?? {}) }
  }

  outbox(filter: OutboxFilter = {}): OutboxMessage[] {
    return this.messages.filter(
      (m) =>
        (!filter.touser || m.touser === filter.touser) &&
        (!filter.templateId || m.templateId === filter.templateId),
    )
  }

  /** The API itself: `params` are the call's parameters, snake_case as on the wire. */
  async send(
    params: Record<string, unknown>,
    caller: { functionName?: string; appid?: string },
  ): Promise<WxJson> {
    const touser = params.touser
    const templateId = params.template_id
    const state = params.miniprogram_state ?? 'formal'
    if (typeof touser !== 'string' || !touser)
      return { errcode: 40003, errmsg: 'invalid openid hint: touser' }
    if (typeof templateId !== 'string' || !templateId) {
      return { errcode: 40037, errmsg: 'invalid template id hint: template_id' }
    }
    if (typeof state !== 'string' || !MINIPROGRAM_STATES.includes(state)) {
      return { errcode: 47003, errmsg: `argument invalid! miniprogram_state invalid: ${String(state)}` }
    }
    if (params.page !== undefined && typeof params.page !== 'string') {
      return { errcode: 47003, errmsg: 'argument invalid! page invalid' }
    }
    const data = params.data
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      return { errcode: 47003, errmsg: 'argument invalid! data is empty' }
    }
    for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
      const value = (entry as { value?: unknown } | null)?.value
      if (typeof value !== 'string' && typeof value !== 'number') {
        return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` }
      }
    }
    // Check and use the grant in one synchronous step, so concurrent sends cannot share one grant.
    const forUser = this.state.grants[touser]
    if (!forUser?.[templateId]) return { errcode: 43101, errmsg: 'user refuse to accept the msg' }
    forUser[templateId] -= 1
    if (forUser[templateId] === 0) delete forUser[templateId]
    const msgid = randomInt(1, 2 ** 47)
    this.messages.push({
      msgid,
      touser,
      templateId,
      ...(params.page !== undefined ? { page: params.page as string } : {}),
      data: Object.fromEntries(
        Object.entries(data as Record<string, { value: string | number }>).map(([k, v]) => [
          k,
          { value: String(v.value) },
        ]),
      ),
      miniprogramState: state,
      ...(typeof params.lang === 'string' ? { lang: params.lang } : {}),
      sentAt: this.now().toISOString(),
      ...(caller.functionName ? { functionName: caller.functionName } : {}),
      ...(caller.appid ? { appid: caller.appid } : {}),
    })
    await Promise.all([this.grantsFile.save(() => this.state), this.outboxFile.save(() => this.messages)])
    // msgid stays below 2^53: the SDK parses with json-bigint, which would turn larger ids into objects.
    return { errcode: 0, errmsg: 'ok', msgid }
  }
}
