import type { ActivityDoc, TaskDoc } from '../../core/activities'
import { sopInputs, type ReviewResult } from '../../core/contracts/sop'
import type { ReviewDoc } from '../../core/review'
import { accessFor } from '../../core/rights'
import { getDocOrNull } from '../../runtime/db'
import { AppError } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { reviewView } from '../views'

/** An activity's review, or, before T+1d, when it will be written. Two reads at most. */
export default memberAction({
  input: sopInputs.review,
  access: accessFor('activities'),
  async run(ctx, input): Promise<ReviewResult> {
    const { db, membership } = ctx
    const review = await getDocOrNull<ReviewDoc>(db, 'activity_reviews', input.activityId)
    if (review) {
      if (review.communityId !== membership.community._id) throw new AppError('NOT_FOUND')
      return { ready: true, review: reviewView(review) }
    }
    const [activity, task] = await Promise.all([
      getDocOrNull<ActivityDoc>(db, 'activities', input.activityId),
      getDocOrNull<TaskDoc>(db, 'activity_tasks', `${input.activityId}:review`),
    ])
    if (!activity || activity.communityId !== membership.community._id) throw new AppError('NOT_FOUND')
    return {
      ready: false,
      activityId: activity._id,
      title: activity.title,
      dueAt: task && task.state === 'open' ? new Date(task.dueAt).toISOString() : null,
    }
  },
})
