/**
 * The platform boundary, one file per platform; Taro picks the file by TARO_ENV and the pages'
 * jest project resolves `.h5.ts` first:
 *   transport.weapp.ts: Taro.cloud.callFunction (identity comes from the platform)
 *   transport.h5.ts:    POST /functions/<name> on the local cloud, as the persona picked on the dev login page
 * This declaration is what both must provide; each variant types its exports against it.
 */

/** A group share's CloudID, as the platform wants it passed to a function. Opaque to the app. */
export type CloudIdRef = { readonly __cloudId: unique symbol }

/** Send one event to cloud function `name`; resolves to its raw answer, throws ServiceError when unreachable. */
export function send(name: string, event: Record<string, unknown>): Promise<unknown>

export function cloudID(id: string): CloudIdRef

/** weapp: point Taro.cloud at our environment (app.ts calls it at start; send makes sure of it). */
export function initCloud(): void
