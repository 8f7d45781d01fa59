import { checkinInputs, type DayResult, type NoteStatus } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { recordActivity } from '../../runtime/activity'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { holdInTransaction } from '../../runtime/moderation'
import { changeableCheckin, dayResult } from '../notes'
import type { CheckinDoc } from '../records'

/**
 * Take today's note and photos down. The check-in stays, and with it the day, the streak and the
 * points it paid (no ledger row is touched); the note leaves the feed, a held text leaves the queue.
 * Taking one's own words down is not speech, so a mute or quiet hours do not stop it.
 */
export default memberAction({
  input: checkinInputs.deleteNote,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<DayResult> {
    const { community, member } = ctx.membership
    const communityId = community._id
    const openid = member.openid
    const { id, today } = await changeableCheckin(ctx, input.day)
    const now = ctx.now
    const doc = await inTransaction(ctx.db, async (tx) => {
      const found = await txGetOrNull<CheckinDoc>(tx, 'checkins', id)
      if (!found) return fail('NOT_FOUND')
      if (found.featured) return fail('NOTE_FEATURED')
      const noteStatus: NoteStatus = 'none'
      await tx
        .collection('checkins')
        .doc(id)
        .update({ data: { note: '', photos: [], photoStatus: [], noteStatus, editedAt: now } })
      // A clean 'pass' on a rewrite takes a still held text of this check-in out of the queue.
      await holdInTransaction(
        tx,
        { verdict: 'pass', heldBy: 'words' },
        {
          communityId,
          openid,
          kind: 'checkin_note',
          collection: 'checkins',
          docId: id,
          text: '',
          rewrite: true,
          now,
        },
      )
      await recordActivity(tx, {
        communityId,
        openid,
        now,
        active: true,
        add: { notes: found.note ? -1 : 0 },
      })
      return { ...found, note: '', photos: [], photoStatus: [], noteStatus }
    })
    return dayResult(doc, input.day, today)
  },
})
