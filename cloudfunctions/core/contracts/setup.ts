import { z } from 'zod'
import { COMMUNITY_NAME_MAX, COMMUNITY_SLOGAN_MAX } from '../community'
import { charCount, type JoinPolicy } from '../onboarding'
import type { Role } from '../roles'
import { APPOINTABLE_ROLES, ORGANISER_TITLES, type StaffAdvisory } from '../team'
import type { CommunitySummary } from './member'

const name = z
  .string()
  .trim()
  .min(2, '社群名称至少 2 个字')
  .refine((s) => charCount(s) <= COMMUNITY_NAME_MAX, { message: `社群名称最多 ${COMMUNITY_NAME_MAX} 个字` })
const slogan = z
  .string()
  .trim()
  .refine((s) => charCount(s) <= COMMUNITY_SLOGAN_MAX, { message: `口号最多 ${COMMUNITY_SLOGAN_MAX} 个字` })
const fileId = z.string().trim().min(1).max(500)
const memberId = z.string().min(1).max(200)

export const setupInputs = {
  /** Anyone: a new community, with the caller as its owner (and their current community). */
  create: z
    .object({
      name,
      slogan: slogan.default(''),
      logoFileId: fileId.optional(),
      joinPolicy: z.enum(['open', 'review', 'quiz']).default('open'),
    })
    .strict(),
  /** The settings page: the community as its owner edits it. */
  profile: z.object({}).strict(),
  saveProfile: z.object({ name, slogan, logoFileId: fileId.nullable().optional() }).strict(),
  /** A new invite code; the old one stops working at once. */
  resetInvite: z.object({}).strict(),
  team: z.object({}).strict(),
  /** Give a member a role (dismissing is appointing 'member'); organisers may carry a title. */
  appoint: z
    .object({
      memberId,
      role: z.enum(APPOINTABLE_ROLES),
      title: z.enum(ORGANISER_TITLES).nullable().optional(),
    })
    .strict(),
  /** Hand ownership to an admin; the caller becomes an admin. */
  transferOwnership: z.object({ memberId }).strict(),
}

export type SetupInputs = { [K in keyof typeof setupInputs]: z.input<(typeof setupInputs)[K]> }

export interface CommunityProfile {
  id: string
  name: string
  slogan: string
  logoFileId: string | null
  inviteCode: string
  joinPolicy: JoinPolicy
  memberCount: number
}

export interface StaffEntry {
  memberId: string
  nickname: string
  role: Role
  roleName: string
  title: string | null
  isMe: boolean
}

export interface TeamView {
  staff: StaffEntry[]
  advisory: StaffAdvisory
  /** What the viewer may do here: appoint admins (owner), appoint below admin, transfer. */
  canAppointAdmins: boolean
  canTransfer: boolean
}

export interface SetupOutputs {
  create: { community: CommunitySummary; profile: CommunityProfile }
  profile: CommunityProfile
  saveProfile: CommunityProfile
  resetInvite: { inviteCode: string }
  team: TeamView
  appoint: StaffEntry
  transferOwnership: { owner: StaffEntry; me: StaffEntry }
}
