/** The `sop` cloud function: the SOP tasks staff see today, marking them, and activity reviews. */
import type { ReviewResult, ReviewView, TaskView, TasksResult } from '@core/contracts/sop'
import { call } from './call'

export type { ReviewResult, ReviewView, TaskView, TasksResult }

export const tasks = () => call('sop', 'tasks')

export const mark = (taskId: string, state: 'done' | 'skipped', reach?: number) =>
  call('sop', 'mark', reach === undefined ? { taskId, state } : { taskId, state, reach })

export const review = (activityId: string) => call('sop', 'review', { activityId })
