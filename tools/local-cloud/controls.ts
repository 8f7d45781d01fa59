import type http from 'node:http'
import type { URL } from 'node:url'
import { sendJson } from './http-util'
/** Placeholder: the /_local controls are being written. */
export async function localControls(ctx: { res: http.ServerResponse; url: URL } & Record<string, unknown>): Promise<void> {
  sendJson(ctx.res, 404, { code: 'NOT_FOUND', message: ctx.url.pathname })
}
