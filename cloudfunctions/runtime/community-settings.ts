/**
 * A community's settings documents (`<collection>/<communityId>`), as the current call saw them.
 *
 * Why not a per-instance cache with a version stamp: an edit made through another instance is
 * only seen at once if every call reads the stamp, and the stamp's home (the community document)
 * is read in the same request as the membership anyway (runtime/membership.ts, one aggregate with
 * `$lookup`s). Joining these small documents into that request costs no request at all, is never
 * stale, and needs no stamp that every writer (actions, seeds, tests, admin tools) must remember
 * to bump. So the "cache" lives for one call: the handler runs the action inside
 * `withCommunitySettings`, and the readers below answer from it without a request. A call that
 * asks about another community, or runs outside a call (jobs), reads the database as before.
 * Reads inside a transaction never come from here (they must see the latest write).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Database } from './cloud'
import { getDocOrNull } from './db'

/** The settings collections joined into the membership read, keyed by community id. */
export const JOINED_SETTINGS = [
  'point_rules',
  'reward_ceilings',
  'rank_settings',
  'sanction_settings',
  'word_lists',
] as const
export type JoinedSettings = (typeof JOINED_SETTINGS)[number]

export interface SettingsSnapshot {
  communityId: string
  /** Each collection's document for the community, or null when it has none (the defaults apply). */
  docs: Record<JoinedSettings, object | null>
}

const current = new AsyncLocalStorage<SettingsSnapshot | null>()

/** Run `work` with the settings the call's membership read returned. */
export function withCommunitySettings<T>(
  snapshot: SettingsSnapshot | null,
  work: () => Promise<T>,
): Promise<T> {
  return current.run(snapshot, work)
}

/** The community's settings document: from this call's membership read when it has it, else one read. */
export async function readCommunitySettings<T>(
  db: Database,
  collection: JoinedSettings,
  communityId: string,
): Promise<(T & { _id: string }) | null> {
  const snapshot = current.getStore()
  // A copy, as a read would give: a caller that changes what it got changes nothing else.
  if (snapshot && snapshot.communityId === communityId)
    return structuredClone(snapshot.docs[collection]) as (T & { _id: string }) | null
  return getDocOrNull<T>(db, collection, communityId)
}
