/**
 * security.mediaCheckAsync (v2) stand-in. Like the platform it answers at once with a trace_id and
 * delivers the verdict later as a `wxa_media_check` message-push event; locally the event goes to
 * the function that asked (cloud development's message push, configured to that function), invoked
 * without an OPENID as the platform's pushes are.
 *
 * The verdict comes from the media URL (the temp URL carries the file's path): a path with `risky`
 * is risky, with `review` is review, anything else passes. Verdicts go out after `delayMs`
 * (default 1 s), or when asked: POST /_local/media-checks/deliver. `delayMs: null` waits for that.
 */
import { randomBytes } from 'node:crypto'
import type { Suggest } from './security'
import type { WxJson } from './wx-json'

export interface MediaCheckEvent {
  ToUserName: string
  FromUserName: string
  CreateTime: number
  MsgType: 'event'
  Event: 'wxa_media_check'
  appid: string
  trace_id: string
  version: 2
  detail: { strategy: string; errcode: number; suggest: Suggest; label: number; prob: number }[]
  errcode: 0
  errmsg: 'ok'
  result: { suggest: Suggest; label: number }
}

export interface MediaCheckRecord {
  traceId: string
  functionName: string
  mediaUrl: string
  openid: string
  suggest: Suggest
  delivered: boolean
}

/** Delivers a push event to a function; resolves once the function has run. */
export type Deliver = (functionName: string, event: MediaCheckEvent) => Promise<void>

/** Labels as WeChat gives them: 100 normal, 20002 pornography, 21000 other. */
const LABELS: Record<Suggest, number> = { pass: 100, risky: 20002, review: 21000 }

export class MediaChecks {
  /** Milliseconds until a verdict goes out by itself; null: only when delivered by hand. */
  delayMs: number | null = 1000
  private readonly records = new Map<string, MediaCheckRecord & { event: MediaCheckEvent }>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private deliver: Deliver | null = null

  constructor(private readonly now: () => Date) {}

  /** Where verdicts go (the server wires the function runner in). */
  deliverWith(deliver: Deliver): void {
    this.deliver = deliver
  }

  static verdictFor(mediaUrl: string): Suggest {
    const path = mediaUrl.split('?')[0].toLowerCase()
    return path.includes('risky') ? 'risky' : path.includes('review') ? 'review' : 'pass'
  }

  /** The API itself: `params` snake_case as on the wire; `who` is the calling invocation. */
  check(params: Record<string, unknown>, who: { appid: string; functionName?: string }): WxJson {
    const mediaUrl = params.media_url
    if (typeof mediaUrl !== 'string' || !/^https?:\/\//.test(mediaUrl))
      return { errcode: 47001, errmsg: 'data format error hint: media_url must be an http(s) URL' }
    if (![1, 2].includes(Number(params.media_type)))
      return { errcode: 47001, errmsg: 'data format error hint: media_type must be 1 (audio) or 2 (image)' }
    if (Number(params.version) !== 2)
      return { errcode: 47001, errmsg: 'data format error hint: only version 2 is served locally' }
    if (typeof params.openid !== 'string' || !params.openid)
      return { errcode: 40003, errmsg: 'invalid openid hint: openid is required for version 2' }
    if (![1, 2, 3, 4].includes(Number(params.scene)))
      return { errcode: 40129, errmsg: `invalid scene hint: scene must be 1-4, got ${String(params.scene)}` }
    if (!who.functionName)
      return { errcode: -1, errmsg: 'local cloud: mediaCheckAsync needs a calling function for its verdict' }
    const traceId = traceIdOf()
    const suggest = MediaChecks.verdictFor(mediaUrl)
    const label = LABELS[suggest]
    const event: MediaCheckEvent = {
      ToUserName: 'gh_local',
      FromUserName: 'o_system',
      CreateTime: Math.floor(this.now().getTime() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: who.appid,
      trace_id: traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
    }
    this.records.set(traceId, {
      traceId,
      functionName: who.functionName,
      mediaUrl,
      openid: params.openid,
      suggest,
      delivered: false,
      event,
    })
    if (this.delayMs !== null) {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        void this.deliverPending(traceId)
      }, this.delayMs)
      timer.unref()
      this.timers.add(timer)
    }
    return { errcode: 0, errmsg: 'ok', trace_id: traceId }
  }

  /** Send verdicts not yet delivered (one, or all); answers what went out. */
  async deliverPending(traceId?: string): Promise<MediaCheckRecord[]> {
    const due = [...this.records.values()].filter((r) => !r.delivered && (!traceId || r.traceId === traceId))
    for (const r of due) r.delivered = true
    await Promise.all(
      due.map(async (r) => {
        try {
          await this.deliver?.(r.functionName, r.event)
        } catch (err) {
          console.error(`openapi: media check ${r.traceId} not delivered: ${(err as Error).message}`)
        }
      }),
    )
    return due.map(recordOf)
  }

  list(): MediaCheckRecord[] {
    return [...this.records.values()].map(recordOf)
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}

function recordOf(r: MediaCheckRecord): MediaCheckRecord {
  const { traceId, functionName, mediaUrl, openid, suggest, delivered } = r
  return { traceId, functionName, mediaUrl, openid, suggest, delivered }
}

function traceIdOf(): string {
  const hex = randomBytes(12).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16, 24)}`
}
