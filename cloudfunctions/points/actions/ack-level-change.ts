import { pointsInputs } from '../../core/contracts/points'
import { EVERY_MEMBER } from '../../core/roles'
import { getDocOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { type LevelChangeDoc } from '../level-changes'

/** The member has seen a level change (the celebration is shown once). */
export default memberAction({
  input: pointsInputs.ackLevelChange,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<{ acknowledged: boolean }> {
    const { db, membership } = ctx
    const change = await getDocOrNull<LevelChangeDoc>(db, 'level_changes', input.id)
    if (
      !change ||
      change.communityId !== membership.community._id ||
      change.openid !== membership.member.openid
    )
      return fail('NOT_FOUND')
    if (change.seen) return { acknowledged: false }
    await db
      .collection('level_changes')
      .doc(input.id)
      .update({ data: { seen: true } })
    return { acknowledged: true }
  },
})
