/** The `member` cloud function: who am I, and joining a community. */
import type {
  GatedJoin,
  InviteView,
  InviteesPage,
  JoinOutcome,
  JoinResult,
  MeResult,
} from '@core/contracts/member'
import { callFunction, type CloudIdRef } from './transport'

export type { InviteView, InviteesPage, JoinOutcome, JoinResult, MeResult }
export type { CommunitySummary, GatedJoin, JoinGate, MemberProfile } from '@core/contracts/member'

/** A join that is waiting (admin review or the entry quiz). Defined here, not in the contract module,
 * so the main package does not pull in zod for one check. */
export function isGatedJoin(outcome: JoinOutcome): outcome is GatedJoin {
  return outcome.status === 'pending' || outcome.status === 'quiz'
}

/** Questionnaire answers: question id → chosen option indexes. */
export type QuestionnaireAnswers = Record<string, number[]>

export function me(): Promise<MeResult> {
  return callFunction<MeResult>('member', 'me')
}

/** Open communities join at once; review ones answer 'pending' (审核中); quiz ones answer with the quiz. */
export function joinByInvite(input: {
  code: string
  /** The inviter's personal ref from their invite link. */
  ref?: string
  nickname?: string
  questionnaire?: QuestionnaireAnswers
}): Promise<JoinOutcome> {
  return callFunction<JoinOutcome>('member', 'joinByInvite', input)
}

/** Answer the entry quiz of a community whose gate was reached by invite code or group card. */
export function submitQuiz(input: {
  communityId: string
  answers: Record<string, number>
  nickname?: string
  questionnaire?: QuestionnaireAnswers
}): Promise<JoinOutcome> {
  return callFunction<JoinOutcome>('member', 'submitQuiz', input)
}

/** `groupShare` is cloudID(id) of the CloudID from Taro.getGroupEnterInfo. */
export function joinByGroup(input: { groupShare: CloudIdRef; nickname?: string }): Promise<JoinOutcome> {
  return callFunction<JoinOutcome>('member', 'joinByGroup', input)
}

/** My personal invite: the community code, my ref and how many joined by it. */
export function invite(): Promise<InviteView> {
  return callFunction<InviteView>('member', 'invite')
}

/** Who joined by my invite, newest first. */
export function invitees(cursor?: string): Promise<InviteesPage> {
  return callFunction<InviteesPage>('member', 'invitees', cursor ? { cursor } : {})
}
