/** The `community` cloud function: onboarding (handbook, rules, checklist, intros) and its admin side. */
import type {
  AckResult,
  AckStatus,
  ChecklistView,
  CommunityInputs,
  IntroItem,
  IntroResult,
  JoinRequestItem,
  OnboardingSettings,
  OnboardingView,
  Paged,
  RulesView,
} from '@core/contracts/community'
import type { HandbookSection, JoinRequestState } from '@core/onboarding'
import { callFunction } from './transport'

export type {
  AckResult,
  AckStatus,
  ChecklistItem,
  ChecklistView,
  IntroItem,
  IntroResult,
  JoinRequestItem,
  OnboardingSettings,
  OnboardingView,
  Paged,
  RulesView,
} from '@core/contracts/community'

export const onboarding = () => callFunction<OnboardingView>('community', 'onboarding')
export const readHandbook = () => callFunction<ChecklistView>('community', 'readHandbook')
export const ackRules = (version: number) => callFunction<AckResult>('community', 'ackRules', { version })
export const submitIntro = (text: string) => callFunction<IntroResult>('community', 'submitIntro', { text })
export const intros = (input: CommunityInputs['intros'] = {}) =>
  callFunction<Paged<IntroItem>>('community', 'intros', input)
export const answerQuestionnaire = (answers: Record<string, number[]>) =>
  callFunction<{ tags: string[] }>('community', 'answerQuestionnaire', { answers })

// Admin side.
export const settings = () => callFunction<OnboardingSettings>('community', 'settings')
export const saveHandbook = (sections: HandbookSection[]) =>
  callFunction<{ sections: HandbookSection[] }>('community', 'saveHandbook', { sections })
export const publishRules = (input: CommunityInputs['publishRules']) =>
  callFunction<RulesView>('community', 'publishRules', input)
export const ackStatus = (input: CommunityInputs['ackStatus'] = {}) =>
  callFunction<AckStatus>('community', 'ackStatus', input)
export const saveJoinSettings = (input: CommunityInputs['saveJoinSettings']) =>
  callFunction<OnboardingSettings>('community', 'saveJoinSettings', input)
export const joinRequests = (input: CommunityInputs['joinRequests'] = {}) =>
  callFunction<Paged<JoinRequestItem>>('community', 'joinRequests', input)
export const decideJoin = (openid: string, approve: boolean) =>
  callFunction<{ openid: string; state: JoinRequestState }>('community', 'decideJoin', { openid, approve })
