/** The `member` cloud function: who am I, and joining a community. */
import type { JoinResult, MeResult } from '@core/contracts/member'
import { callFunction, type CloudIdRef } from './transport'

export type { JoinResult, MeResult }
export type { CommunitySummary, MemberProfile } from '@core/contracts/member'

export function me(): Promise<MeResult> {
  return callFunction<MeResult>('member', 'me')
}

export function joinByInvite(input: { code: string; nickname?: string }): Promise<JoinResult> {
  return callFunction<JoinResult>('member', 'joinByInvite', input)
}

/** `groupShare` is cloudID(id) of the CloudID from Taro.getGroupEnterInfo. */
export function joinByGroup(input: { groupShare: CloudIdRef; nickname?: string }): Promise<JoinResult> {
  return callFunction<JoinResult>('member', 'joinByGroup', input)
}
