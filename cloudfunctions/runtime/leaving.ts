/**
 * A membership ends (SPEC §9): the member leaves, or staff remove them. The member document stays
 * (ledger, churn) with `status` and `endedAt`; the person is no member from then on (loadMembership),
 * is off the boards (`ranked: false`) and the tier lists (`tier: null`, `silent: false`; the weekly
 * score skips them), holds no staff role, and the community's memberCount drops by one. A removal
 * also opens a task for a human admin, since a mini-program cannot remove anyone from a WeChat group.
 */
import type { Transaction } from './db'
import { txGetOrNull } from './db'
import { fail } from './errors'
import { isActive, type CommunityDoc, type MemberDoc } from './membership'

export interface RemovalTaskDoc {
  _id: string
  communityId: string
  memberId: string
  openid: string
  nickname: string
  reason: string
  status: 'open' | 'done'
  createdAt: Date
  createdBy: string
  doneAt?: Date
  doneBy?: string
}

/** End `memberDocId`'s membership in `tx`; a removal returns its task. Refuses a member who is gone. */
export async function endMembership(
  tx: Transaction,
  input: { memberDocId: string; status: 'left' | 'removed'; now: Date; by: string; reason?: string },
): Promise<{ member: MemberDoc; task: RemovalTaskDoc | null }> {
  const member = await txGetOrNull<MemberDoc>(tx, 'members', input.memberDocId)
  if (!member || !isActive(member)) return fail('NOT_FOUND', '这位成员已经不在社群里了')
  const community = await txGetOrNull<CommunityDoc>(tx, 'communities', member.communityId)
  await tx
    .collection('members')
    .doc(member._id)
    .update({
      data: {
        status: input.status,
        endedAt: input.now,
        role: 'member',
        ranked: false,
        tier: null,
        silent: false,
      },
    })
  if (community)
    await tx
      .collection('communities')
      .doc(community._id)
      .update({ data: { memberCount: Math.max(0, community.memberCount - 1) } })
  if (input.status !== 'removed') return { member, task: null }
  const task: RemovalTaskDoc = {
    _id: `${member._id}:${input.now.getTime()}`,
    communityId: member.communityId,
    memberId: member._id,
    openid: member.openid,
    nickname: member.nickname,
    reason: input.reason ?? '',
    status: 'open',
    createdAt: input.now,
    createdBy: input.by,
  }
  const { _id, ...fields } = task
  await tx.collection('removal_tasks').doc(_id).set({ data: fields })
  return { member, task }
}
