/** The `checkin` cloud function: today's check-in, the calendar, the notes feed, make-up cards, challenges. */
import type { CheckinInputs } from '@core/contracts/checkin'
import { call } from './call'

export type {
  CalendarResult,
  ChallengeStatsResult,
  ChallengeSummary,
  ChallengesResult,
  CheckInResult,
  DayResult,
  FeaturePolicy,
  FeatureResult,
  FeedItem,
  FeedResult,
  JoinChallengeResult,
  LikeResult,
  MakeupResult,
  MyCheckin,
  ReminderResult,
  TodayResult,
} from '@core/contracts/checkin'
export type { CalendarDay } from '@core/checkin'

export const today = () => call('checkin', 'today')

export const checkIn = (input: CheckinInputs['checkIn']) => call('checkin', 'checkIn', input)

export const calendar = (month: string) => call('checkin', 'calendar', { month })

/** The caller's own check-in of one day, for the calendar's day view. */
export const day = (dayKey: string) => call('checkin', 'day', { day: dayKey })

/** Rewrite today's note (screened again); only on its own day. */
export const editNote = (dayKey: string, note: string) => call('checkin', 'editNote', { day: dayKey, note })

/** Take today's note and photos down; the check-in and its points stay. */
export const deleteNote = (dayKey: string) => call('checkin', 'deleteNote', { day: dayKey })

/** The daily reminder's time ('HH:MM'), or null to turn it off. */
export const setReminder = (time: string | null) => call('checkin', 'setReminder', { time })

export const feed = (input: CheckinInputs['feed'] = {}) => call('checkin', 'feed', input)

export const like = (checkinId: string) => call('checkin', 'like', { checkinId })

export const unlike = (checkinId: string) => call('checkin', 'unlike', { checkinId })

/** Staff: mark a note 精选; `points` within 50–100, the community's rule when left out. */
export const feature = (checkinId: string, points?: number) =>
  call('checkin', 'feature', points === undefined ? { checkinId } : { checkinId, points })

export const useMakeupCard = (day: string) => call('checkin', 'useMakeupCard', { day })

export const challenges = (input: CheckinInputs['challenges'] = {}) => call('checkin', 'challenges', input)

export const joinChallenge = (challengeId: string) => call('checkin', 'joinChallenge', { challengeId })

export const createChallenge = (input: CheckinInputs['createChallenge']) =>
  call('checkin', 'createChallenge', input)

export const challengeStats = (challengeId: string) => call('checkin', 'challengeStats', { challengeId })
