/** The `checkin` cloud function: today's check-in, the calendar, the notes feed, make-up cards, challenges. */
import type {
  CalendarResult,
  ChallengeStatsResult,
  ChallengeSummary,
  ChallengesResult,
  CheckInResult,
  CheckinInputs,
  FeatureResult,
  FeedResult,
  JoinChallengeResult,
  LikeResult,
  MakeupResult,
  TodayResult,
} from '@core/contracts/checkin'
import { callFunction } from './transport'

export type {
  CalendarResult,
  ChallengeStatsResult,
  ChallengeSummary,
  ChallengesResult,
  CheckInResult,
  FeaturePolicy,
  FeatureResult,
  FeedItem,
  FeedResult,
  JoinChallengeResult,
  LikeResult,
  MakeupResult,
  MyCheckin,
  TodayResult,
} from '@core/contracts/checkin'
export type { CalendarDay } from '@core/checkin'

export function today(): Promise<TodayResult> {
  return callFunction<TodayResult>('checkin', 'today')
}

export function checkIn(input: CheckinInputs['checkIn']): Promise<CheckInResult> {
  return callFunction<CheckInResult>('checkin', 'checkIn', input)
}

export function calendar(month: string): Promise<CalendarResult> {
  return callFunction<CalendarResult>('checkin', 'calendar', { month })
}

export function feed(input: CheckinInputs['feed'] = {}): Promise<FeedResult> {
  return callFunction<FeedResult>('checkin', 'feed', input)
}

export function like(checkinId: string): Promise<LikeResult> {
  return callFunction<LikeResult>('checkin', 'like', { checkinId })
}

export function unlike(checkinId: string): Promise<LikeResult> {
  return callFunction<LikeResult>('checkin', 'unlike', { checkinId })
}

/** Staff: mark a note 精选; `points` within 50–100, the community's rule when left out. */
export function feature(checkinId: string, points?: number): Promise<FeatureResult> {
  return callFunction<FeatureResult>(
    'checkin',
    'feature',
    points === undefined ? { checkinId } : { checkinId, points },
  )
}

export function useMakeupCard(day: string): Promise<MakeupResult> {
  return callFunction<MakeupResult>('checkin', 'useMakeupCard', { day })
}

export function challenges(input: CheckinInputs['challenges'] = {}): Promise<ChallengesResult> {
  return callFunction<ChallengesResult>('checkin', 'challenges', input)
}

export function joinChallenge(challengeId: string): Promise<JoinChallengeResult> {
  return callFunction<JoinChallengeResult>('checkin', 'joinChallenge', { challengeId })
}

export function createChallenge(input: CheckinInputs['createChallenge']): Promise<ChallengeSummary> {
  return callFunction<ChallengeSummary>('checkin', 'createChallenge', input)
}

export function challengeStats(challengeId: string): Promise<ChallengeStatsResult> {
  return callFunction<ChallengeStatsResult>('checkin', 'challengeStats', { challengeId })
}
