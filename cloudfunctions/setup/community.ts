/** What the setup actions share: the owner's view of the community, fresh invite codes, owned counts. */
import { randomBytes } from 'node:crypto'
import { INVITE_CODE_LENGTH, inviteCodeFrom } from '../core/community'
import type { CommunityProfile, StaffEntry } from '../core/contracts/setup'
import { ROLE_NAMES } from '../core/roles'
import type { Database } from '../runtime/cloud'
import { findOne, txGetOrNull, type Transaction } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { CommunityDoc, MemberDoc } from '../runtime/membership'
import { policyOf } from '../runtime/onboarding'

/** `owners/<openid>`: the communities a person owns, the lock that keeps the cap under races. */
export interface OwnerDoc {
  _id: string
  communityIds: string[]
  updatedAt: Date
}

export function profileOf(community: CommunityDoc): CommunityProfile {
  return {
    id: community._id,
    name: community.name,
    slogan: community.slogan,
    logoFileId: community.logoFileId ?? null,
    inviteCode: community.inviteCode,
    joinPolicy: policyOf(community),
    memberCount: community.memberCount,
  }
}

export function staffEntry(member: MemberDoc, viewerOpenid: string): StaffEntry {
  return {
    memberId: member._id,
    nickname: member.nickname,
    role: member.role,
    roleName: ROLE_NAMES[member.role],
    title: member.role === 'organiser' ? (member.staffTitle ?? null) : null,
    isMe: member.openid === viewerOpenid,
  }
}

/**
 * An invite code no community uses now. The unique index on `communities.inviteCode` is the final
 * guard: a code drawn twice at the same moment makes one write fail, and the caller draws again.
 */
export async function unusedInviteCode(db: Database): Promise<string> {
  for (let tries = 0; tries < 5; tries++) {
    const code = inviteCodeFrom(randomBytes(INVITE_CODE_LENGTH))
    if (!(await findOne(db.collection('communities').where({ inviteCode: code })))) return code
  }
  return fail('INTERNAL')
}

export async function ownedIn(tx: Transaction, openid: string): Promise<string[]> {
  return (await txGetOrNull<OwnerDoc>(tx, 'owners', openid))?.communityIds ?? []
}

export async function setOwned(
  tx: Transaction,
  openid: string,
  communityIds: string[],
  now: Date,
): Promise<void> {
  await tx
    .collection('owners')
    .doc(openid)
    .set({ data: { communityIds, updatedAt: now } })
}
