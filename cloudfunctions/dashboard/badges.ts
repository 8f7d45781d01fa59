/**
 * Pending work, counted for the 管理 tab and each tool. ONE table: each badge names the right a role
 * needs to act on it and the count query that answers it. Another feature plugs its own pending work
 * in by adding a row (the square's reports: `reports`).
 */
import type { BadgeKey } from '../core/contracts/dashboard'
import { can, canSeeDashboard, type Right } from '../core/rights'
import type { Role } from '../core/roles'
import { shanghaiDayKey, shanghaiDayStart, addDays } from '../core/time'
import type { Database } from '../runtime/cloud'

export interface BadgeSource {
  key: BadgeKey
  /** Who sees it: a right, or the dashboard's own rule. */
  right: Right
  collection: string
  where(db: Database, communityId: string, now: Date): Record<string, unknown>
}

export const BADGE_SOURCES: BadgeSource[] = [
  {
    key: 'alerts',
    right: 'dashboard',
    collection: 'alerts',
    where: (_db, cid) => ({ communityId: cid, status: 'open' }),
  },
  {
    key: 'joinRequests',
    right: 'joinReviews',
    collection: 'join_requests',
    where: (db, cid, now) => ({ communityId: cid, status: 'pending', expiresAt: db.command.gt(now) }),
  },
  {
    key: 'heldContent',
    right: 'moderation',
    collection: 'held_content',
    // What screening held; what members' reports hid is the `reports` badge (no item counted twice).
    where: (db, cid) => ({ communityId: cid, status: 'held', heldBy: db.command.neq('reports') }),
  },
  {
    key: 'orders',
    right: 'mall',
    collection: 'mall_orders',
    where: (_db, cid) => ({ communityId: cid, status: 'pending' }),
  },
  // The square's reports (issue 13): posts and replies that enough members reported wait in the
  // moderation queue, hidden, until staff decide (square/reactions.ts holds them with heldBy 'reports').
  {
    key: 'reports',
    right: 'moderation',
    collection: 'held_content',
    where: (_db, cid) => ({ communityId: cid, status: 'held', heldBy: 'reports' }),
  },
  {
    key: 'sopTasks',
    right: 'activities',
    collection: 'activity_tasks',
    // Due today or overdue, as the SOP task list shows them.
    where: (db, cid, now) => ({
      communityId: cid,
      state: 'open',
      auto: db.command.neq(true),
      dueAt: db.command.lt(shanghaiDayStart(addDays(shanghaiDayKey(now), 1))),
    }),
  },
]

export function visibleBadges(role: Role, staffTitle?: string | null): BadgeSource[] {
  return BADGE_SOURCES.filter((b) =>
    b.right === 'dashboard' ? canSeeDashboard(role, staffTitle) : can(role, b.right),
  )
}
