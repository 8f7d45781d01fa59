import { directoryInputs, type NotesPage } from '../../core/contracts/directory'
import { accessFor } from '../../core/rights'
import { memberAction } from '../../runtime/handler'
import { notesPage } from '../notes'
import { ownMemberId } from '../roster'

/** A member's private staff notes, newest first. */
export default memberAction({
  input: directoryInputs.notes,
  access: accessFor('members'),
  async run(ctx, input): Promise<NotesPage> {
    const communityId = ctx.membership.community._id
    return notesPage(ctx.db, communityId, ownMemberId(communityId, input.memberId), input.cursor)
  },
})
