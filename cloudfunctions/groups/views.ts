/** Stored groups and their views with member counts. */
import type { GroupView } from '../core/contracts/groups'
import { GROUP_CAPACITY, isNearFull } from '../core/groups'
import type { Database } from '../runtime/cloud'

export interface GroupDoc {
  _id: string
  openGId: string
  communityId: string
  name: string
  boundBy?: string
  boundAt?: Date
}

/** Members who count: those who left or were removed are no longer in a group. */
const GONE = ['left', 'removed']

/** Current members per group id (one aggregate), and how many have no group. */
export async function memberCounts(
  db: Database,
  communityId: string,
): Promise<{ byGroup: Map<string, number>; withoutGroup: number }> {
  const _ = db.command
  const res = (await db
    .collection('members')
    .aggregate()
    .match({ communityId, status: _.nin(GONE) })
    .group({ _id: '$groupId', n: db.command.aggregate.sum(1) })
    .end()) as unknown as { list: { _id: string | null; n: number }[] }
  const byGroup = new Map<string, number>()
  let withoutGroup = 0
  for (const row of res.list) {
    if (row._id) byGroup.set(row._id, row.n)
    else withoutGroup += row.n
  }
  return { byGroup, withoutGroup }
}

export function groupView(doc: GroupDoc, memberCount: number): GroupView {
  return {
    id: doc._id,
    name: doc.name,
    memberCount,
    capacity: GROUP_CAPACITY,
    nearFull: isNearFull(memberCount),
    boundAt: doc.boundAt ? new Date(doc.boundAt).toISOString() : null,
  }
}
