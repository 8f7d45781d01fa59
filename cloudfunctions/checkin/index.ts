// The `checkin` cloud function: daily check-ins, streaks and the calendar, notes and likes,
// make-up cards and check-in challenges (SPEC §2), and the daily reminder started by its timer
// (config.json; checkin/reminders.ts).
import { getCloud, getDb } from '../runtime/cloud'
import { now } from '../runtime/clock'
import { defineFunction } from '../runtime/handler'
import calendar from './actions/calendar'
import challengeStats from './actions/challenge-stats'
import challenges from './actions/challenges'
import checkIn from './actions/check-in'
import createChallenge from './actions/create-challenge'
import day from './actions/day'
import deleteNote from './actions/delete-note'
import editNote from './actions/edit-note'
import feature from './actions/feature'
import feed from './actions/feed'
import joinChallenge from './actions/join-challenge'
import like from './actions/like'
import setReminder from './actions/set-reminder'
import today from './actions/today'
import unlike from './actions/unlike'
import useMakeupCard from './actions/use-makeup-card'
import { runReminderJob } from './reminders'

// The platform's media-check verdicts (message push) for photos reach defineFunction too.
const actions = defineFunction({
  today,
  checkIn,
  calendar,
  day,
  editNote,
  deleteNote,
  setReminder,
  feed,
  like,
  unlike,
  feature,
  useMakeupCard,
  challenges,
  joinChallenge,
  createChallenge,
  challengeStats,
})

export async function main(event: Record<string, unknown>): Promise<unknown> {
  if (event?.Type !== 'Timer') return actions(event)
  // Only the timer may start the job: a member's call always carries an OPENID.
  const context = getCloud().getWXContext() as { OPENID?: string }
  if (context.OPENID) return { ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } }
  return { ok: true, data: await runReminderJob(getDb(), now()) }
}
