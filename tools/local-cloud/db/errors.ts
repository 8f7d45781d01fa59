/**
 * Errors the database answers with. On the wire an error is `{ code, message, requestId }` (HTTP 200);
 * @cloudbase/node-sdk throws it as a TcbError keeping `code`, and wx-server-sdk turns that into
 * `errCode` via its TCB_ERR_CODE table (unknown codes become -501001) with `errMsg` carrying `message`.
 */

export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

// The real service's "please check" tail; kept so messages read like production logs.
const TAIL = 'Please check your request, but if the problem persists, contact us.'

export const collectionNotExist = (name: string): DbError =>
  new DbError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${name}. ${TAIL}`)

export const collectionExists = (name: string): DbError =>
  new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceExist] Table exist: ${name}. ${TAIL}`)

/** Write errors come back as the Go driver prints them inside a generic request failure (errCode -502001). */
export const writeFailed = (detail: string): DbError =>
  new DbError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] multiple write errors: [{write errors: [{${detail}}]}, {<nil>}]`,
  )

export const duplicateKey = (env: string, coll: string, index: string, dupKey: string): DbError =>
  writeFailed(`E11000 duplicate key error collection: ${env}.${coll} index: ${index} dup key: ${dupKey}`)

export const requestFailed = (detail: string): DbError =>
  new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${detail}`)

export const invalidParam = (detail: string): DbError => new DbError('INVALID_PARAM', detail)

export const invalidEnv = (env: string): DbError =>
  new DbError('INVALIID_ENV', `[ResourceNotFound.Env] invalid env: ${JSON.stringify(env)}`)

/** The one code @cloudbase/database's runTransaction retries on (transaction/index.ts). */
// The code also leads the message: wx-server-sdk keeps only the message when it wraps an error
// thrown inside a transaction callback (errCode becomes -501001).
export const transactionConflict = (detail: string): DbError =>
  new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    `[DATABASE_TRANSACTION_CONFLICT] database transaction conflict: ${detail}`,
  )

export const transactionFailed = (detail: string): DbError =>
  new DbError(
    'DATABASE_TRANSACTION_FAIL',
    `[DATABASE_TRANSACTION_FAIL] database transaction failed: ${detail}`,
  )

export const notServed = (action: string): DbError =>
  new DbError('DATABASE_INVALID_OPERRATOR', `local cloud does not serve ${action}`)
