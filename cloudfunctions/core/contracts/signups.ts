import { z } from 'zod'
import type { ActivityKind, ActivitySize, ActivityStage, SignupState } from '../activities'
import type { ExportPart } from '../csv'
import type { Level } from '../levels'
import { ATTENDANCE_CODE_DIGITS, SIGNUP_LISTS, type SignupList } from '../signup'

export type { ExportPart }

const activityId = z.string().min(1).max(200)

export const signupsInputs = {
  /** The detail page: the activity, the caller's sign-up and the counts. */
  detail: z.object({ activityId }).strict(),
  /** Sign up; `subscribed`: the member accepted the activity reminder at the tap. */
  signUp: z.object({ activityId, subscribed: z.boolean().default(false) }).strict(),
  cancel: z.object({ activityId }).strict(),
  /** The caller's sign-ups, newest first. */
  mine: z.object({}).strict(),
  attend: z
    .object({
      activityId,
      code: z
        .string()
        .trim()
        .regex(new RegExp(`^\\d{${ATTENDANCE_CODE_DIGITS}}$`), `签到码是 ${ATTENDANCE_CODE_DIGITS} 位数字`),
    })
    .strict(),
  /** Staff: one list (sign-ups, waitlist, attendance, cancelled) in arrival order, paged. */
  list: z
    .object({
      activityId,
      list: z.enum(SIGNUP_LISTS),
      cursor: z.string().max(40).optional(),
    })
    .strict(),
  /** Staff: the same list as CSV in the one export format (core/csv). */
  exportList: z
    .object({ activityId, list: z.enum(SIGNUP_LISTS), cursor: z.string().max(400).optional() })
    .strict(),
  /** Staff: the attendance code of the current 30-s window. */
  attendanceCode: z.object({ activityId }).strict(),
}

export interface ActivityInfo {
  id: string
  kind: ActivityKind
  kindName: string
  size: ActivitySize
  title: string
  coverFileId: string | null
  description: string
  startAt: string
  endAt: string
  place: string | null
  link: string | null
  capacity: number | null
  signupDeadline: string
  minLevel: Level | null
  /** '核心及以上' / '仅限核心成员（线下活动）'; null when anyone may sign up. */
  levelNote: string | null
  /** What attending pays (within the ceiling). */
  points: number
  stage: ActivityStage
}

export interface MySignup {
  state: SignupState
  stateName: string
  /** 1-based place on the waitlist; null unless waitlisted. */
  waitlistPosition: number | null
  subscribed: boolean
  createdAt: string
  attendedAt: string | null
  pointsPaid: number | null
}

export interface ActivityDetail {
  activity: ActivityInfo
  mine: MySignup | null
  counts: { confirmed: number; waitlisted: number; attended: number }
  /** Why the caller may not sign up now (shown instead of the button), or null. */
  signupBlocked: string | null
  /** What cancelling would do, for the confirmation. */
  cancelConsequence: string | null
  /** The caller may see the staff lists and the code. */
  isStaff: boolean
}

export interface SignUpResult {
  mine: MySignup
  duplicate: boolean
}

export interface CancelResult {
  mine: MySignup
}

export interface MySignupRow {
  activityId: string
  title: string
  startAt: string
  state: SignupState
  stateName: string
  attendedAt: string | null
}

export interface AttendResult {
  pointsPaid: number
  /** Why nothing was paid (the creator's own activity), or null. */
  note: string | null
  duplicate: boolean
  attendedAt: string
}

export interface SignupRow {
  seq: number
  nickname: string
  memberId: string
  state: SignupState
  stateName: string
  createdAt: string
  promotedAt: string | null
  attendedAt: string | null
  pointsPaid: number | null
  subscribed: boolean
}

export interface SignupListPage {
  list: SignupList
  rows: SignupRow[]
  nextCursor: string | null
}

export interface AttendanceCodeView {
  code: string
  /** When this code stops being shown (it is still accepted for one more window). */
  expiresAt: string
  windowMs: number
  /** The server's clock, so the page's countdown does not depend on the phone's. */
  now: string
  title: string
}

export interface SignupsOutputs {
  detail: ActivityDetail
  signUp: SignUpResult
  cancel: CancelResult
  mine: MySignupRow[]
  attend: AttendResult
  list: SignupListPage
  exportList: ExportPart
  attendanceCode: AttendanceCodeView
}
