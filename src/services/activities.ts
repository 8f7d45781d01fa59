/** The `activities` cloud function: publishing activities and series, the calendar and the 221 planner. */
import type { ActivitiesOutputs, ActivityView, SeriesView, TaskView } from '@core/contracts/activities'
import type { ActionInput } from '@core/contracts'
import { call } from './call'

export type { ActivitiesOutputs, ActivityView, SeriesView, TaskView }
export type ActivityInput = Omit<ActionInput<'activities', 'save'>, 'id'>
export type SeriesInput = ActionInput<'activities', 'saveSeries'>

export const save = (input: ActivityInput, id?: string | null) =>
  call('activities', 'save', id ? { ...input, id } : input)
export const publish = (id: string) => call('activities', 'publish', { id })
export const cancel = (id: string, reason: string) => call('activities', 'cancel', { id, reason })
export const finish = (id: string) => call('activities', 'finish', { id })
export const get = (id: string) => call('activities', 'get', { id })
export const calendar = (month: string) => call('activities', 'calendar', { month })
export const planner = (month: string) => call('activities', 'planner', { month })
export const saveSeries = (input: SeriesInput) => call('activities', 'saveSeries', input)
export const series = () => call('activities', 'series')
