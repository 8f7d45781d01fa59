/**
 * Typed access to the database. The SDK's own types are loose (callback-style unions), so reads
 * go through these few helpers; they also turn the SDK's "missing document" throw into null.
 */
import type { Database } from './cloud'
import { AppError, isMissingDocument } from './errors'

type Doc<T> = T & { _id: string }

interface Gettable {
  get(): Promise<unknown> | unknown
}

export async function getDocOrNull<T>(db: Database, collection: string, id: string): Promise<Doc<T> | null> {
  return readDoc<T>(db.collection(collection).doc(id))
}

export async function findMany<T>(query: Gettable): Promise<Doc<T>[]> {
  const res = (await query.get()) as { data: Doc<T>[] }
  return res.data
}

export async function findOne<T>(query: { limit(n: number): Gettable }): Promise<Doc<T> | null> {
  return (await findMany<T>(query.limit(1)))[0] ?? null
}

async function readDoc<T>(ref: Gettable): Promise<Doc<T> | null> {
  try {
    const res = (await ref.get()) as { data: Doc<T> | Doc<T>[] | null }
    // Inside a transaction the SDK answers a single document; elsewhere doc().get() may wrap it.
    const data = Array.isArray(res.data) ? res.data[0] : res.data
    return data ?? null
  } catch (err) {
    if (isMissingDocument(err)) return null
    throw err
  }
}

export interface TxDocRef {
  get(): Promise<unknown>
  set(options: { data: object }): Promise<unknown>
  update(options: { data: object }): Promise<unknown>
  remove(): Promise<unknown>
}

export interface Transaction {
  collection(name: string): { doc(id: string): TxDocRef; add(options: { data: object }): Promise<unknown> }
}

export function txGetOrNull<T>(tx: Transaction, collection: string, id: string): Promise<Doc<T> | null> {
  return readDoc<T>(tx.collection(collection).doc(id))
}

function isTransactionConflict(err: unknown): boolean {
  const e = err as { code?: unknown; errCode?: unknown; errMsg?: string; message?: string }
  return /TRANSACTION_?CONFLICT/i.test(
    `${e?.code ?? ''} ${e?.errCode ?? ''} ${e?.errMsg ?? ''} ${e?.message ?? ''}`,
  )
}

/**
 * Attempts of a whole transaction on write conflicts, on top of the SDK's own commit retries. Many
 * writers can meet on one document (parallel adjustments or rewards on one member), hence the
 * generous count with a growing random pause between attempts.
 */
const CONFLICT_ATTEMPTS = 30
const MAX_PAUSE_MS = 200

/**
 * Run `work` in a database transaction; it may run several times, so it must have no side effects
 * beyond its reads and writes. The SDK retries only conflicts found at commit; one raised by a write
 * inside the callback reaches us instead, so we retry it here after a short random pause.
 * A conflict that outlives every attempt is CONFLICT.
 */
export async function inTransaction<T>(
  db: Database,
  work: (tx: Transaction) => Promise<T>,
  /** More attempts for a document every caller meets on by design (an activity's sign-ups). */
  options: { attempts?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? CONFLICT_ATTEMPTS
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.runTransaction(work)) as T
    } catch (err) {
      if (err instanceof AppError) throw err
      if (!isTransactionConflict(err)) throw err
      if (attempt >= attempts) throw new AppError('CONFLICT')
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * Math.min(MAX_PAUSE_MS, 10 * attempt)),
      )
    }
  }
}
