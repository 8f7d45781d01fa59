import { ACTIVITY_KIND_NAMES, type TaskDoc } from '../core/activities'
import type { ReviewView, TaskView } from '../core/contracts/sop'
import { REACH_STEPS, SOP_STEP_NAMES, taskStatus, type ReviewDoc } from '../core/review'

export function taskView(task: TaskDoc, now: Date, openid: string): TaskView {
  return {
    id: task._id,
    activityId: task.activityId,
    activityTitle: task.activityTitle,
    step: task.step,
    stepName: SOP_STEP_NAMES[task.step],
    dueAt: new Date(task.dueAt).toISOString(),
    state: task.state,
    status: taskStatus(task, now),
    auto: task.auto,
    mine: task.ownerOpenid === openid,
    asksReach: REACH_STEPS.includes(task.step),
    reach: task.reach ?? null,
    result: task.result ?? null,
  }
}

export function reviewView(doc: ReviewDoc): ReviewView {
  return {
    activityId: doc.activityId,
    title: doc.title,
    kind: doc.kind,
    kindName: ACTIVITY_KIND_NAMES[doc.kind],
    startAt: new Date(doc.startAt).toISOString(),
    figures: doc.figures,
    reach: doc.reach,
    comparison: doc.comparison,
    survey: doc.survey,
    createdAt: new Date(doc.createdAt).toISOString(),
  }
}
