// The `signups` cloud function: sign-up with capacity and a waitlist, cancelling, the rotating
// attendance code and check-in, and the staff lists and exports of one activity (SPEC §8).
import { defineFunction } from '../runtime/handler'
import { attend, cancel, detail, mine, signUp } from './member-side'
import { attendanceCode, exportList, list } from './staff-side'

export const main = defineFunction({ detail, signUp, cancel, mine, attend, list, exportList, attendanceCode })
