/**
 * Transactions with snapshot isolation. A transaction reads the env as it was at its start plus its
 * own writes; its writes are buffered and applied together, as one logged record, at commit.
 *
 * A write conflicts (DATABASE_TRANSACTION_CONFLICT, the code runTransaction retries on) when another
 * open transaction already wrote that document, or when the document was committed after this
 * transaction's snapshot. Both are checked when the write is made and again at commit. A conflicted
 * transaction is aborted, as MongoDB does. An idle transaction is aborted after `idleMs`.
 */
import { randomUUID } from 'node:crypto'
import type { Doc } from './codec'
import { transactionConflict, transactionNotExist } from './errors'
import type { Change, DocKey, EnvDatabase } from './store'

interface BufferedWrite {
  coll: string
  key: DocKey
  id: unknown
  doc: Doc | null
}

interface Transaction {
  id: string
  snapshot: number
  writes: Map<string, BufferedWrite>
  state: 'active' | 'committed' | 'aborted' | 'expired'
  timer: NodeJS.Timeout | null
}

const lockKey = (coll: string, key: DocKey): string => `${coll}\u0000${typeof key}\u0000${key}`

export class Transactions {
  private readonly open = new Map<string, Transaction>()
  /** Recently finished ids: aborting one again (runTransaction's rollback after a failure) is quiet. */
  private readonly finished = new Map<string, Transaction['state']>()
  private readonly locks = new Map<string, string>()

  constructor(
    private readonly env: EnvDatabase,
    private readonly idleMs: number,
  ) {}

  start(): string {
    const txn: Transaction = {
      id: randomUUID(),
      snapshot: this.env.seq,
      writes: new Map(),
      state: 'active',
      timer: null,
    }
    this.open.set(txn.id, txn)
    this.env.transactionStarted()
    this.touch(txn)
    return txn.id
  }

  /** The open transaction `id`, its idle timer restarted; an error when it is not open. */
  use(id: string): Transaction {
    const txn = this.open.get(id)
    // Expired, finished or never started: the service answers all of them alike.
    if (!txn) throw transactionNotExist()
    this.touch(txn)
    return txn
  }

  /** What the transaction sees for one document. */
  read(txn: Transaction, coll: string, key: DocKey): Doc | null {
    const own = txn.writes.get(lockKey(coll, key))
    if (own) return own.doc
    return this.env.readAt(coll, key, txn.snapshot)
  }

  /** Buffer a write (doc null: delete), claiming the document first. */
  write(txn: Transaction, coll: string, key: DocKey, id: unknown, doc: Doc | null): void {
    const lk = lockKey(coll, key)
    const holder = this.locks.get(lk)
    if (holder && holder !== txn.id) {
      this.end(txn, 'aborted')
      throw transactionConflict()
    }
    if (this.env.lastWriteOf(coll, key) > txn.snapshot) {
      this.end(txn, 'aborted')
      throw transactionConflict()
    }
    const previous = txn.writes.get(lk)
    txn.writes.set(lk, { coll, key, id, doc })
    this.locks.set(lk, txn.id)
    try {
      // Unique keys are checked against what is committed now plus this transaction's other writes.
      this.env.checkUnique(this.changes(txn))
    } catch (err) {
      if (previous) txn.writes.set(lk, previous)
      else {
        txn.writes.delete(lk)
        this.locks.delete(lk)
      }
      throw err
    }
  }

  /** Apply every buffered write atomically; resolves once the commit is durable. */
  commit(id: string): Promise<void> {
    const txn = this.use(id)
    for (const w of txn.writes.values()) {
      if (this.env.lastWriteOf(w.coll, w.key) > txn.snapshot) {
        this.end(txn, 'aborted')
        throw transactionConflict()
      }
    }
    const changes = this.changes(txn)
    try {
      this.env.checkUnique(changes)
    } catch (err) {
      this.end(txn, 'aborted')
      throw err
    }
    const durable = changes.length ? this.env.commit(changes) : Promise.resolve()
    this.end(txn, 'committed')
    return durable
  }

  abort(id: string): void {
    const txn = this.open.get(id)
    if (txn) this.end(txn, 'aborted')
    else if (!this.finished.has(id)) throw transactionNotExist()
  }

  closeAll(): void {
    for (const txn of [...this.open.values()]) this.end(txn, 'aborted')
  }

  private changes(txn: Transaction): Change[] {
    return [...txn.writes.values()].map((w) => ({
      coll: w.coll,
      key: w.key,
      id: w.id,
      before: this.env.collection(w.coll)?.docs.get(w.key) ?? null,
      after: w.doc,
    }))
  }

  private touch(txn: Transaction): void {
    if (txn.timer) clearTimeout(txn.timer)
    txn.timer = setTimeout(() => this.end(txn, 'expired'), this.idleMs)
    txn.timer.unref()
  }

  private end(txn: Transaction, state: Transaction['state']): void {
    if (txn.state !== 'active') return
    txn.state = state
    if (txn.timer) clearTimeout(txn.timer)
    for (const lk of txn.writes.keys()) if (this.locks.get(lk) === txn.id) this.locks.delete(lk)
    this.open.delete(txn.id)
    this.finished.set(txn.id, state)
    if (this.finished.size > 10_000) this.finished.delete(this.finished.keys().next().value as string)
    let oldest: number | null = null
    for (const other of this.open.values())
      if (oldest === null || other.snapshot < oldest) oldest = other.snapshot
    this.env.transactionEnded(oldest)
  }
}
