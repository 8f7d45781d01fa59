import { groupsInputs } from '../../core/contracts/groups'
import { accessFor } from '../../core/rights'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import type { GroupDoc } from '../views'

/**
 * Unbind a group: its share cards stop admitting people (GROUP_NOT_BOUND). Members keep their
 * membership; the group they joined from stays on their record.
 */
export default memberAction({
  input: groupsInputs.unbind,
  access: accessFor('groups'),
  async run(ctx, input): Promise<{ unbound: boolean }> {
    const { db, membership } = ctx
    return inTransaction(db, async (tx) => {
      const found = await txGetOrNull<GroupDoc>(tx, 'groups', input.groupId)
      if (!found || found.communityId !== membership.community._id) return fail('NOT_FOUND', '找不到这个群')
      await tx.collection('groups').doc(input.groupId).remove()
      return { unbound: true }
    })
  },
})
