// The `checkin` cloud function: daily check-ins, streaks and the calendar, notes and likes,
// make-up cards and check-in challenges (SPEC §2).
import { defineFunction } from '../runtime/handler'
import calendar from './actions/calendar'
import challengeStats from './actions/challenge-stats'
import challenges from './actions/challenges'
import checkIn from './actions/check-in'
import createChallenge from './actions/create-challenge'
import feature from './actions/feature'
import feed from './actions/feed'
import joinChallenge from './actions/join-challenge'
import like from './actions/like'
import today from './actions/today'
import unlike from './actions/unlike'
import useMakeupCard from './actions/use-makeup-card'

// The platform's media-check verdicts (message push) for photos reach defineFunction too.
export const main = defineFunction({
  today,
  checkIn,
  calendar,
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
