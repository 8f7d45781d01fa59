/**
 * A member's public id: random, stored on the member document (`members.publicId`, indexed with the
 * community), and the only name for another member that ever reaches a client. An openid never
 * reaches another member (SPEC §10): where a response names someone else — a feed item, an
 * introduction — it carries this id, and actions that take one (like, feature) resolve it back here.
 */
import { randomBytes } from 'node:crypto'
import { memberId } from '../core/community'
import type { Database } from './cloud'
import { findMany, findOne, inTransaction, txGetOrNull } from './db'

/** 16 url-safe characters (96 random bits): nothing in it says who it is. */
export function newPublicId(): string {
  return randomBytes(12).toString('base64url')
}

/** A public id looks like this; anything else is not one (and finds nobody). */
export const PUBLIC_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/

/**
 * The public ids of these members of a community, by openid. A member stored before public ids
 * existed gets one now, once (a transaction, so two readers cannot give them two).
 */
export async function publicIdsOf(
  db: Database,
  communityId: string,
  openids: string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(openids)]
  const out = new Map<string, string>()
  if (!unique.length) return out
  const _ = db.command
  const rows = await findMany<{ openid: string; publicId?: string }>(
    db
      .collection('members')
      .where({ _id: _.in(unique.map((o) => memberId(communityId, o))) })
      .field({ openid: true, publicId: true })
      .limit(unique.length),
  )
  for (const row of rows) if (row.publicId) out.set(row.openid, row.publicId)
  for (const row of rows)
    if (!row.publicId)
      out.set(
        row.openid,
        await inTransaction(db, async (tx) => {
          const id = memberId(communityId, row.openid)
          const fresh = await txGetOrNull<{ publicId?: string }>(tx, 'members', id)
          if (fresh?.publicId) return fresh.publicId
          const publicId = newPublicId()
          await tx.collection('members').doc(id).update({ data: { publicId } })
          return publicId
        }),
      )
  return out
}

/** The openid behind a public id in this community, or null. */
export async function openidOfPublicId(
  db: Database,
  communityId: string,
  publicId: string,
): Promise<string | null> {
  if (!PUBLIC_ID_PATTERN.test(publicId)) return null
  const row = await findOne<{ openid: string }>(
    db.collection('members').where({ communityId, publicId }).field({ openid: true }),
  )
  return row?.openid ?? null
}
