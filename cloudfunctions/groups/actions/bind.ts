import { createHash } from 'node:crypto'
import { groupsInputs, type BindResult } from '../../core/contracts/groups'
import { accessFor } from '../../core/rights'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { openGIdOfShare } from '../../runtime/group-share'
import { memberAction } from '../../runtime/handler'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { groupView, type GroupDoc } from '../views'

/** One group row per WeChat group, whatever community asks: the id comes from the openGId. */
const groupIdOf = (openGId: string) => `g_${createHash('sha256').update(openGId).digest('hex').slice(0, 24)}`

/**
 * 绑定本群: staff opened the mini-program from a share card inside the group. Only the platform's
 * decryption of the card's CloudID names the group. A group belongs to one community; binding it
 * again to the same community renames it.
 */
export default memberAction({
  input: groupsInputs.bind,
  access: accessFor('groups'),
  async run(ctx, input): Promise<BindResult> {
    const { db, membership, caller, now } = ctx
    const communityId = membership.community._id
    const openGId = await openGIdOfShare(input.groupShare.cloudID)
    if (!openGId) return fail('GROUP_SHARE_EXPIRED')
    await screenStaffText(db, {
      communityId,
      openid: caller.openid,
      scene: SCENE.profile,
      what: '群名称',
      texts: [input.name],
    })
    // Groups bound before this function (the seed) have their own ids: find by openGId first.
    const existing = (
      (await db.collection('groups').where({ openGId }).limit(1).get()) as unknown as { data: GroupDoc[] }
    ).data[0]
    const id = existing?._id ?? groupIdOf(openGId)
    return inTransaction(db, async (tx) => {
      const found = await txGetOrNull<GroupDoc>(tx, 'groups', id)
      if (found && found.communityId !== communityId) return fail('GROUP_BOUND_ELSEWHERE')
      if (found) {
        await tx
          .collection('groups')
          .doc(id)
          .update({ data: { name: input.name } })
        return { group: groupView({ ...found, name: input.name }, 0), created: false }
      }
      const doc: Omit<GroupDoc, '_id'> = {
        openGId,
        communityId,
        name: input.name,
        boundBy: caller.openid,
        boundAt: now,
      }
      await tx.collection('groups').doc(id).set({ data: doc })
      return { group: groupView({ _id: id, ...doc }, 0), created: true }
    })
  },
})
