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
  const text = `${(err as { errCode?: unknown })?.errCode ?? ''} ${(err as { errMsg?: string })?.errMsg ?? ''} ${(err as Error)?.message ?? ''}`
  return /TRANSACTION_CONFLICT/i.test(text)
}

/**
 * Run `work` in a database transaction. The SDK reruns it on a write conflict, so it must have no
 * side effects beyond its reads and writes; a conflict that outlives the retries is CONFLICT.
 */
export async function inTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return (await db.runTransaction(work)) as T
  } catch (err) {
    if (err instanceof AppError) throw err
    if (isTransactionConflict(err)) throw new AppError('CONFLICT')
    throw err
  }
}
