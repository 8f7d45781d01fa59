import type { TaskDoc } from '../../core/activities'
import { sopInputs, type TaskView } from '../../core/contracts/sop'
import { REACH_STEPS } from '../../core/review'
import { accessFor } from '../../core/rights'
import { getDocOrNull } from '../../runtime/db'
import { AppError } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { taskView } from '../views'

/**
 * Staff mark a manual step done or skipped (with the reach achieved for warm-up and notify, which
 * the review shows beside its target). The timer's own steps are not marked by hand. The update is
 * conditional on the task still being open, so two staff marking at once close it once.
 */
export default memberAction({
  input: sopInputs.mark,
  access: accessFor('activities'),
  async run(ctx, input): Promise<TaskView> {
    const { db, now, membership, caller } = ctx
    const task = await getDocOrNull<TaskDoc>(db, 'activity_tasks', input.taskId)
    if (!task || task.communityId !== membership.community._id) throw new AppError('NOT_FOUND')
    if (task.auto) throw new AppError('TASK_AUTO')
    if (task.state !== 'open') throw new AppError('TASK_CLOSED')
    const reach = input.state === 'done' && REACH_STEPS.includes(task.step) ? (input.reach ?? null) : null
    const patch = { state: input.state, doneAt: now, doneBy: caller.openid, reach }
    const res = (await db
      .collection('activity_tasks')
      .where({ _id: task._id, state: 'open' })
      .update({ data: patch })) as { stats: { updated: number } }
    if (res.stats.updated !== 1) throw new AppError('TASK_CLOSED')
    return taskView({ ...task, ...patch }, now, caller.openid)
  },
})
