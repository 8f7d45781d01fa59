// The `member` cloud function: who am I, and joining a community.
import { defineFunction } from '../runtime/handler'
import me from './actions/me'
import joinByGroup from './actions/join-by-group'
import joinByInvite from './actions/join-by-invite'
import submitQuiz from './actions/join-by-quiz'
import invite from './actions/invite'
import invitees from './actions/invitees'
import leave from './actions/leave'

export const main = defineFunction({ me, joinByGroup, joinByInvite, submitQuiz, invite, invitees, leave })
