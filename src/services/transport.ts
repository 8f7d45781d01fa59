/**
 * The only module that talks to the backend. A call is `{ action, ...input }` to one cloud function;
 * the function answers an ActionResult, which this module unwraps: data comes back, errors are thrown
 * as ServiceError with the contract's stable code and a message a member can read.
 *   weapp: Taro.cloud.callFunction (identity comes from the platform)
 *   h5:    POST /functions/<name> on the local cloud, as the persona picked on the dev login page
 */
import Taro from '@tarojs/taro'
import type { ActionResult, ErrorCode } from '@core/errors'
import { currentPersona } from './session'

const NETWORK_MESSAGE = '网络不太顺畅，请稍后再试'
const INTERNAL_MESSAGE = '服务开小差了，请稍后再试'

export class ServiceError extends Error {
  readonly code: ErrorCode
  /** Field-level messages for INVALID_INPUT, keyed by input path. */
  readonly fields?: Record<string, string>

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'ServiceError'
    this.code = code
    if (fields) this.fields = fields
  }
}

/** The error to show for anything that is not a ServiceError (a bug, a broken connection). */
export function toServiceError(err: unknown): ServiceError {
  if (err instanceof ServiceError) return err
  return new ServiceError('INTERNAL', INTERNAL_MESSAGE)
}

/** A group share's CloudID, as the platform wants it passed to a function. Opaque to the app. */
export type CloudIdRef = { readonly __cloudId: unique symbol }

export function cloudID(id: string): CloudIdRef {
  if (process.env.TARO_ENV === 'weapp') {
    return Taro.cloud.CloudID(id) as unknown as CloudIdRef
  }
  // The local gateway resolves { $cloudID } the way the platform decrypts a CloudID.
  return { $cloudID: id } as unknown as CloudIdRef
}

function unwrap<T>(result: unknown): T {
  const r = result as ActionResult<T> | null | undefined
  if (r && r.ok === true) return r.data
  if (r && r.ok === false && r.error && typeof r.error.code === 'string') {
    throw new ServiceError(r.error.code, r.error.message || INTERNAL_MESSAGE, r.error.fields)
  }
  throw new ServiceError('INTERNAL', INTERNAL_MESSAGE)
}

let cloudReady = false

/** weapp: point Taro.cloud at our environment. app.ts calls it at start; calls make sure of it. */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || cloudReady) return
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV, traceUser: true })
  cloudReady = true
}

async function callCloud(name: string, event: Record<string, unknown>): Promise<unknown> {
  initCloud()
  try {
    const res = await Taro.cloud.callFunction({ name, data: event })
    return res.result
  } catch {
    throw new ServiceError('INTERNAL', NETWORK_MESSAGE)
  }
}

async function callLocal(name: string, event: Record<string, unknown>): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const openid = currentPersona()
  if (openid) headers['x-wx-openid'] = openid
  let res: Response
  try {
    res = await fetch(`/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(event),
    })
  } catch {
    throw new ServiceError('INTERNAL', NETWORK_MESSAGE)
  }
  if (res.status !== 200) throw new ServiceError('INTERNAL', INTERNAL_MESSAGE)
  try {
    return await res.json()
  } catch {
    throw new ServiceError('INTERNAL', INTERNAL_MESSAGE)
  }
}

/** Call `action` of cloud function `name` and return its data, or throw a ServiceError. */
export async function callFunction<T>(name: string, action: string, input: object = {}): Promise<T> {
  const event = { ...input, action }
  const result =
    process.env.TARO_ENV === 'weapp' ? await callCloud(name, event) : await callLocal(name, event)
  return unwrap<T>(result)
}
