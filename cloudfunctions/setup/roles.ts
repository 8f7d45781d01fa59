/**
 * Role changes. Every change runs in a transaction that reads the roles it decides on (the actor's
 * and the target's, as they are now, not as the call found them) and writes the community document's
 * `teamVersion`, so two role changes in one community never commit on the same snapshot: the later
 * one retries and decides again. That keeps "exactly one owner" and "only the owner makes admins"
 * true under parallel calls.
 */
import { memberId as memberIdOf } from '../core/community'
import { isRanked } from '../core/leaderboard'
import { ROLE_NAMES, type Role } from '../core/roles'
import { roleChangeReason } from '../core/team'
import { writeAudit } from '../runtime/audit'
import { txGetOrNull, type Transaction } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { CommunityDoc, MemberDoc } from '../runtime/membership'

export interface RoleChangeScene {
  tx: Transaction
  communityId: string
  actorOpenid: string
  now: Date
  hideStaff: boolean
}

/** The community, the actor and the target inside the transaction; gone or foreign targets are NOT_FOUND. */
export async function readTeamState(
  scene: RoleChangeScene,
  targetId: string,
): Promise<{ community: CommunityDoc & { teamVersion?: number }; actor: MemberDoc; target: MemberDoc }> {
  const { tx, communityId, actorOpenid } = scene
  const community = await txGetOrNull<CommunityDoc & { teamVersion?: number }>(tx, 'communities', communityId)
  const actor = await txGetOrNull<MemberDoc>(tx, 'members', memberIdOf(communityId, actorOpenid))
  if (!community || !actor || (actor.status && actor.status !== 'active')) return fail('NOT_MEMBER')
  const target = await txGetOrNull<MemberDoc>(tx, 'members', targetId)
  if (!target || target.communityId !== communityId || (target.status && target.status !== 'active'))
    return fail('NOT_FOUND', '找不到这位成员')
  return { community, actor, target }
}

/** Write one member's new role (and title), with its audit row. */
export async function writeRole(
  scene: RoleChangeScene,
  actor: MemberDoc,
  target: MemberDoc,
  role: Role,
  title: string | null,
): Promise<MemberDoc> {
  const { tx, communityId, now } = scene
  await tx
    .collection('members')
    .doc(target._id)
    .update({ data: { role, staffTitle: title, ranked: isRanked(role, scene.hideStaff) } })
  await writeAudit(tx, {
    communityId,
    kind: 'role',
    by: actor.openid,
    byNickname: actor.nickname,
    target: target._id,
    targetNickname: target.nickname,
    amount: null,
    source: `role:${role}`,
    reason: roleChangeReason(ROLE_NAMES[target.role], ROLE_NAMES[role], title),
    requestId: null,
    createdAt: now,
  })
  return { ...target, role, staffTitle: title }
}

/** The community document's version bump that makes parallel role changes conflict. */
export async function bumpTeamVersion(
  scene: RoleChangeScene,
  community: CommunityDoc & { teamVersion?: number },
  extra: Record<string, unknown> = {},
): Promise<void> {
  await scene.tx
    .collection('communities')
    .doc(scene.communityId)
    .update({ data: { teamVersion: (community.teamVersion ?? 0) + 1, ...extra } })
}
