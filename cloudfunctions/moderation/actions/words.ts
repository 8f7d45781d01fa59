import { moderationInputs } from '../../core/contracts/moderation'
import type { CommunityWord } from '../../core/moderation'
import { action } from '../../runtime/handler'
import { communityWords } from '../../runtime/moderation'
import { memberCtx } from '../../community/shared'

/** The community's own word list. */
export default action({
  input: moderationInputs.words,
  access: ['owner', 'admin'],
  async run(raw): Promise<{ words: CommunityWord[] }> {
    const ctx = memberCtx(raw)
    return { words: await communityWords(ctx.db, ctx.membership.community._id) }
  },
})
