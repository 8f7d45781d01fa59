import { errorOf, type ActionError, type ErrorCode } from '../core/errors'

/** A failure the member should read: thrown anywhere in an action, answered as `{ok:false,error}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message ?? code)
  }

  toActionError(): ActionError {
    return errorOf(this.code, this.message === this.code ? undefined : this.message, this.fields)
  }
}

export function fail(code: ErrorCode, message?: string, fields?: Record<string, string>): never {
  throw new AppError(code, message, fields)
}

/** The database's "no such document" error, which the SDK throws from doc(id).get(). */
export function isMissingDocument(err: unknown): boolean {
  const message = String(
    (err as { errMsg?: string; message?: string })?.errMsg ?? (err as Error)?.message ?? '',
  )
  return /does not exist|not exist|DOCUMENT_NOT_EXIST/i.test(message)
}

/** The duplicate-key error of a unique index (or a repeated _id). */
export function isDuplicateKey(err: unknown): boolean {
  const text = `${(err as { errCode?: unknown })?.errCode ?? ''} ${(err as { errMsg?: string })?.errMsg ?? ''} ${(err as Error)?.message ?? ''}`
  return /DUPLICATE|E11000|duplicate key/i.test(text)
}
