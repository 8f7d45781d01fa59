import { memberInputs, type DeleteMeResult } from '../../core/contracts/member'
import { anyoneAction } from '../../runtime/handler'
import { eraseAnswers, eraseMembership } from '../erase'
import { membershipsOf } from '../memberships'

/**
 * Erase me (SPEC §10), after the member typed the confirmation (the input's schema checks it):
 * every membership ended and its personal data erased, ledger rows kept under an anonymous id
 * (member/erase.ts), named answers unnamed, and the caller's current community forgotten.
 */
export default anyoneAction({
  input: memberInputs.deleteMe,
  async run(ctx): Promise<DeleteMeResult> {
    const { db, caller, now } = ctx
    const memberships = await membershipsOf(db, caller.openid)
    let ledgerRowsAnonymised = 0
    for (const { member } of memberships) ledgerRowsAnonymised += await eraseMembership(db, member, now)
    await eraseAnswers(db, caller.openid)
    await db.collection('users').where({ _id: caller.openid }).remove()
    // The caller acts in no community any more.
    ctx.enterCommunity('')
    return { communities: memberships.length, ledgerRowsAnonymised }
  },
})
