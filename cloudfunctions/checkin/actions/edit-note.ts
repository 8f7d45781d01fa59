import { checkinInputs, type DayResult, type NoteStatus } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { recordActivity } from '../../runtime/activity'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { holdInTransaction, SCENE, screenOrReject } from '../../runtime/moderation'
import { assertMaySpeak } from '../../runtime/speech'
import { changeableCheckin, dayResult } from '../notes'
import type { CheckinDoc } from '../records'

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
    const communityId = community._id
    const openid = member.openid
    const { id, today } = await changeableCheckin(ctx, input.day)
    await assertMaySpeak(ctx.db, member, ctx.now)
    const note = input.note
    const screened = await screenOrReject(ctx.db, { communityId, openid, text: note, scene: SCENE.socialLog })
    const noteStatus: NoteStatus = screened.verdict === 'review' ? 'held' : 'visible'
    const now = ctx.now
    const doc = await inTransaction(ctx.db, async (tx) => {
      const found = await txGetOrNull<CheckinDoc>(tx, 'checkins', id)
      if (!found) return fail('NOT_FOUND')
      if (found.featured) return fail('NOTE_FEATURED')
      await tx
        .collection('checkins')
        .doc(id)
        .update({ data: { note, noteStatus, editedAt: now } })
      await holdInTransaction(tx, screened, {
        communityId,
        openid,
        kind: 'checkin_note',
        collection: 'checkins',
        docId: id,
        text: note,
        textField: 'note',
        statusField: 'noteStatus',
        rewrite: true,
        now,
      })
      // The week's note count follows whether the check-in has a note at all.
      await recordActivity(tx, { communityId, openid, now, active: true, add: { notes: found.note ? 0 : 1 } })
      return { ...found, note, noteStatus }
    })
    return dayResult(doc, input.day, today)
  },
})
