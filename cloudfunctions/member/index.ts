// The `member` cloud function: who am I, joining a community, and what a member does about themselves.
import { defineFunction } from '../runtime/handler'
import me from './actions/me'
import joinByGroup from './actions/join-by-group'
import joinByInvite from './actions/join-by-invite'
import submitQuiz from './actions/join-by-quiz'
import invite from './actions/invite'
import invitees from './actions/invitees'
import saveProfile from './actions/save-profile'
import myCommunities from './actions/my-communities'
import switchCommunity from './actions/switch-community'
import myData from './actions/my-data'
import deleteMe from './actions/delete-me'
import leave from './actions/leave'

export const main = defineFunction({
  me,
  joinByGroup,
  joinByInvite,
  submitQuiz,
  invite,
  invitees,
  saveProfile,
  myCommunities,
  switchCommunity,
  myData,
  deleteMe,
  leave,
})
