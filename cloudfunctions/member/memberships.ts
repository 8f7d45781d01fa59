import type { Database } from '../runtime/cloud'
import type { CommunityDoc, MemberDoc } from '../runtime/membership'

/** Members documents that still make someone a member (left and removed ones do not). */
export function isActiveMember(member: Pick<MemberDoc, 'status'>): boolean {
  return !member.status || member.status === 'active'
}

/** A person can belong to only so many communities in one list (the switcher shows them all). */
export const MAX_MEMBERSHIPS = 100

/**
 * Every member document of `openid`, newest first, each with its community: one request (the
 * openid_joinedAt index and a `$lookup`). Ended memberships are included; filter with isActiveMember.
 */
export async function membershipsOf(
  db: Database,
  openid: string,
): Promise<{ member: MemberDoc; community: CommunityDoc | null }[]> {
  const { list } = (await db
    .collection('members')
    .aggregate()
    .match({ openid })
    .sort({ joinedAt: -1 })
    .limit(MAX_MEMBERSHIPS)
    .lookup({ from: 'communities', localField: 'communityId', foreignField: '_id', as: 'community' })
    .end()) as { list: (MemberDoc & { community: CommunityDoc[] })[] }
  return list.map(({ community, ...member }) => ({ member, community: community[0] ?? null }))
}
