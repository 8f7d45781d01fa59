import { accessFor } from '../../core/rights'
import { moderationInputs } from '../../core/contracts/moderation'
import type { CommunityWord } from '../../core/moderation'
import { memberAction } from '../../runtime/handler'
import { communityWords } from '../../runtime/moderation'

/** The community's own word list. */
export default memberAction({
  input: moderationInputs.words,
  access: accessFor('moderation'),
  async run(ctx): Promise<{ words: CommunityWord[] }> {
    return { words: await communityWords(ctx.db, ctx.membership.community._id) }
  },
})
