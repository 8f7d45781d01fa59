// The `community` cloud function: onboarding (handbook, rules, checklist, introductions) and its admin side (join policy, join reviews, rules versions).
import { defineFunction } from '../runtime/handler'
import onboarding from './actions/onboarding'
import readHandbook from './actions/read-handbook'
import ackRules from './actions/ack-rules'
import submitIntro from './actions/submit-intro'
import intros from './actions/intros'
import answerQuestionnaire from './actions/answer-questionnaire'
import settings from './actions/settings'
import rewardCeilings from './actions/reward-ceilings'
import saveRewardCeilings from './actions/save-reward-ceilings'
import saveHandbook from './actions/save-handbook'
import publishRules from './actions/publish-rules'
import ackStatus from './actions/ack-status'
import saveJoinSettings from './actions/save-join-settings'
import joinRequests from './actions/join-requests'
import decideJoin from './actions/decide-join'

export const main = defineFunction({
  onboarding,
  readHandbook,
  ackRules,
  submitIntro,
  intros,
  answerQuestionnaire,
  settings,
  rewardCeilings,
  saveRewardCeilings,
  saveHandbook,
  publishRules,
  ackStatus,
  saveJoinSettings,
  joinRequests,
  decideJoin,
})
