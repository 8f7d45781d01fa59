/**
 * Newest-first paging by (createdAt desc, _id desc): the order of every feed, ledger and log. The
 * cursor is where the last page ended, so pages stay stable while new rows arrive; each query is
 * served by an index on the scope's fields plus createdAt.
 */
import type { Database } from './cloud'
import { findMany } from './db'
import { fail } from './errors'

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([new Date(createdAt).toISOString(), id])).toString('base64url')
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [iso, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string]
    const createdAt = new Date(iso)
    if (typeof id !== 'string' || Number.isNaN(createdAt.getTime())) throw new Error('bad cursor')
    return { createdAt, id }
  } catch {
    return fail('INVALID_CURSOR')
  }
}

/** The furthest an offset cursor may reach: beyond it a list is searched, not paged. */
export const MAX_OFFSET = 10_000

/**
 * Offset cursors, for lists ordered by something other than time: the next page's offset in plain
 * decimal. Anything else (1.5, -1, 1e3, text) is refused rather than read as the first page.
 */
export function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0
  if (!/^(0|[1-9]\d{0,4})$/.test(cursor) || Number(cursor) > MAX_OFFSET) return fail('INVALID_CURSOR')
  return Number(cursor)
}

/** The cursor of the page after `offset` when the page came back full (`hasMore`), else null. */
export function offsetCursor(offset: number, limit: number, hasMore: boolean): string | null {
  return hasMore ? String(offset + limit) : null
}

/**
 * The `where` for the page after `cursor` in (createdAt desc, _id desc) order, within `scope`.
 * Served by an index on the scope's fields plus createdAt.
 */
export function afterCursor(
  db: Database,
  scope: Record<string, unknown>,
  cursor: string | undefined,
): object {
  if (!cursor) return scope
  const { createdAt, id } = decodeCursor(cursor)
  const _ = db.command
  return _.or([
    { ...scope, createdAt: _.lt(createdAt) },
    { ...scope, createdAt, _id: _.lt(id) },
  ])
}

/** One page of `collection` within `scope`, newest first, and the cursor of the next page (null at the end). */
export async function newestFirst<T extends { createdAt: Date }>(
  db: Database,
  collection: string,
  scope: Record<string, unknown>,
  cursor: string | undefined,
  limit: number,
): Promise<{ page: (T & { _id: string })[]; nextCursor: string | null }> {
  const rows = await findMany<T>(
    db
      .collection(collection)
      .where(afterCursor(db, scope, cursor))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1),
  )
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last._id) : null }
}

/** An action's `{ cursor, limit }` as an offset page; a cursor that is not an offset cursor is refused. */
export function pageOf(input: { cursor?: string; limit?: number }): { offset: number; limit: number } {
  return { offset: decodeOffset(input.cursor), limit: input.limit ?? 20 }
}

/** The cursor after an offset page that returned `got` rows (null once a page comes back short). */
export function nextCursor(offset: number, limit: number, got: number): string | null {
  return offsetCursor(offset, limit, got === limit)
}
