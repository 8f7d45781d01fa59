import { checkinInputs, type DayResult } from '../../core/contracts/checkin'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import { changeableCheckin, rewriteTodaysNote } from '../notes'

/**
 * Take today's note and photos down. The check-in stays, and with it the day, the streak and the
 * points it paid (no ledger row is touched); the note leaves the feed, a held text leaves the queue
 * (a clean 'pass' on a rewrite does that). Taking one's own words down is not speech, so a mute or
 * quiet hours do not stop it.
 */
export default memberAction({
  input: checkinInputs.deleteNote,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<DayResult> {
    const { id, today } = await changeableCheckin(ctx, input.day)
    return rewriteTodaysNote(
      ctx,
      { id, day: input.day, today },
      {
        fields: { note: '', photos: [], photoStatus: [], noteStatus: 'none' },
        screened: { verdict: 'pass', heldBy: 'words' },
      },
    )
  },
})
