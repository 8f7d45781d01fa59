import { defaultNickname, memberId } from '../core/community'
import type { JoinResult } from '../core/contracts/member'
import { levelFor } from '../core/levels'
import type { ActionContext } from '../runtime/handler'
import { checkText, SCENE } from '../runtime/content-check'
import { fail } from '../runtime/errors'
import { inTransaction, txGetOrNull } from '../runtime/db'
import type { CommunityDoc, MemberDoc } from '../runtime/membership'
import { communitySummary, memberProfile } from './profile'

/**
 * Put the caller in `community` (or find them already there) and make it their current one.
 * The member row, the member count and the user's current community change in one transaction.
 */
export async function joinCommunity(
  ctx: ActionContext,
  community: CommunityDoc,
  via: MemberDoc['via'],
  nickname?: string,
): Promise<JoinResult> {
  const { db, caller, now } = ctx
  // Content checks call the platform, so they run before the transaction, never inside it.
  if (nickname) {
    const verdict = await checkText(nickname, { openid: caller.openid, scene: SCENE.profile })
    if (verdict !== 'pass') fail('CONTENT_RISKY', '昵称包含不适宜的内容，请换一个')
  }
  const id = memberId(community._id, caller.openid)
  const result = await inTransaction(db, async (tx) => {
    const existing = await txGetOrNull<MemberDoc>(tx, 'members', id)
    const communityNow = await txGetOrNull<CommunityDoc>(tx, 'communities', community._id)
    if (!communityNow) return fail('NOT_FOUND')
    let member: MemberDoc
    if (existing) {
      member = existing
    } else {
      member = {
        _id: id,
        communityId: community._id,
        openid: caller.openid,
        nickname: nickname ?? defaultNickname(caller.openid),
        role: 'member',
        level: levelFor(0),
        balance: 0,
        totalEarned: 0,
        joinedAt: now,
        via,
      }
      const { _id, ...fields } = member
      await tx.collection('members').doc(_id).set({ data: fields })
      await tx
        .collection('communities')
        .doc(community._id)
        .update({ data: { memberCount: communityNow.memberCount + 1 } })
      communityNow.memberCount += 1
    }
    await tx
      .collection('users')
      .doc(caller.openid)
      .set({ data: { currentCommunityId: community._id, updatedAt: now } })
    return { member, community: communityNow, alreadyMember: !!existing }
  })
  const { member, community: joined, alreadyMember } = result
  return { community: communitySummary(joined, member), member: memberProfile(member), alreadyMember }
}
