/** Members as staff manage them on the points pages: one by id, and the pages of their lists. */
import type { Database } from '../runtime/cloud'
import { getDocOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { PointsMember } from '../runtime/ledger'

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
