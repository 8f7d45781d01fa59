/**
 * One env's database in memory: collections of documents in Maps keyed by `_id`, their indexes, the
 * commit sequence, and the old versions open transactions still need to read (MVCC, kept only while
 * a transaction is open). Every change goes through `commit`, which applies it synchronously (so a
 * check-then-apply in a caller is atomic) and returns the promise of it being on disk.
 */
import path from 'node:path'
import { EJSON, type Document } from 'bson'
import type { CollectionSpec, IndexSpec } from '../../../cloudfunctions/core/schema'
import type { Doc } from './codec'
import { collectionNotExist, duplicateKey } from './errors'
import { SecondaryIndex, type DocKey } from './indexes'
import { WriteAheadLog, type LoggedOp } from './wal'

export type { DocKey }

/** Map key for an `_id`: strings and numbers as they are (so '1' and 1 differ), anything else by EJSON. */
export function docKey(id: unknown): DocKey {
  if (typeof id === 'string' || typeof id === 'number') return id
  return '\u0000' + EJSON.stringify(id as Document, { relaxed: false })
}

/** One document's change, computed first and applied only once every check has passed. */
export interface Change {
  coll: string
  key: DocKey
  id: unknown
  before: Doc | null
  after: Doc | null
}

export class Collection {
  readonly docs = new Map<DocKey, Doc>()
  /** Mongo's own `_id` index first: a job paging by `_id > cursor` walks it instead of sorting all. */
  readonly indexes: SecondaryIndex[] = [new SecondaryIndex({ name: '_id_', keys: { _id: 1 } }, true)]

  constructor(readonly name: string) {}

  /** Add an index unless one of that name exists; a unique index the data already breaks stays non-unique. */
  ensureIndex(spec: IndexSpec): string | null {
    if (this.indexes.some((i) => i.name === spec.name)) return null
    let problem: string | null = null
    if (spec.unique) {
      const probe = new SecondaryIndex(spec)
      const seen = new Set<string>()
      for (const doc of this.docs.values()) {
        const key = probe.fullKey(doc)
        if (seen.has(key)) {
          problem = `${this.name}.${spec.name}: existing documents repeat ${probe.describe(doc)}; not enforcing uniqueness`
          break
        }
        seen.add(key)
      }
    }
    const index = new SecondaryIndex(problem ? { ...spec, unique: false } : spec)
    for (const [key, doc] of this.docs) index.add(key, doc)
    this.indexes.push(index)
    return problem
  }

  put(key: DocKey, doc: Doc): void {
    const old = this.docs.get(key)
    // An index whose fields the change leaves as they were keeps its entry (most updates touch few).
    const moved = old ? this.indexes.filter((index) => !index.sameKey(old, doc)) : this.indexes
    if (old) for (const index of moved) index.remove(key, old)
    this.docs.set(key, doc)
    for (const index of moved) index.add(key, doc)
  }

  remove(key: DocKey): void {
    const old = this.docs.get(key)
    if (!old) return
    for (const index of this.indexes) index.remove(key, old)
    this.docs.delete(key)
  }
}

interface OldVersion {
  /** Sequence number at which this version became current. */
  from: number
  doc: Doc | null
}

const versionKey = (coll: string, key: DocKey): string => `${coll}\u0000${typeof key}\u0000${key}`

export interface EnvDatabaseOptions {
  env: string
  dataDir: string
  compactBytes: number
}

export class EnvDatabase {
  readonly collections = new Map<string, Collection>()
  readonly env: string
  /** Sequence number of the last commit; a transaction's snapshot is the value when it started. */
  seq = 0
  private readonly wal: WriteAheadLog
  private openTransactions = 0
  private readonly lastWrite = new Map<string, number>()
  private readonly history = new Map<string, OldVersion[]>()

  constructor(options: EnvDatabaseOptions) {
    this.env = options.env
    this.wal = new WriteAheadLog({
      dir: path.join(options.dataDir, options.env),
      compactBytes: options.compactBytes,
      dumpState: () => this.dump(),
      currentSeq: () => this.seq,
    })
  }

  /** Rebuild state from disk, then create the schema's collections and indexes. */
  open(schema: CollectionSpec[]): void {
    this.seq = this.wal.load((op) => this.replay(op))
    for (const spec of schema) {
      const coll = this.createCollection(spec.name)
      for (const index of spec.indexes) {
        const problem = coll.ensureIndex(index)
        if (problem) console.error(`[local-cloud db ${this.env}] ${problem}`)
      }
    }
  }

  close(): Promise<void> {
    return this.wal.close()
  }

  collection(name: string): Collection | undefined {
    return this.collections.get(name)
  }

  requireCollection(name: string): Collection {
    const coll = this.collections.get(name)
    if (!coll) throw collectionNotExist(name)
    return coll
  }

