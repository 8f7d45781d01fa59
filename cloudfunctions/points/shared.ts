/** What several `points` actions share: views of stored rows, cursors, loading a target member. */
import { LEVEL_NAMES, type Level } from '../core/levels'
import type { LevelChangeView } from '../core/contracts/points'
import type { Database } from '../runtime/cloud'
import { getDocOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { PointsMember } from '../runtime/ledger'

export type { AuditDoc } from '../runtime/audit'

export interface LevelChangeDoc {
  _id: string
  communityId: string
  openid: string
  kind: 'promote' | 'demote' | 'dormant'
  from: Level
  to: Level
  reason: string
  seen: boolean
  createdAt: Date
}

export function levelChangeView(doc: LevelChangeDoc): LevelChangeView {
  return {
    id: doc._id,
    kind: doc.kind,
    from: doc.from,
    to: doc.to,
    fromName: LEVEL_NAMES[doc.from],
    toName: LEVEL_NAMES[doc.to],
    reason: doc.reason,
    createdAt: new Date(doc.createdAt).toISOString(),
  }
}

/** A member of the caller's community, by member id; anything else is NOT_FOUND. */
export async function targetMember(
  db: Database,
  communityId: string,
  memberId: string,
): Promise<PointsMember> {
  const member = await getDocOrNull<PointsMember>(db, 'members', memberId)
  if (!member || member.communityId !== communityId) return fail('NOT_FOUND', '找不到这位成员')
  return member
}

export const DEFAULT_PAGE = 20
