import { pointsInputs } from '../../core/contracts/points'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import type { PointsMember } from '../../runtime/ledger'
import { recordVisit } from '../visit'

export default memberAction({
  input: pointsInputs.touch,
  access: EVERY_MEMBER,
  async run(ctx): Promise<{ recorded: boolean }> {
    const { membership, db, now } = ctx
    return { recorded: await recordVisit(db, membership.member as PointsMember, now) }
  },
})
