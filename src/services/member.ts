/** The `member` cloud function: who am I, and joining a community. */
import type {
  GatedJoin,
  InviteView,
  InviteesPage,
  JoinOutcome,
  JoinResult,
  MeResult,
  MemberInputs,
} from '@core/contracts/member'
import { call } from './call'
import type { CloudIdRef } from './transport'

export type { InviteView, InviteesPage, JoinOutcome, JoinResult, MeResult }
export type { CommunitySummary, GatedJoin, JoinGate, MemberProfile } from '@core/contracts/member'

/** A join that is waiting (admin review or the entry quiz). Defined here, not in the contract module,
 * so the main package does not pull in zod for one check. */
export function isGatedJoin(outcome: JoinOutcome): outcome is GatedJoin {
  return outcome.status === 'pending' || outcome.status === 'quiz'
}

/** Questionnaire answers: question id → chosen option indexes. */
export type QuestionnaireAnswers = Record<string, number[]>

export const me = () => call('member', 'me')

/** Open communities join at once; review ones answer 'pending' (审核中); quiz ones answer with the quiz. */
export const joinByInvite = (input: MemberInputs['joinByInvite']) => call('member', 'joinByInvite', input)

/** Answer the entry quiz of a community whose gate was reached by invite code or group card. */
export const submitQuiz = (input: MemberInputs['submitQuiz']) => call('member', 'submitQuiz', input)

/** `groupShare` is cloudID(id) of the CloudID from Taro.getGroupEnterInfo. */
export const joinByGroup = (input: { groupShare: CloudIdRef; nickname?: string; viaActivity?: string }) =>
  // The platform swaps the CloudID for the decrypted share ({ cloudID, data }) the schema checks.
  call('member', 'joinByGroup', input as unknown as MemberInputs['joinByGroup'])

/** My personal invite: the community code, my ref and how many joined by it. */
export const invite = () => call('member', 'invite')

/** Who joined by my invite, newest first. */
export const invitees = (cursor?: string) => call('member', 'invitees', cursor ? { cursor } : {})

export type { MyCommunity, MyData, MyDataSection } from '@core/contracts/member'

/** Edit my nickname and/or avatar in the community I act in (screened on the server). */
export const saveProfile = (input: MemberInputs['saveProfile']) => call('member', 'saveProfile', input)

/** Every community I belong to, with my role and level there. */
export const myCommunities = () => call('member', 'myCommunities')

/** Act in another of my communities: its answer's `community` makes every later call follow. */
export const switchCommunity = (communityId: string) => call('member', 'switchCommunity', { communityId })

export type SaveProfileInput = MemberInputs['saveProfile']

/** Everything the product holds about me, as sections (SPEC §10). */
export const myData = () => call('member', 'myData')

/** Erase me: `confirm` must be the typed confirmation (core/erasure DELETE_ME_CONFIRMATION). */
export const deleteMe = (confirm: string) => call('member', 'deleteMe', { confirm })
/** Leave the community the app acts in (the page confirms first). */
export const leave = () => call('member', 'leave', { confirm: true })
