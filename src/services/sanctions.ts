/** The `sanctions` cloud function: the violations ladder, appeals, quiet hours and removal tasks. */
import type {
  RecordResult,
  RemovalTaskView,
  SanctionsOutputs,
  ViolationView,
} from '@core/contracts/sanctions'
import type { SanctionSettings } from '@core/sanctions'
import { call } from './call'

export type { RecordResult, RemovalTaskView, SanctionsOutputs, ViolationView }

export const record = (input: {
  memberId: string
  reason: string
  evidenceText?: string
  imageFileId?: string
  heldId?: string
  step?: 1 | 2 | 3 | 4
}) => call('sanctions', 'record', input)

export const remove = (memberId: string, reason: string) => call('sanctions', 'remove', { memberId, reason })
export const list = () => call('sanctions', 'list')
export const mine = () => call('sanctions', 'mine')
export const notices = () => call('sanctions', 'notices')
export const appeal = (violationId: string, text: string) =>
  call('sanctions', 'appeal', { violationId, text })
export const decideAppeal = (violationId: string, decision: 'upheld' | 'overturned') =>
  call('sanctions', 'decideAppeal', { violationId, decision })
export const settings = () => call('sanctions', 'settings')
export const saveSettings = (input: SanctionSettings) => call('sanctions', 'saveSettings', { ...input })
export const removalTasks = () => call('sanctions', 'removalTasks')
export const completeRemovalTask = (taskId: string) => call('sanctions', 'completeRemovalTask', { taskId })
