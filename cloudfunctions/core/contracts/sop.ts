import { z } from 'zod'
import type { ActivityKind, SopStep, TaskState } from '../activities'
import type { Comparison, ReachFigure, ReviewFigures, ReviewSurvey, TaskStatus } from '../review'

const id = z.string().min(1, '缺少编号').max(200)

export const sopInputs = {
  /** Open tasks due today and overdue ones, across the community's activities. */
  tasks: z.object({}).strict(),
  mark: z
    .object({
      taskId: id,
      state: z.enum(['done', 'skipped']),
      /** The reach achieved (%), for warm-up and notify. */
      reach: z
        .number()
        .int('触达率需为整数')
        .min(0, '触达率在 0–100 之间')
        .max(100, '触达率在 0–100 之间')
        .optional(),
    })
    .strict(),
  review: z.object({ activityId: id }).strict(),
}

export interface TaskView {
  id: string
  activityId: string
  activityTitle: string
  step: SopStep
  stepName: string
  dueAt: string
  state: TaskState
  status: TaskStatus
  /** The timer carries this step out; staff do not mark it. */
  auto: boolean
  /** The caller owns the task. */
  mine: boolean
  /** Staff may record the reach when marking it done. */
  asksReach: boolean
  reach: number | null
  result: string | null
}

export interface TasksResult {
  tasks: TaskView[]
}

export interface ReviewView {
  activityId: string
  title: string
  kind: ActivityKind
  kindName: string
  startAt: string
  figures: ReviewFigures
  reach: ReachFigure[]
  comparison: Comparison | null
  survey: ReviewSurvey | null
  createdAt: string
}

/** Before T+1d the review is not written yet: the page says when it will be. */
export type ReviewResult =
  | { ready: true; review: ReviewView }
  | { ready: false; activityId: string; title: string; dueAt: string | null }

export interface SopOutputs {
  tasks: TasksResult
  mark: TaskView
  review: ReviewResult
}
