/**
 * How the backend's refusals reach pages: a ServiceError with the contract's stable code and a
 * message a member can read. Anything else (a bug, a broken connection) becomes INTERNAL.
 */
import type { ErrorCode } from '@core/errors'

export const NETWORK_MESSAGE = '网络不太顺畅，请稍后再试'
export const INTERNAL_MESSAGE = '服务开小差了，请稍后再试'

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
