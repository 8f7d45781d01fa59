import { z } from 'zod'
import type { Level } from '../levels'
import type { Role } from '../roles'
import { NICKNAME_MAX_LENGTH } from '../community'
import { DELETE_ME_CONFIRMATION } from '../erasure'
import type { JoinPolicy, JoinRequestState, PublicQuizQuestion, QuestionnaireQuestion } from '../onboarding'

/** Entry questionnaire answers: question id → chosen option indexes (fills the member's tags). */
const questionnaireAnswers = z.record(z.string().min(1).max(20), z.array(z.number().int().min(0)).max(12))
/** The activity whose share card brought the caller (its review counts who joined through it). */
const viaActivity = z.string().trim().min(1).max(64).optional()

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
      viaActivity,
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
      viaActivity,
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
  /** Edit my profile in the community I act in: a nickname (screened), an avatar, or both. */
  saveProfile: z
    .object({
      nickname: nickname.optional(),
      /** The `cloud://` file ID of an uploaded avatar; null takes the avatar away. */
      avatarFileId: z.string().trim().min(1).max(300).nullable().optional(),
    })
    .strict()
    .refine((v) => v.nickname !== undefined || v.avatarFileId !== undefined, {
      message: '请填写昵称或选择头像',
      path: ['nickname'],
    }),
  /** Every community I belong to, with my role and level there. */
  myCommunities: z.object({}).strict(),
  /** Act in another of my communities from now on. */
  switchCommunity: z.object({ communityId: z.string().trim().min(1).max(64) }).strict(),
  /** Everything the product holds about me (SPEC §10), in every community I belong or belonged to. */
  myData: z.object({}).strict(),
  /** Erase me (SPEC §10). The confirmation must be typed exactly: DELETE_ME_CONFIRMATION. */
  deleteMe: z
    .object({
      confirm: z.string().refine((v) => v === DELETE_ME_CONFIRMATION, {
        message: `请输入「${DELETE_ME_CONFIRMATION}」确认`,
      }),
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
  /** The avatar's cloud file ID (头像昵称填写), or null when none was chosen. */
  avatarFileId?: string | null
  /** True while the nickname is still the one given at joining (成员xxxx): invite them to set one. */
  defaultNickname?: boolean
}

/** One of my communities, for the switcher. */
export interface MyCommunity {
  id: string
  name: string
  slogan: string
  role: Role
  roleName: string
  level: Level
  levelName: string
  nickname: string
  /** The one the app acts in now. */
  current: boolean
}

export interface MyCommunities {
  items: MyCommunity[]
}

/** One section of my data: a table with Chinese headers, ready to show and to export as CSV. */
export interface MyDataSection {
  key: string
  title: string
  header: string[]
  rows: (string | number | null)[][]
  /** What the section cannot show, in words (e.g. anonymous answers cannot be linked to me). */
  note?: string
}

export interface MyData {
  /** When this was gathered (ISO). */
  at: string
  sections: MyDataSection[]
}

export interface DeleteMeResult {
  /** Memberships ended. */
  communities: number
  /** Ledger rows kept for the balances, now under an anonymous id. */
  ledgerRowsAnonymised: number
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
  saveProfile: MeResult
  myCommunities: MyCommunities
  switchCommunity: MeResult
  myData: MyData
  deleteMe: DeleteMeResult
  leave: { left: true; communityId: string }
}

export type MemberInputs = { [K in keyof typeof memberInputs]: z.input<(typeof memberInputs)[K]> }
