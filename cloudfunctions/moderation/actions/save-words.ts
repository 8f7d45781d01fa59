import { accessFor } from '../../core/rights'
import { moderationInputs } from '../../core/contracts/moderation'
import { cleanWordList, type CommunityWord } from '../../core/moderation'
import { memberAction } from '../../runtime/handler'

/** Replace the community's word list: risky words refuse text, review words hold it for an admin. */
export default memberAction({
  input: moderationInputs.saveWords,
  access: accessFor('moderation'),
  async run(ctx, input): Promise<{ words: CommunityWord[] }> {
    const cid = ctx.membership.community._id
    const words = cleanWordList(input.words)
    await ctx.db
      .collection('word_lists')
      .doc(cid)
      .set({ data: { communityId: cid, words, updatedAt: ctx.now, updatedBy: ctx.caller.openid } })
    return { words }
  },
})