  private createCollection(name: string): Collection {
    let coll = this.collections.get(name)
    if (!coll) this.collections.set(name, (coll = new Collection(name)))
    return coll
  }

  /**
   * Refuse changes that would repeat an `_id` or a unique index key, counting both the documents
   * already stored and the other changes in the same batch.
   */
  checkUnique(changes: Change[]): void {
    const byColl = new Map<string, Change[]>()
    for (const change of changes) {
      const list = byColl.get(change.coll)
      if (list) list.push(change)
      else byColl.set(change.coll, [change])
    }
    for (const [name, list] of byColl) {
      const coll = this.requireCollection(name)
      const changing = new Set(list.map((c) => c.key))
      for (const change of list) {
        if (change.after && !change.before && coll.docs.has(change.key)) {
          throw duplicateKey(this.env, name, '_id_', `{ _id: ${JSON.stringify(change.id)} }`)
        }
      }
      for (const index of coll.indexes) {
        if (!index.unique) continue
        const seen = new Set<string>()
        for (const change of list) {
          if (!change.after) continue
          const key = index.fullKey(change.after)
          const holders = index.holders(key)
          const taken =
            seen.has(key) || (holders !== undefined && [...holders].some((id) => !changing.has(id)))
          if (taken) throw duplicateKey(this.env, name, index.name, index.describe(change.after))
          seen.add(key)
        }
      }
    }
  }

  /**
   * Apply changes (and collection creations) now, as one logged record; resolves when durable.
   * Readers may see a change before it is on disk (as with any group commit); if the disk write
   * fails, the caller is told so but the change stays in memory until the next restart.
   */
  commit(changes: Change[], created: string[] = []): Promise<void> {
    const seq = ++this.seq
    const ops: LoggedOp[] = []
    for (const name of created) {
      this.createCollection(name)
      ops.push({ c: name })
    }
    for (const change of changes) {
      const coll = this.requireCollection(change.coll)
      if (this.openTransactions > 0)
        this.remember(change.coll, change.key, coll.docs.get(change.key) ?? null, seq)
      if (change.after) {
        coll.put(change.key, change.after)
        ops.push({ p: change.coll, d: change.after })
      } else {
        coll.remove(change.key)
        ops.push({ x: change.coll, i: change.id })
      }
    }
    return this.wal.append({ s: seq, o: ops })
  }

  // ---- versions for snapshot reads and conflict detection ----

  transactionStarted(): void {
    this.openTransactions++
  }

  transactionEnded(oldestSnapshot: number | null): void {
    this.openTransactions--
    if (this.openTransactions === 0 || oldestSnapshot === null) {
      this.lastWrite.clear()
      this.history.clear()
    } else if (this.lastWrite.size > 10_000) {
      this.prune(oldestSnapshot)
    }
  }

  /** Sequence number of the last commit that wrote this document while transactions were open (0: none). */
  lastWriteOf(coll: string, key: DocKey): number {
    return this.lastWrite.get(versionKey(coll, key)) ?? 0
  }

  /** The document as it was at `snapshot`. */
  readAt(coll: string, key: DocKey, snapshot: number): Doc | null {
    const vk = versionKey(coll, key)
    if ((this.lastWrite.get(vk) ?? 0) <= snapshot) return this.collections.get(coll)?.docs.get(key) ?? null
    const versions = this.history.get(vk) ?? []
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].from <= snapshot) return versions[i].doc
    return null
  }

  private remember(coll: string, key: DocKey, current: Doc | null, seq: number): void {
    const vk = versionKey(coll, key)
    const versions = this.history.get(vk)
    const entry = { from: this.lastWrite.get(vk) ?? 0, doc: current }
    if (versions) versions.push(entry)
    else this.history.set(vk, [entry])
    this.lastWrite.set(vk, seq)
  }

  /** Forget versions no open transaction can read any more. */
  private prune(oldestSnapshot: number): void {
    for (const [vk, seq] of this.lastWrite) {
      if (seq <= oldestSnapshot) {
        this.lastWrite.delete(vk)
        this.history.delete(vk)
        continue
      }
      const versions = this.history.get(vk)
      if (!versions) continue
      let keepFrom = 0
      for (let i = versions.length - 1; i >= 0; i--) {
        if (versions[i].from <= oldestSnapshot) {
          keepFrom = i
          break
        }
      }
      if (keepFrom > 0) versions.splice(0, keepFrom)
    }
  }

  // ---- disk ----

  private replay(op: LoggedOp): void {
    if ('c' in op) this.createCollection(op.c)
    else if ('p' in op) this.createCollection(op.p).put(docKey(op.d._id), op.d)
    else this.createCollection(op.x).remove(docKey(op.i))
  }

  private *dump(): Iterable<LoggedOp> {
    for (const [name, coll] of this.collections) {
      yield { c: name }
      for (const doc of coll.docs.values()) yield { p: name, d: doc }
    }
  }
}
