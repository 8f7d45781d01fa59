import { mallInputs } from '../../core/contracts/mall'
import { EVERY_MEMBER } from '../../core/roles'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import type { MallMember } from '../items-and-orders'

/** Wear one of the titles the member owns beside their name (members.title), or none (null). */
export default memberAction({
  input: mallInputs.wearTitle,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<{ title: string | null }> {
    const { db, membership } = ctx
    const member = membership.member as MallMember
    if (input.title !== null && !(member.ownedTitles ?? []).includes(input.title))
      return fail('NOT_FOUND', '你还没有这个头衔')
    await db
      .collection('members')
      .doc(member._id)
      .update({ data: { title: input.title } })
    return { title: input.title }
  },
})
