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

/**
 * A write conflict, with the real service's message. The code is the one @cloudbase/database's
 * runTransaction retries on (transaction/index.ts); the message names it too, because
 * wx-server-sdk keeps only the message when it wraps an error thrown inside a transaction callback
 * (errCode becomes -501001), and runtime/db.ts#inTransaction looks for it there.
 */
export const transactionConflict = (): DbError =>
  new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ${TAIL}`,
  )

/** Any use of a transaction that is not open (expired, committed, aborted or unknown), as the service says it. */
export const transactionNotExist = (): DbError =>
  new DbError(
    'DATABASE_TRANSACTION_FAIL',
    `[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. ${TAIL}`,
  )

/** A field name the service refuses in a stored document. */
export const dollarFieldName = (name: string): DbError =>
  requestFailed(`Document can't have $ prefixed field names: ${name}`)

/** An operator the service does not run. */
export const unknownOperator = (name: string): DbError => requestFailed(`unknown operator: ${name}`)

export const notServed = (action: string): DbError =>
  new DbError('DATABASE_INVALID_OPERRATOR', `local cloud does not serve ${action}`)
