/**
 * Synthetic data for the benches, written through the real SDK. Communities and the few members a
 * bench calls as come from test/support/fixtures (addCommunity, addMember); large member sets are
 * bulk-added here, shaped as the member function writes them.
 */
import type { SdkDatabase } from '../../test/support/local-cloud'

/** Run `work(0..total-1)` with at most `inFlight` calls at a time. */
export async function inParallel(
  total: number,
  inFlight: number,
  work: (i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) await work(next++)
    }),
  )
}

/**
 * Add `count` documents made by `make(i)` (null: none for that i) to `collection`, `perRequest` to an
 * add request with `inFlight` requests at a time.
 */
export async function bulkAdd(
  db: SdkDatabase,
  collection: string,
  count: number,
  make: (i: number) => object | null,
  { perRequest, inFlight }: { perRequest: number; inFlight: number },
): Promise<void> {
  await inParallel(Math.ceil(count / perRequest), inFlight, async (b) => {
    const docs: object[] = []
    for (let i = b * perRequest; i < Math.min(count, (b + 1) * perRequest); i++) {
      const doc = make(i)
      if (doc) docs.push(doc)
    }
    if (docs.length) await db.collection(collection).add({ data: docs as unknown as object })
  })
}

/** The openid of synthetic member `i` of a bulk-added community. */
export const syntheticOpenid = (communityId: string, i: number) =>
  `${communityId}-${String(i).padStart(6, '0')}`

/** Synthetic member `i` (a plain 新手 member with no points) plus the bench's own fields. */
export function syntheticMember(communityId: string, i: number, joinedAt: Date, extra: object = {}): object {
  const openid = syntheticOpenid(communityId, i)
  return {
    _id: `${communityId}_${openid}`,
    communityId,
    openid,
    nickname: `成员${i}`,
    role: 'member',
    level: 'newcomer',
    balance: 0,
    totalEarned: 0,
    joinedAt,
    via: 'seed',
    ...extra,
  }
}
