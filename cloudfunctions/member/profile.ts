import { defaultNickname } from '../core/community'
import { LEVEL_NAMES } from '../core/levels'
import { isStaff } from '../core/rights'
import { ROLE_NAMES } from '../core/roles'
import type { CommunitySummary, MemberProfile } from '../core/contracts/member'
import type { CommunityDoc, MemberDoc } from '../runtime/membership'

/** What a member may see of their community; staff also get the invite code to share. */
export function communitySummary(community: CommunityDoc, viewer: MemberDoc): CommunitySummary {
  const summary: CommunitySummary = {
    id: community._id,
    name: community.name,
    slogan: community.slogan,
    memberCount: community.memberCount,
  }
  if (isStaff(viewer.role)) summary.inviteCode = community.inviteCode
  return summary
}

export function memberProfile(member: MemberDoc & { title?: string | null }): MemberProfile {
  return {
    nickname: member.nickname,
    role: member.role,
    roleName: ROLE_NAMES[member.role],
    level: member.level,
    levelName: LEVEL_NAMES[member.level],
    balance: member.balance,
    totalEarned: member.totalEarned,
    joinedAt: new Date(member.joinedAt).toISOString(),
    title: member.title ?? null,
    avatarFileId: member.avatarFileId ?? null,
    defaultNickname: member.nickname === defaultNickname(member.openid),
  }
}
