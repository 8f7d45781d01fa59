/** The `setup` cloud function: creating a community, its profile and invite code, and the team. */
import type { SetupInputs } from '@core/contracts/setup'
import { call } from './call'

export type { CommunityProfile, StaffEntry, TeamView } from '@core/contracts/setup'

export const create = (input: SetupInputs['create']) => call('setup', 'create', input)
export const profile = () => call('setup', 'profile')
export const saveProfile = (input: SetupInputs['saveProfile']) => call('setup', 'saveProfile', input)
export const resetInvite = () => call('setup', 'resetInvite')
export const team = () => call('setup', 'team')
export const appoint = (input: SetupInputs['appoint']) => call('setup', 'appoint', input)
export const transferOwnership = (memberId: string) => call('setup', 'transferOwnership', { memberId })
