/**
 * The local cloud's database service: answers the `database.*` actions of the CloudBase API so an
 * unmodified wx-server-sdk works against it. Each env id is its own database under `dataDir/<env>/`,
 * held in memory and made durable by a write-ahead log (see wal.ts). Module map:
 *   protocol.ts      actions → handlers, request/response shapes
 *   query.ts         planner + mingo matching, sort, projection
 *   update.ts        update operators, replacement, upsert
 *   aggregate.ts     pipelines
 *   transactions.ts  snapshot isolation, conflicts, idle expiry
 *   store.ts         collections, unique checks, MVCC versions, commit
 *   indexes.ts       schema indexes
 *   wal.ts           log, group commit, snapshot/compaction
 *   codec.ts         EJSON in and out
 *   errors.ts        the service's error codes and messages
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { CollectionSpec } from '../../../cloudfunctions/core/schema'
import { DbError, invalidEnv, requestFailed } from './errors'
import { dispatch } from './protocol'
import { EnvDatabase } from './store'
import { Transactions } from './transactions'

export interface DbClock {
  now(): Date
}

export interface LocalDatabaseOptions {
  dataDir: string
  clock: DbClock
  collections: CollectionSpec[]
  /** Env used when a request names none (else: the only env open). */
  defaultEnv?: string
  /** Log size that triggers compaction (default LOCAL_CLOUD_DB_COMPACT_BYTES or 16 MiB). */
  compactBytes?: number
  /** Idle time after which an open transaction is aborted (default LOCAL_CLOUD_TXN_IDLE_MS or 30 s). */
  transactionIdleMs?: number
}

interface OpenEnv {
  db: EnvDatabase
  transactions: Transactions
}

const ENV_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

const numberFromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

export class LocalDatabase {
  private readonly envs = new Map<string, Promise<OpenEnv>>()
  private readonly compactBytes: number
  private readonly idleMs: number
  private closed = false

  constructor(readonly options: LocalDatabaseOptions) {
    this.compactBytes = options.compactBytes ?? numberFromEnv('LOCAL_CLOUD_DB_COMPACT_BYTES', 16 << 20)
    this.idleMs = options.transactionIdleMs ?? numberFromEnv('LOCAL_CLOUD_TXN_IDLE_MS', 30_000)
  }

  /** Load every env already on disk. Envs first seen in a request are created then. */
  async open(): Promise<void> {
    fs.mkdirSync(this.options.dataDir, { recursive: true })
    for (const entry of fs.readdirSync(this.options.dataDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !ENV_ID.test(entry.name)) continue
      const dir = path.join(this.options.dataDir, entry.name)
      if (fs.existsSync(path.join(dir, 'wal.jsonl')) || fs.existsSync(path.join(dir, 'snapshot.jsonl'))) {
        await this.env(entry.name)
      }
    }
  }

  /** Answer one POST to /admin whose action starts with `database.`: the JSON body to send back. */
  async handle(body: Record<string, unknown>): Promise<unknown> {
    const requestId = randomUUID()
    try {
      const env = await this.env(this.envName(body))
      const result = await dispatch(
        { env: env.db, transactions: env.transactions, now: () => this.options.clock.now() },
        body,
      )
      return { requestId, ...result }
    } catch (err) {
      const error = err instanceof DbError ? err : requestFailed((err as Error)?.message ?? String(err))
      if (!(err instanceof DbError)) console.error('[local-cloud db]', err)
      return { code: error.code, message: error.message, requestId }
    }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const pending of this.envs.values()) {
      const env = await pending.catch(() => null)
      if (!env) continue
      env.transactions.closeAll()
      await env.db.close()
    }
  }

  private envName(body: Record<string, unknown>): string {
    const named = typeof body.envName === 'string' ? body.envName : ''
    if (named) return named
    if (this.options.defaultEnv) return this.options.defaultEnv
    if (this.envs.size === 1) return this.envs.keys().next().value as string
    throw invalidEnv(named)
  }

  private env(name: string): Promise<OpenEnv> {
    if (this.closed) return Promise.reject(new DbError('SYS_ERR', 'database is closed'))
    let env = this.envs.get(name)
    if (!env) {
      if (!ENV_ID.test(name)) return Promise.reject(invalidEnv(name))
      env = Promise.resolve().then(() => {
        const db = new EnvDatabase({
          env: name,
          dataDir: this.options.dataDir,
          compactBytes: this.compactBytes,
        })
        db.open(this.options.collections)
        return { db, transactions: new Transactions(db, this.idleMs) }
      })
      this.envs.set(name, env)
    }
    return env
  }
}
