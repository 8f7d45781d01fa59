import { z } from 'zod'
import type { Level } from '../levels'
import type { Role } from '../roles'
import { NICKNAME_MAX_LENGTH } from '../community'

const nickname = z.string().trim().min(1, '昵称不能为空').max(NICKNAME_MAX_LENGTH, '昵称最多 20 个字')

/**
 * A group share's CloudID as the platform delivers it: the client sends wx.cloud.CloudID(id) and the
 * function receives the decrypted payload in `data` (absent when the id expired or was forged).
 */
export const groupShareSchema = z.object({
  cloudID: z.string().min(1),
  data: z.object({ opengid: z.string().min(1).optional(), openGId: z.string().min(1).optional() }).optional(),
})

export const memberInputs = {
  me: z.object({}).strict(),
  joinByGroup: z.object({ groupShare: groupShareSchema, nickname: nickname.optional() }).strict(),
  joinByInvite: z
    .object({
      code: z.string().trim().min(1, '请输入邀请码').max(16, '邀请码太长'),
      nickname: nickname.optional(),
    })
    .strict(),
}

export interface CommunitySummary {
  id: string
  name: string
  slogan: string
  memberCount: number
  /** Only staff see the invite code, to share it. */
  inviteCode?: string
}

export interface MemberProfile {
  nickname: string
  role: Role
  roleName: string
  level: Level
  levelName: string
  balance: number
  totalEarned: number
  joinedAt: string
}

/** `me` answers with nulls when the caller belongs to no community yet. */
export interface MeResult {
  community: CommunitySummary | null
  member: MemberProfile | null
}

export interface JoinResult {
  community: CommunitySummary
  member: MemberProfile
  /** True when the caller was already a member: joining twice is harmless. */
  alreadyMember: boolean
}

export interface MemberOutputs {
  me: MeResult
  joinByGroup: JoinResult
  joinByInvite: JoinResult
}

export type MemberInputs = { [K in keyof typeof memberInputs]: z.input<(typeof memberInputs)[K]> }
