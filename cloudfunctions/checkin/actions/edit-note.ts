import { checkinInputs, type DayResult } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import { SCENE, screenOrReject } from '../../runtime/moderation'
import { assertMaySpeak } from '../../runtime/speech'
import { changeableCheckin, rewriteTodaysNote } from '../notes'

/**
 * Rewrite today's note. The new text is speech like a new note: refused while muted or in quiet
 * hours, screened, and held for review when the screen says so (an earlier held text leaves the
 * queue). Likes stay with the check-in; a 精选 note cannot change (core/checkin noteChangeRefusal).
 * No ledger row is touched: a check-in pays the same with or without a note.
 */
export default memberAction({
  input: checkinInputs.editNote,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<DayResult> {
    const { community, member } = ctx.membership
    const { id, today } = await changeableCheckin(ctx, input.day)
    await assertMaySpeak(ctx.db, member, ctx.now)
    const note = input.note
    const screened = await screenOrReject(ctx.db, {
      communityId: community._id,
      openid: member.openid,
      text: note,
      scene: SCENE.socialLog,
    })
    const noteStatus = screened.verdict === 'review' ? 'held' : 'visible'
    return rewriteTodaysNote(ctx, { id, day: input.day, today }, { fields: { note, noteStatus }, screened })
  },
})
