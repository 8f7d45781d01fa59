import { moderationInputs } from '../../core/contracts/moderation'
import { cleanWordList, type CommunityWord } from '../../core/moderation'
import { action } from '../../runtime/handler'
import { memberCtx } from '../../community/shared'

/** Replace the community's word list: risky words refuse text, review words hold it for an admin. */
export default action({
  input: moderationInputs.saveWords,
  access: ['owner', 'admin'],
  async run(raw, input): Promise<{ words: CommunityWord[] }> {
    const ctx = memberCtx(raw)
    const cid = ctx.membership.community._id
    const words = cleanWordList(input.words)
    await ctx.db
      .collection('word_lists')
      .doc(cid)
      .set({ data: { communityId: cid, words, updatedAt: ctx.now, updatedBy: ctx.caller.openid } })
    return { words }
  },
})
