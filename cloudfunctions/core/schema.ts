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
  {
    // _id is the openid: which community the person last used.
    name: 'users',
    indexes: [],
  },
]
