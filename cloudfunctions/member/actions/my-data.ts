import { memberInputs, type MyData } from '../../core/contracts/member'
import { anyoneAction } from '../../runtime/handler'
import { membershipsOf } from '../memberships'
import { gatherOwnData } from '../own-data'

/**
 * Everything the product holds about the caller (SPEC §10), in every community they belong or
 * belonged to: profile, memberships, ledger, orders, check-ins, named survey answers, intros, join
 * requests and violations. Reads only; about ten requests, most in parallel.
 */
export default anyoneAction({
  input: memberInputs.myData,
  async run(ctx): Promise<MyData> {
    const memberships = await membershipsOf(ctx.db, ctx.caller.openid)
    const sections = await gatherOwnData(ctx.db, ctx.caller.openid, memberships, ctx.now)
    return { at: ctx.now.toISOString(), sections }
  },
})
