/**
 * Reading the directory's members. A search asks the multikey index (communityId, nameGrams) for
 * members holding all the query's grams (core/nickname#queryGrams), then checks the substring
 * exactly; filters and chip counts are worked out over those matches in memory, so a search is one
 * request at 1,000 members or 100,000. Without a query, a community of up to 1,000 is read whole
 * the same way; a bigger one is paged by the database with the filters as conditions, plus a count.
 */
import type { DirectoryMember } from '../core/contracts/directory'
import { MEMBER_STATUS_NAMES, statusesOf, type DirectoryFacts, type DirectoryFilter } from '../core/directory'
import { LEVEL_NAMES } from '../core/levels'
import { queryGrams } from '../core/nickname'
import { ROLE_NAMES } from '../core/roles'
import { TIER_NAMES } from '../core/value-score'
import type { Database } from '../runtime/cloud'
import { fail } from '../runtime/errors'
import type { MemberDoc } from '../runtime/membership'
import type { ScoreMemberFields } from '../score/score-view'

/** The most members one read returns (the SDK's ceiling); a search reads its matches in one go. */
export const READ_MAX = 1000

export type DirectoryDoc = MemberDoc &
  ScoreMemberFields &
  DirectoryFacts & { tags?: string[]; dormantSince?: Date | null; lastActiveAt?: Date }

/** What the list and the exports need, and not the rest (counters, invite refs…). */
export const LIST_FIELDS = {
  _id: true,
  nickname: true,
  role: true,
  level: true,
  tier: true,
  tags: true,
  status: true,
  mutedUntil: true,
  dormantSince: true,
  silent: true,
  balance: true,
  totalEarned: true,
  joinedAt: true,
  publicId: true,
  lastActiveAt: true,
}

/** Newest joiners first, then by id, so pages are stable. */
export function byJoined(a: DirectoryDoc, b: DirectoryDoc): number {
  return new Date(b.joinedAt).getTime() - new Date(a.joinedAt).getTime() || (a._id < b._id ? -1 : 1)
}

/** The `where` for a search's candidates: the community, and every gram of the query when there is one. */
export function gramsWhere(db: Database, communityId: string, query: string | undefined): object {
  const grams = query ? queryGrams(query) : []
  return grams.length ? { communityId, nameGrams: db.command.all(grams) } : { communityId }
}

/** The filters as database conditions (for pages the database serves). */
export function filterWhere(db: Database, filter: DirectoryFilter, now: Date): Record<string, unknown> {
  const _ = db.command
  const where: Record<string, unknown> = {}
  if (filter.level) where.level = filter.level
  if (filter.tier) where.tier = filter.tier
  if (filter.role) where.role = filter.role
  if (filter.tag) where.tags = filter.tag
  const status = filter.status ?? 'active'
  if (status === 'left' || status === 'removed') where.status = status
  else {
    where.status = _.nin(['left', 'removed'])
    if (status === 'muted') where.mutedUntil = _.gt(now)
    if (status === 'dormant') where.dormantSince = _.neq(null)
    if (status === 'silent') where.silent = true
  }
  return where
}

export function listItem(m: DirectoryDoc, now: Date): DirectoryMember {
  return {
    memberId: m._id,
    nickname: m.nickname,
    role: m.role,
    roleName: ROLE_NAMES[m.role],
    level: m.level,
    levelName: LEVEL_NAMES[m.level],
    tierName: m.tier ? TIER_NAMES[m.tier] : null,
    tags: m.tags ?? [],
    statuses: statusesOf(m, now)
      .filter((s) => s !== 'active')
      .map((key) => ({ key, name: MEMBER_STATUS_NAMES[key] })),
    balance: m.balance,
    totalEarned: m.totalEarned,
    joinedAt: new Date(m.joinedAt).toISOString(),
  }
}

/** A member of the caller's community by id; another community's member is as good as missing. */
export function ownMemberId(communityId: string, memberId: string): string {
  if (!memberId.startsWith(`${communityId}_`)) return fail('NOT_FOUND')
  return memberId
}
