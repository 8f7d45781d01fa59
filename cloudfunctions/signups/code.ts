/**
 * The rotating attendance code: HMAC-SHA256(the activity's secret, window) cut to 6 digits
 * (core/signup). The secret is made once per activity, on first use, and stays in `activity_secrets`,
 * which no client reads: a code seen on a photo stops working a window later.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { codeFromDigest } from '../core/signup'
import type { Database } from '../runtime/cloud'
import { getDocOrNull, inTransaction, txGetOrNull } from '../runtime/db'

interface SecretDoc {
  _id: string
  communityId: string
  secret: string
  createdAt: Date
}

export function codeFor(secret: string, window: number): string {
  return codeFromDigest(createHmac('sha256', secret).update(String(window)).digest())
}

/** The activity's secret, made now if it has none (staff showing the code for the first time). */
export async function ensureSecret(
  db: Database,
  activityId: string,
  communityId: string,
  now: Date,
): Promise<string> {
  const saved = await getDocOrNull<SecretDoc>(db, 'activity_secrets', activityId)
  if (saved) return saved.secret
  return inTransaction(db, async (tx) => {
    const again = await txGetOrNull<SecretDoc>(tx, 'activity_secrets', activityId)
    if (again) return again.secret
    const secret = randomBytes(32).toString('hex')
    await tx
      .collection('activity_secrets')
      .doc(activityId)
      .set({ data: { communityId, secret, createdAt: now } })
    return secret
  })
}

/** The secret, or null when no code was ever shown (so no code can be right). */
export async function secretOf(db: Database, activityId: string): Promise<string | null> {
  return (await getDocOrNull<SecretDoc>(db, 'activity_secrets', activityId))?.secret ?? null
}
