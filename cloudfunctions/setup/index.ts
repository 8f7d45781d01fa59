// The `setup` cloud function: creating a community, its profile and invite code, and the 1+3+N team.
import { defineFunction } from '../runtime/handler'
import create from './actions/create'
import profile from './actions/profile'
import saveProfile from './actions/save-profile'
import resetInvite from './actions/reset-invite'
import team from './actions/team'
import appoint from './actions/appoint'
import transferOwnership from './actions/transfer-ownership'

export const main = defineFunction({
  create,
  profile,
  saveProfile,
  resetInvite,
  team,
  appoint,
  transferOwnership,
})
