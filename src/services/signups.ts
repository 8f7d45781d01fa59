/** The `signups` cloud function: an activity's sign-up, waitlist, check-in and staff lists. */
import type {
  ActivityDetail,
  AttendanceCodeView,
  AttendResult,
  MySignup,
  SignupListPage,
  SignupRow,
} from '@core/contracts/signups'
import type { SignupList } from '@core/signup'
import { call } from './call'
import { askSubscriptions } from './subscribe'

export type { ActivityDetail, AttendanceCodeView, AttendResult, MySignup, SignupListPage, SignupRow }

/** The detail page's path: the share card and the calendar open it. */
export const detailPath = (activityId: string) =>
  `/packages/activities/detail/index?id=${encodeURIComponent(activityId)}`

export const detail = (activityId: string) => call('signups', 'detail', { activityId })

/**
 * Sign up from the tap: the reminder (T−1h) and the change (cancelled, waitlist place confirmed)
 * messages are asked in the same tap, and the server learns whether the reminder was accepted.
 */
export async function signUp(activityId: string) {
  const { answers } = await askSubscriptions(['activityReminder', 'activityChange'])
  return call('signups', 'signUp', { activityId, subscribed: answers.activityReminder === 'accept' })
}

export const cancel = (activityId: string) => call('signups', 'cancel', { activityId })
export const attend = (activityId: string, code: string) => call('signups', 'attend', { activityId, code })
export const list = (activityId: string, which: SignupList, cursor?: string) =>
  call('signups', 'list', { activityId, list: which, cursor })
export const exportList = (activityId: string, which: SignupList, cursor?: string) =>
  call('signups', 'exportList', { activityId, list: which, cursor })
export const attendanceCode = (activityId: string) => call('signups', 'attendanceCode', { activityId })
