import { setupInputs, type SetupOutputs } from '../../core/contracts/setup'
import { accessFor } from '../../core/rights'
import { AppError, isDuplicateKey } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { unusedInviteCode } from '../community'

/**
 * A new invite code for the community. Joining looks the code up on the community document, so the
 * old code finds nothing from the moment this write lands. Personal invite links carry the code too:
 * they stop working with it, which is the point of a reset.
 */
export default memberAction({
  input: setupInputs.resetInvite,
  access: accessFor('settings'),
  async run(ctx): Promise<SetupOutputs['resetInvite']> {
    const { db, membership } = ctx
    for (let attempt = 0; ; attempt++) {
      const inviteCode = await unusedInviteCode(db)
      try {
        await db.collection('communities').doc(membership.community._id).update({ data: { inviteCode } })
        return { inviteCode }
      } catch (err) {
        if (!(err instanceof AppError) && isDuplicateKey(err) && attempt < 3) continue
        throw err
      }
    }
  },
})
