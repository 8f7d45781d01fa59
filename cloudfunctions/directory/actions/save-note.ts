import { directoryInputs, type StaffNote } from '../../core/contracts/directory'
import { accessFor } from '../../core/rights'
import { SCENE } from '../../runtime/content-check'
import { getDocOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import type { MemberDoc } from '../../runtime/membership'
import { screenStaffText } from '../../runtime/moderation'
import type { MemberNoteDoc } from '../notes'
import { ownMemberId } from '../roster'

/** A private note on a member. Staff text: screened first, anything but a clean pass is refused. */
export default memberAction({
  input: directoryInputs.saveNote,
  access: accessFor('members'),
  async run(ctx, input): Promise<StaffNote> {
    const { db, membership, caller, now } = ctx
    const communityId = membership.community._id
    const memberId = ownMemberId(communityId, input.memberId)
    const member = await getDocOrNull<MemberDoc>(db, 'members', memberId)
    if (!member || member.communityId !== communityId) return fail('NOT_FOUND')
    await screenStaffText(db, {
      communityId,
      openid: caller.openid,
      scene: SCENE.profile,
      what: '备注',
      texts: [input.text],
    })
    const note: Omit<MemberNoteDoc, '_id'> = {
      communityId,
      memberId,
      text: input.text,
      by: caller.openid,
      byNickname: membership.member.nickname,
      createdAt: now,
    }
    const res = (await db.collection('member_notes').add({ data: note })) as { _id: string }
    return { id: res._id, text: note.text, byNickname: note.byNickname, createdAt: now.toISOString() }
  },
})
