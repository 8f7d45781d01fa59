// The `sanctions` cloud function: the violations ladder (SPEC §9), appeals, quiet hours and removals.
import { defineFunction } from '../runtime/handler'
import { record, remove } from './record'
import { appeal, mine, notices } from './member-side'
import { completeRemovalTask, decideAppeal, list, removalTasks, saveSettings, settings } from './staff-side'

export const main = defineFunction({
  record,
  remove,
  list,
  mine,
  notices,
  appeal,
  decideAppeal,
  settings,
  saveSettings,
  removalTasks,
  completeRemovalTask,
})
