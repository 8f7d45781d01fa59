// Placeholder: the database service is being written; see docs/ARCHITECTURE.md.
import type { CollectionSpec } from '../../../cloudfunctions/core/schema'

export interface DbClock {
  now(): Date
}

export interface LocalDatabaseOptions {
  dataDir: string
  clock: DbClock
  collections: CollectionSpec[]
}

export class LocalDatabase {
  constructor(readonly options: LocalDatabaseOptions) {}

  async open(): Promise<void> {}

  /** Answer one POST to /admin whose action starts with `database.`: the JSON body to send back. */
  async handle(body: Record<string, unknown>): Promise<unknown> {
    return { code: 'NOT_IMPLEMENTED', message: `database action ${String(body.action)}` }
  }

  async close(): Promise<void> {}
}
