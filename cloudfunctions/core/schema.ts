/**
 * The database description: every collection the product uses and its indexes. The local cloud
 * creates these on start; for production, create the same in the cloud console (docs/API.md).
 */
export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export interface CollectionSpec {
  name: string
  indexes: IndexSpec[]
}

export const COLLECTIONS: CollectionSpec[] = [
  {
    name: 'communities',
    indexes: [{ name: 'inviteCode_unique', keys: { inviteCode: 1 }, unique: true }],
  },
  {
    name: 'groups',
    indexes: [
      { name: 'openGId_unique', keys: { openGId: 1 }, unique: true },
      { name: 'communityId', keys: { communityId: 1 } },
    ],
  },
  {
    // _id is `${communityId}_${openid}` (core/community.memberId), so one membership per person.
    name: 'members',
    indexes: [
      { name: 'openid_joinedAt', keys: { openid: 1, joinedAt: -1 } },
      { name: 'communityId_role', keys: { communityId: 1, role: 1 } },
      // Staff search by nickname prefix (points grants and adjustments).
      { name: 'communityId_nickname', keys: { communityId: 1, nickname: 1 } },
      // Who has not acknowledged the current rules version (issue 3).
      { name: 'communityId_rulesAckVersion', keys: { communityId: 1, rulesAckVersion: 1 } },
    ],
  },
  {
    // Append-only points ledger; _id is derived from the source so a source never pays twice.
    name: 'ledger',
    indexes: [{ name: 'community_openid_createdAt', keys: { communityId: 1, openid: 1, createdAt: -1 } }],
  },
  {
    // What a capped rule already paid a member today: `${communityId}:${openid}:${rule}:${dayKey}`.
    name: 'point_caps',
    indexes: [],
  },
  {
    // Level changes, the audit trail and the source of the member's celebration or explanation.
    name: 'level_changes',
    indexes: [{ name: 'community_openid_createdAt', keys: { communityId: 1, openid: 1, createdAt: -1 } }],
  },
  // ── Joining, onboarding and content safety (issue 3) ──
  {
    // _id is `${communityId}_${openid}`: one live join request per person per community.
    name: 'join_requests',
    indexes: [
      { name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } },
      { name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } },
    ],
  },
  {
    // _id is `${communityId}_${openid}`: the last entry-quiz attempt (cool-down after a fail).
    name: 'quiz_attempts',
    indexes: [{ name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } }],
  },
  {
    // _id is the communityId: handbook, rules, join quiz and questionnaire.
    name: 'onboarding_settings',
    indexes: [],
  },
  {
    // _id is `${communityId}:v${version}`; ackCount is kept in the acknowledgement transaction.
    name: 'rules_versions',
    indexes: [{ name: 'community_version', keys: { communityId: 1, version: -1 } }],
  },
  {
    // _id is `${communityId}:v${version}:${openid}`: one acknowledgement per member per version.
    name: 'rules_acks',
    indexes: [{ name: 'community_version_ackedAt', keys: { communityId: 1, version: 1, ackedAt: -1 } }],
  },
  {
    // _id is `${communityId}_${openid}`: the new-member checklist's state.
    name: 'member_onboarding',
    indexes: [],
  },
  {
    // _id is `${communityId}_${openid}`: a member's self-introduction (status visible|held|rejected).
    name: 'intros',
    indexes: [{ name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } }],
  },
  {
    // _id is the communityId: the community's own word list.
    name: 'word_lists',
    indexes: [],
  },
  {
    // _id is `${communityId}:${collection}:${docId}`: member text waiting for an admin.
    name: 'held_content',
    indexes: [{ name: 'community_status_createdAt', keys: { communityId: 1, status: 1, createdAt: -1 } }],
  },
  // ── Check-ins (issue 3) ──
  {
    // _id is `${communityId}:${openid}:${dayKey}` (core/checkin.checkinId): the database itself keeps
    // one check-in per member per community per Asia/Shanghai day.
    name: 'checkins',
    indexes: [
      // The member's calendar: a month of their days.
      { name: 'community_openid_dayKey', keys: { communityId: 1, openid: 1, dayKey: 1 } },
      // The community feed: visible notes, newest first.
      { name: 'community_noteStatus_createdAt', keys: { communityId: 1, noteStatus: 1, createdAt: -1 } },
    ],
  },
  {
    // _id is `${communityId}:${openid}`: streak runs, longest, total, active challenges.
    name: 'checkin_stats',
    indexes: [],
  },
  {
    // _id is `${checkinId}:${openid}`: one like per member per check-in.
    name: 'checkin_likes',
    indexes: [],
  },
  {
    name: 'challenges',
    indexes: [{ name: 'community_startDay', keys: { communityId: 1, startDay: -1 } }],
  },
  {
    // _id is `${challengeId}:${openid}`: a member's part in a challenge.
    name: 'challenge_members',
    indexes: [
      { name: 'challenge_status', keys: { challengeId: 1, status: 1 } },
      { name: 'challenge_lastDay', keys: { challengeId: 1, lastDay: -1 } },
    ],
  },
  // ── Points, ledger and levels (issue 3) ──
  {
    // _id is the communityId: the community's saved rule overrides on top of DEFAULT_POINT_RULES.
    name: 'point_rules',
    indexes: [],
  },
  {
    // Staff actions on points: adjustments, make-up card grants, rule edits. _id is
    // `${communityId}:${kind}:${requestId}` for adjustments and grants, so a retry writes nothing new.
    name: 'audit',
    indexes: [{ name: 'community_createdAt', keys: { communityId: 1, createdAt: -1 } }],
  },
  {
    // Progress of batch jobs, e.g. `levels:<dayKey>` (cursor, counts, done).
    name: 'jobs',
    indexes: [],
  },
  {
    // _id is the openid: which community the person last used.
    name: 'users',
    indexes: [],
  },
]
