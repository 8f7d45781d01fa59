/** The `community` cloud function: onboarding (handbook, rules, checklist, intros) and its admin side. */
import type { CommunityInputs } from '@core/contracts/community'
import type { HandbookSection } from '@core/onboarding'
import { call } from './call'

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

export const onboarding = () => call('community', 'onboarding')
export const readHandbook = () => call('community', 'readHandbook')
export const ackRules = (version: number) => call('community', 'ackRules', { version })
export const submitIntro = (text: string) => call('community', 'submitIntro', { text })
export const intros = (input: CommunityInputs['intros'] = {}) => call('community', 'intros', input)
export const answerQuestionnaire = (answers: Record<string, number[]>) =>
  call('community', 'answerQuestionnaire', { answers })

// Admin side.
export const settings = () => call('community', 'settings')
export const saveHandbook = (sections: HandbookSection[]) => call('community', 'saveHandbook', { sections })
export const publishRules = (input: CommunityInputs['publishRules']) =>
  call('community', 'publishRules', input)
export const ackStatus = (input: CommunityInputs['ackStatus'] = {}) => call('community', 'ackStatus', input)
export const saveJoinSettings = (input: CommunityInputs['saveJoinSettings']) =>
  call('community', 'saveJoinSettings', input)
export const joinRequests = (input: CommunityInputs['joinRequests'] = {}) =>
  call('community', 'joinRequests', input)
export const decideJoin = (openid: string, approve: boolean) =>
  call('community', 'decideJoin', { openid, approve })

// The owner's reward ceilings (社群设置).
export const rewardCeilings = () => call('community', 'rewardCeilings')
export const saveRewardCeilings = (input: CommunityInputs['saveRewardCeilings']) =>
  call('community', 'saveRewardCeilings', input)
