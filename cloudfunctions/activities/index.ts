// The `activities` cloud function: publishing activities and series, the calendar and the 221 planner (SPEC §8).
import { defineFunction } from '../runtime/handler'
import { calendar, planner } from './calendar'
import { cancel, finish, get, publish, save } from './editing'
import { saveSeries, series } from './series'

export const main = defineFunction({
  save,
  publish,
  cancel,
  finish,
  get,
  calendar,
  planner,
  saveSeries,
  series,
})
