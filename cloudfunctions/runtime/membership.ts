import { memberId } from '../core/community'
import type { Role } from '../core/roles'
import type { Level } from '../core/levels'
import type { Database } from './cloud'
import { getDocOrNull } from './db'

export interface CommunityDoc {
  _id: string
  name: string
  slogan: string
  inviteCode: string
  joinPolicy: 'open' | 'review' | 'quiz'
  memberCount: number
  createdAt: Date
}

export interface MemberDoc {
  _id: string
  communityId: string
  openid: string
  nickname: string
  role: Role
  level: Level
  balance: number
  totalEarned: number
  joinedAt: Date
  /** When the member reached their current level (grace periods count from here). */
  levelSince?: Date
  via: 'group' | 'invite' | 'seed' | 'owner'
  /** The member's opaque public id (runtime/public-id.ts); members stored before it get one when named. */
  publicId?: string
}

export interface UserDoc {
  _id: string
  currentCommunityId: string
  updatedAt: Date
}

export interface Membership {
  community: CommunityDoc
  member: MemberDoc
}

/** The caller's membership in the community they last used, or null if they belong nowhere. */
export async function loadCurrentMembership(db: Database, openid: string): Promise<Membership | null> {
  const user = await getDocOrNull<UserDoc>(db, 'users', openid)
  if (!user) return null
  const [community, member] = await Promise.all([
    getDocOrNull<CommunityDoc>(db, 'communities', user.currentCommunityId),
    getDocOrNull<MemberDoc>(db, 'members', memberId(user.currentCommunityId, openid)),
  ])
  return community && member ? { community, member } : null
}
