import { z } from 'zod'
import type { Level } from '../levels'
import type { Role } from '../roles'
import { NICKNAME_MAX_LENGTH } from '../community'
import type { JoinPolicy, JoinRequestState, PublicQuizQuestion, QuestionnaireQuestion } from '../onboarding'

/** Entry questionnaire answers: question id → chosen option indexes (fills the member's tags). */
const questionnaireAnswers = z.record(z.string().min(1).max(20), z.array(z.number().int().min(0)).max(12))

const nickname = z.string().trim().min(1, '昵称不能为空').max(NICKNAME_MAX_LENGTH, '昵称最多 20 个字')

/**
 * A group share's CloudID as the platform delivers it: the client sends wx.cloud.CloudID(id) and the
 * function receives the decrypted payload in `data` (absent when the id expired or was forged). A
 * client can also send such an object as it likes, so the function decrypts `cloudID` itself.
 */
export const groupShareSchema = z.object({
  cloudID: z.string().min(1),
  data: z.object({ opengid: z.string().min(1).optional(), openGId: z.string().min(1).optional() }).optional(),
})

export const memberInputs = {
  me: z.object({}).strict(),
  /** Leave the community the call acts in; `confirm: true` says the member confirmed it on the page. */
  leave: z.object({ confirm: z.literal(true) }).strict(),
  joinByGroup: z
    .object({
      groupShare: groupShareSchema,
      nickname: nickname.optional(),
      questionnaire: questionnaireAnswers.optional(),
    })
    .strict(),
  joinByInvite: z
    .object({
      code: z.string().trim().min(1, '请输入邀请码').max(16, '邀请码太长'),
      /**
       * The inviter's personal ref from their invite link (never an openid). An unknown, foreign or own
       * ref does not stop the join; it just credits nobody.
       */
      ref: z.string().trim().max(64).optional(),
      nickname: nickname.optional(),
      questionnaire: questionnaireAnswers.optional(),
    })
    .strict(),
  /** My personal invite: the community code, my ref (made on first use) and how many joined by it. */
  invite: z.object({}).strict(),
  /** Who joined by my invite, newest first. */
  invitees: z.object({ cursor: z.string().min(1).max(200).optional() }).strict(),
  /** Answer the entry quiz of a community whose gate the caller reached by invite code or group card. */
  submitQuiz: z
    .object({
      communityId: z.string().min(1).max(64),
      answers: z.record(z.string().min(1).max(20), z.number().int().min(0)),
      nickname: nickname.optional(),
      questionnaire: questionnaireAnswers.optional(),
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
  /** The title they wear (bought in the mall), or null. */
  title?: string | null
}

/** `me` answers with nulls when the caller belongs to no community yet. */
export interface MeResult {
  community: CommunitySummary | null
  member: MemberProfile | null
  /** For someone in no community yet: the join they are waiting on (审核中) or that expired. */
  pendingJoin?: JoinGate | null
}

/**
 * A community the caller asked to join but is not in yet: waiting for an admin (review), or facing
 * the entry quiz (quiz).
 */
export interface JoinGate {
  community: { id: string; name: string; slogan: string; memberCount: number }
  policy: Exclude<JoinPolicy, 'open'>
  questionnaire: QuestionnaireQuestion[]
  /** Review: the request's state. */
  request?: { state: JoinRequestState; createdAt: string; expiresAt: string }
  /** Quiz: the questions (without answers), the pass mark, and the last attempt. */
  quiz?: {
    questions: PublicQuizQuestion[]
    passMark: number
    cooldownMinutes: number
    last: { correct: number; total: number; percent: number; passed: boolean; at: string } | null
    /** When the next attempt is allowed (ISO), or null when it is allowed now. */
    retryAt: string | null
  }
}

export interface JoinResult {
  /** 'joined' (absent in older answers means joined). */
  status?: 'joined'
  community: CommunitySummary
  member: MemberProfile
  /** True when the caller was already a member: joining twice is harmless. */
  alreadyMember: boolean
  /**
   * They had left or been removed and came back through the join policy: points, level, history and
   * live violations are kept; a staff role is not.
   */
  rejoined?: boolean
  /** The short rules, shown in the welcome. */
  welcome?: { shortRules: string } | null
}

export interface GatedJoin {
  status: 'pending' | 'quiz'
  gate: JoinGate
}

export type JoinOutcome = JoinResult | GatedJoin

export interface InviteView {
  communityName: string
  code: string
  /** The caller's personal ref; the link is `invitePath(code, ref)` (core/invite.ts). */
  ref: string
  /** Members who joined by the caller's invite. */
  invitedCount: number
}

/** A member who joined by the caller's invite: no openid, no member id. */
export interface Invitee {
  nickname: string
  levelName: string
  joinedAt: string
}

export interface InviteesPage {
  items: Invitee[]
  nextCursor: string | null
}

export interface MemberOutputs {
  me: MeResult
  joinByGroup: JoinOutcome
  joinByInvite: JoinOutcome
  submitQuiz: JoinOutcome
  invite: InviteView
  invitees: InviteesPage
  leave: { left: true; communityId: string }
}

export type MemberInputs = { [K in keyof typeof memberInputs]: z.input<(typeof memberInputs)[K]> }
