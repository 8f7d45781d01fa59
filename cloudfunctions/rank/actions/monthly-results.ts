import { rankInputs, type MonthlyResultsPage } from '../../core/contracts/rank'
import { STAFF_ROLES } from '../../core/rights'
import { memberAction } from '../../runtime/handler'
import { newestFirst } from '../../runtime/paging'
import { resultView, type Top3ResultDoc } from '../job'

/** Past months' Top 3 for staff: who won, the points paid and whether they were told. */
export default memberAction({
  input: rankInputs.monthlyResults,
  access: STAFF_ROLES,
  async run(ctx, input): Promise<MonthlyResultsPage> {
    const { db, membership } = ctx
    const scope = { communityId: membership.community._id }
    const { page, nextCursor } = await newestFirst<Top3ResultDoc>(
      db,
      'top3_results',
      scope,
      input.cursor,
      input.limit ?? 6,
    )
    return { items: page.map(resultView), nextCursor }
  },
})
