/** The demo community a newcomer meets locally, and the personas of the dev login. */
import type { Role } from '../../cloudfunctions/core/roles'

export const DEMO_COMMUNITY = {
  _id: 'demo-reading',
  name: '晨光读书会',
  slogan: '每天读一点，和同频的人一起成长',
  inviteCode: 'QHREAD',
}

export const SECOND_COMMUNITY = {
  _id: 'demo-running',
  name: '周末跑团',
  slogan: '一个人跑得快，一群人跑得远',
  inviteCode: 'RUN888',
}

export const DEMO_GROUPS = [
  {
    _id: 'demo-group-1',
    openGId: 'demo-opengid-reading-1',
    communityId: DEMO_COMMUNITY._id,
    name: '晨光读书会·1群',
  },
  {
    _id: 'demo-group-2',
    openGId: 'demo-opengid-reading-2',
    communityId: DEMO_COMMUNITY._id,
    name: '晨光读书会·2群',
  },
  {
    _id: 'demo-group-3',
    openGId: 'demo-opengid-running-1',
    communityId: SECOND_COMMUNITY._id,
    name: '周末跑团·主群',
  },
]

export interface Persona {
  openid: string
  nickname: string
  role: Role
  totalEarned: number
}

/** One persona per role the dev login offers; all in the demo community. */
export const PERSONAS: Persona[] = [
  { openid: 'demo-member', nickname: '小雨', role: 'member', totalEarned: 320 },
  { openid: 'demo-organiser', nickname: '陈一帆', role: 'organiser', totalEarned: 1280 },
  { openid: 'demo-admin', nickname: '周宁', role: 'admin', totalEarned: 2460 },
  { openid: 'demo-owner', nickname: '林晓', role: 'owner', totalEarned: 3150 },
]
