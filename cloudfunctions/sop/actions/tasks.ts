import type { TaskDoc } from '../../core/activities'
import { sopInputs, type TasksResult } from '../../core/contracts/sop'
import { endOfToday } from '../../core/review'
import { accessFor } from '../../core/rights'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { taskView } from '../views'

/** Open tasks are few (six per activity, closed as they pass); a community never has this many due. */
const LIMIT = 200

/**
 * Today's tasks across all the community's activities, overdue ones first: every open task due
 * before the end of today (index community_state_dueAt), oldest first. One read.
 */
export default memberAction({
  input: sopInputs.tasks,
  access: accessFor('activities'),
  async run(ctx): Promise<TasksResult> {
    const { db, now, membership, caller } = ctx
    const _ = db.command
    const rows = await findMany<TaskDoc>(
      db
        .collection('activity_tasks')
        .where({ communityId: membership.community._id, state: 'open', dueAt: _.lt(endOfToday(now)) })
        .orderBy('dueAt', 'asc')
        .limit(LIMIT),
    )
    return { tasks: rows.map((t) => taskView(t, now, caller.openid)) }
  },
})
