import type { CheckinState } from '../core/checkin'
import { memberId } from '../core/community'
import type { Role } from '../core/roles'
import type { Level } from '../core/levels'
import type { Database } from './cloud'
import { JOINED_SETTINGS, type JoinedSettings, type SettingsSnapshot } from './community-settings'
import { getDocOrNull } from './db'

export interface CommunityDoc {
  _id: string
  name: string
  slogan: string
  inviteCode: string
  joinPolicy: 'open' | 'review' | 'quiz'
  memberCount: number
  createdAt: Date
  /** Cloud file ID of the logo (issue 11; uploaded through storage and media-checked). */
  logoFileId?: string
  /** The owner's openid (issue 11: creation and ownership transfer keep it true). */
  ownerOpenid?: string
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
  /** Substring-search keys of the nickname (core/nickname#nameGrams); kept with every nickname write. */
  nameGrams?: string[]
  /** Cloud file ID of the avatar chosen through 头像昵称填写. */
  avatarFileId?: string
  /** Absent means active. Left and removed members keep their document (ledger, churn) but are no member. */
  status?: 'active' | 'left' | 'removed'
  /** When the member left or was removed. */
  endedAt?: Date
  /** Muted by the violations ladder until this moment: no member text anywhere before it. */
  mutedUntil?: Date
  /** Organiser title (内容官 / 活动官 / 数据官); null once dismissed or moved to another role. */
  staffTitle?: string | null
  /** The WeChat group (groups._id) the member joined from. */
  groupId?: string
  /** The activity whose share card brought them (member join; the activity review counts them). */
  joinedViaActivity?: string
  /** The week (Monday's day key) whose `member_activity` doc exists for them (runtime/activity.ts). */
  activityWeek?: string
  /**
   * Streak runs, longest, total and active challenges (checkin/records.ts checkinStateOf reads it), so
   * a check-in reads and writes its state with the member; absent until the first checked day.
   */
  checkinState?: CheckinState
}

/** Whether a member document is a current membership (absent status: active, as before issue 11). */
export function isActive(member: Pick<MemberDoc, 'status'>): boolean {
  return !member.status || member.status === 'active'
}

/** The `where` condition that keeps only current members (a missing status matches too). */
export function activeCondition(db: Database): { status: unknown } {
  return { status: db.command.nin(['left', 'removed']) }
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

/** A membership read: the membership, and the community's settings documents it joined. */
export interface MembershipRead {
  membership: Membership
  settings: SettingsSnapshot
}

type JoinedMember = MemberDoc & { community: CommunityDoc[] } & Record<JoinedSettings, object[]>

/**
 * The caller's membership in `communityId`, in ONE request: the member document by id, with its
 * community and the community's settings documents joined by `$lookup` (runtime/community-settings.ts
 * says why a join and not a cache). Null when the caller is not a member there.
 */
export async function loadMembership(
  db: Database,
  openid: string,
  communityId: string,
): Promise<MembershipRead | null> {
  let pipeline = db
    .collection('members')
    .aggregate()
    .match({ _id: memberId(communityId, openid) })
    .lookup({ from: 'communities', localField: 'communityId', foreignField: '_id', as: 'community' })
  for (const from of JOINED_SETTINGS)
    pipeline = pipeline.lookup({ from, localField: 'communityId', foreignField: '_id', as: from })
  const { list } = (await pipeline.limit(1).end()) as { list: JoinedMember[] }
  const row = list[0]
  // The id is built from the community and the caller; check both, whatever the id's characters.
  if (!row || row.openid !== openid || row.communityId !== communityId || !row.community[0]) return null
  // Someone who left or was removed keeps their document (ledger, churn) but is no member.
  if (!isActive(row)) return null
  const { community, point_rules, reward_ceilings, rank_settings, sanction_settings, word_lists, ...member } =
    row
  return {
    membership: { community: community[0], member },
    settings: {
      communityId,
      docs: {
        point_rules: point_rules[0] ?? null,
        reward_ceilings: reward_ceilings[0] ?? null,
        rank_settings: rank_settings[0] ?? null,
        sanction_settings: sanction_settings[0] ?? null,
        word_lists: word_lists[0] ?? null,
      },
    },
  }
}

/**
 * The caller's membership when the call names no community (`_community`): the community they last
 * used (`users/<openid>.currentCommunityId`), or null if they belong nowhere. Two requests.
 */
export async function loadCurrentMembership(db: Database, openid: string): Promise<MembershipRead | null> {
  const user = await getDocOrNull<UserDoc>(db, 'users', openid)
  return user ? loadMembership(db, openid, user.currentCommunityId) : null
}
