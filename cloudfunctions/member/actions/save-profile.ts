import { memberInputs, type MeResult } from '../../core/contracts/member'
import { nameGrams } from '../../core/nickname'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import { acceptImage } from '../../runtime/images'
import { checkNickname } from '../join'
import { communitySummary, memberProfile } from '../profile'

/**
 * A member edits their profile in the community they act in (a nickname is per community, screened
 * against that community's word list). The nickname follows the core rule and screening like a
 * join's; the avatar is an uploaded file accepted by runtime/images. Where the name is copied for
 * speed, it follows: the member's check-ins (the feed shows their name) and mall orders (staff
 * fulfil by name). Audit rows keep the name at the time: they are a record of what happened.
 */
export default memberAction({
  input: memberInputs.saveProfile,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<MeResult> {
    const { db, caller, now, membership } = ctx
    const { community, member } = membership
    const cid = community._id
    if (input.nickname !== undefined) await checkNickname(ctx, cid, input.nickname)
    if (input.avatarFileId)
      await acceptImage(db, {
        communityId: cid,
        openid: caller.openid,
        fileId: input.avatarFileId,
        purpose: 'avatar',
        now,
      })
    const fields: Record<string, unknown> = { profileUpdatedAt: now }
    const renamed = input.nickname !== undefined && input.nickname !== member.nickname
    if (input.nickname !== undefined) {
      fields.nickname = input.nickname
      fields.nameGrams = nameGrams(input.nickname)
    }
    if (input.avatarFileId !== undefined) fields.avatarFileId = input.avatarFileId ?? db.command.remove()
    await db.collection('members').doc(member._id).update({ data: fields })
    if (renamed) {
      const mine = { communityId: cid, openid: caller.openid }
      await Promise.all([
        db
          .collection('checkins')
          .where(mine)
          .update({ data: { nickname: input.nickname } }),
        db
          .collection('mall_orders')
          .where(mine)
          .update({ data: { nickname: input.nickname } }),
      ])
    }
    const saved = {
      ...member,
      ...(input.nickname !== undefined ? { nickname: input.nickname } : {}),
      ...(input.avatarFileId !== undefined ? { avatarFileId: input.avatarFileId ?? undefined } : {}),
    }
    return { community: communitySummary(community, saved), member: memberProfile(saved) }
  },
})
