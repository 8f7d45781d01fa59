/**
 * The /_local controls for the openapi stand-in, for tests and the dev UI; tools/local-cloud/controls.ts
 * delegates here and gets null for paths that are not ours.
 *   POST /_local/subscriptions {openid, templateId | templateIds}  grant one send per template
 *   GET  /_local/subscriptions?openid=                              sends left, per template
 *   GET|POST /_local/outbox [?touser=&templateId= | {touser, templateId}]  delivered messages
 *   POST /_local/group-share {openGId}                              {cloudID, expiresAt}
 *   GET|POST /_local/words [{risky?, review?}]                      the word lists (POST adds words)
 *   GET  /_local/media-checks                                       media checks asked, with verdicts
 *   POST /_local/media-checks {delayMs: number | null}              when verdicts go out (null: by hand)
 *   POST /_local/media-checks/deliver [{traceId}]                   send waiting verdicts now
 */
import type { OpenApiStandIn } from './index'

export interface ControlReply {
  status: number
  body: unknown
}

/**
 * `pathname` may carry the query string (pass url.pathname + url.search); `body` is the parsed JSON
 * body, a raw string/Buffer, or undefined. Query and body fields are merged, so the POST-only test
 * helper can filter too.
 */
export async function openApiControls(
  openapi: OpenApiStandIn,
  method: string,
  pathname: string,
  body: unknown,
): Promise<ControlReply | null> {
  const url = new URL(pathname, 'http://local')
  const verb = method.toUpperCase()
  let input: Record<string, unknown>
  try {
    input = { ...Object.fromEntries(url.searchParams), ...parseBody(body) }
  } catch (err) {
    return bad(`body is not JSON: ${(err as Error).message}`)
  }
  const str = (key: string): string | undefined =>
    typeof input[key] === 'string' ? (input[key] as string) : undefined

  switch (url.pathname) {
    case '/_local/subscriptions': {
      if (verb === 'GET') {
        const openid = str('openid')
        if (!openid) return bad('openid is required')
        return ok({ openid, remaining: openapi.subscriptionsOf(openid) })
      }
      if (verb !== 'POST') return notAllowed(verb, url.pathname)
      const openid = str('openid')
      const templateIds = Array.isArray(input.templateIds) ? input.templateIds : [input.templateId]
      if (!openid) return bad('openid is required')
      if (!templateIds.length || !templateIds.every((t) => typeof t === 'string' && t)) {
        return bad('templateId (or templateIds) is required')
      }
      for (const templateId of templateIds as string[]) await openapi.grantSubscription(openid, templateId)
      return ok({ openid, remaining: openapi.subscriptionsOf(openid) })
    }
    case '/_local/outbox': {
      if (verb !== 'GET' && verb !== 'POST') return notAllowed(verb, url.pathname)
      return ok({ messages: openapi.outbox({ touser: str('touser'), templateId: str('templateId') }) })
    }
    case '/_local/group-share': {
      if (verb !== 'POST') return notAllowed(verb, url.pathname)
      const openGId = str('openGId') ?? str('opengid')
      if (!openGId) return bad('openGId is required')
      return ok({ openGId, ...(await openapi.shareToGroup(openGId)) })
    }
    case '/_local/words': {
      if (verb === 'GET') return ok(openapi.words())
      if (verb !== 'POST') return notAllowed(verb, url.pathname)
      const risky = input.risky
      const review = input.review
      if (
        (risky !== undefined && !Array.isArray(risky)) ||
        (review !== undefined && !Array.isArray(review))
      ) {
        return bad('risky and review must be arrays of words')
      }
      try {
        return ok(openapi.security.addWords({ risky, review }))
      } catch (err) {
        return bad((err as Error).message)
      }
    }
    case '/_local/media-checks': {
      if (verb === 'GET') return ok({ delayMs: openapi.media.delayMs, checks: openapi.media.list() })
      if (verb !== 'POST') return notAllowed(verb, url.pathname)
      const delay = input.delayMs
      if (delay !== null && (typeof delay !== 'number' || delay < 0))
        return bad('delayMs must be a number of milliseconds, or null to deliver by hand')
      openapi.media.delayMs = delay
      return ok({ delayMs: delay })
    }
    case '/_local/media-checks/deliver': {
      if (verb !== 'POST') return notAllowed(verb, url.pathname)
      return ok({ delivered: await openapi.media.deliverPending(str('traceId')) })
    }
    default:
      return null
  }
}

function parseBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {}
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    const text = body.toString().trim()
    return text ? (JSON.parse(text) as Record<string, unknown>) : {}
  }
  if (typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>
  throw new Error('expected a JSON object')
}

const ok = (body: unknown): ControlReply => ({ status: 200, body })
const bad = (message: string): ControlReply => ({ status: 400, body: { code: 'INVALID_PARAM', message } })
const notAllowed = (verb: string, pathname: string): ControlReply => ({
  status: 405,
  body: { code: 'METHOD_NOT_ALLOWED', message: `${verb} ${pathname}` },
})
