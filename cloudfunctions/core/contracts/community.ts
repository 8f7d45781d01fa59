import { z } from 'zod'
import {
  FULL_RULES_MAX,
  HANDBOOK_MAX_SECTIONS,
  INTRO_MAX,
  INTRO_MIN,
  JOIN_POLICIES,
  MAX_QUIZ_COOLDOWN_MINUTES,
  OPTION_TEXT_MAX,
  QUESTION_TEXT_MAX,
  QUESTIONNAIRE_MAX_QUESTIONS,
  QUIZ_MAX_OPTIONS,
  QUIZ_MAX_QUESTIONS,
  SECTION_BODY_MAX,
  SECTION_TITLE_MAX,
  SHORT_RULES_MAX,
  charCount,
  type ChecklistStep,
  type HandbookSection,
  type JoinPolicy,
  type JoinRequestState,
  type QuestionnaireQuestion,
  type QuizQuestion,
} from '../onboarding'
import { REWARD_CEILING_MAX, type RewardCeilings } from '../rewards'

/** A string limited in characters as a member counts them, with a message naming the limit. */
const limited = (max: number, label: string) =>
  z
    .string()
    .trim()
    .refine((s) => charCount(s) <= max, { message: `${label}最多 ${max} 个字` })

const page = {
  cursor: z.string().min(1).max(40).optional(),
  limit: z.number().int().min(1).max(100).optional(),
}

const questionId = z.string().trim().min(1).max(20)
const option = z
  .string()
  .trim()
  .min(1, '选项不能为空')
  .max(OPTION_TEXT_MAX, `选项最多 ${OPTION_TEXT_MAX} 个字`)

export const quizQuestionSchema = z
  .object({
    id: questionId,
    text: z
      .string()
      .trim()
      .min(1, '题目不能为空')
      .max(QUESTION_TEXT_MAX, `题目最多 ${QUESTION_TEXT_MAX} 个字`),
    options: z
      .array(option)
      .min(2, '每道题至少两个选项')
      .max(QUIZ_MAX_OPTIONS, `每道题最多 ${QUIZ_MAX_OPTIONS} 个选项`),
    answer: z.number().int().min(0),
  })
  .strict()

export const questionnaireQuestionSchema = z
  .object({
    id: questionId,
    text: z
      .string()
      .trim()
      .min(1, '题目不能为空')
      .max(QUESTION_TEXT_MAX, `题目最多 ${QUESTION_TEXT_MAX} 个字`),
    options: z.array(option).min(2, '每道题至少两个选项').max(12, '每道题最多 12 个选项'),
    multiple: z.boolean(),
  })
  .strict()

/** Questionnaire answers: question id → chosen option indexes. */
export const questionnaireAnswersSchema = z.record(questionId, z.array(z.number().int().min(0)).max(12))

export const communityInputs = {
  onboarding: z.object({}).strict(),
  readHandbook: z.object({}).strict(),
  ackRules: z.object({ version: z.number().int().min(1) }).strict(),
  submitIntro: z
    .object({
      text: z
        .string()
        .trim()
        .min(INTRO_MIN, `自我介绍至少 ${INTRO_MIN} 个字`)
        .max(INTRO_MAX, `自我介绍最多 ${INTRO_MAX} 个字`),
    })
    .strict(),
  intros: z.object(page).strict(),
  answerQuestionnaire: z.object({ answers: questionnaireAnswersSchema }).strict(),
  settings: z.object({}).strict(),
  rewardCeilings: z.object({}).strict(),
  saveRewardCeilings: z
    .object(
      Object.fromEntries(
        (['challenge', 'survey', 'activity'] as const).map((key) => [
          key,
          z
            .number()
            .int('上限应为整数')
            .min(0, '上限不能为负')
            .max(REWARD_CEILING_MAX, `上限最多 ${REWARD_CEILING_MAX} 分`),
        ]),
      ) as Record<keyof RewardCeilings, z.ZodNumber>,
    )
    .strict(),
  saveHandbook: z
    .object({
      sections: z
        .array(
          z
            .object({
              title: z
                .string()
                .trim()
                .min(1, '标题不能为空')
                .max(SECTION_TITLE_MAX, `标题最多 ${SECTION_TITLE_MAX} 个字`),
              body: limited(SECTION_BODY_MAX, '正文').pipe(z.string().min(1, '正文不能为空')),
            })
            .strict(),
        )
        .max(HANDBOOK_MAX_SECTIONS, `手册最多 ${HANDBOOK_MAX_SECTIONS} 节`),
    })
    .strict(),
  publishRules: z
    .object({
      shortRules: limited(SHORT_RULES_MAX, '简短群规').pipe(z.string().min(1, '请填写简短群规')),
      fullRules: limited(FULL_RULES_MAX, '完整群规').pipe(z.string().min(1, '请填写完整群规')),
    })
    .strict(),
  ackStatus: z.object({ version: z.number().int().min(1).optional(), ...page }).strict(),
  saveJoinSettings: z
    .object({
      policy: z.enum(JOIN_POLICIES as [JoinPolicy, ...JoinPolicy[]]),
      quiz: z
        .object({
          questions: z.array(quizQuestionSchema).max(QUIZ_MAX_QUESTIONS, `最多 ${QUIZ_MAX_QUESTIONS} 道题`),
          passMark: z.number().int().min(0).max(100),
          cooldownMinutes: z.number().int().min(0).max(MAX_QUIZ_COOLDOWN_MINUTES),
        })
        .strict(),
      questionnaire: z
        .array(questionnaireQuestionSchema)
        .max(QUESTIONNAIRE_MAX_QUESTIONS, `问卷最多 ${QUESTIONNAIRE_MAX_QUESTIONS} 道题`),
    })
    .strict(),
  joinRequests: z.object({ state: z.enum(['pending', 'expired', 'all']).optional(), ...page }).strict(),
  decideJoin: z.object({ openid: z.string().min(1).max(64), approve: z.boolean() }).strict(),
}

export interface ChecklistItem {
  step: ChecklistStep
  title: string
  done: boolean
  /** Points this step paid (0 when not done, or done too late to pay). */
  paid: number
  /** Points it pays when done now (0 if the window has passed). */
  points: number
}

export interface ChecklistView {
  items: ChecklistItem[]
  doneCount: number
  /** When the 24-hour introduction window closes (ISO). */
  introDeadline: string
  introWindowOpen: boolean
  /** The member's own intro and whether others can see it. */
  intro: { text: string; status: 'visible' | 'held' | 'rejected' } | null
  complete: boolean
  /** Shown on the home page: in the member's first week and until complete. */
  visible: boolean
}

export interface RulesView {
  version: number
  shortRules: string
  fullRules: string
  publishedAt: string | null
  /** True when the member must acknowledge this version. */
  needsAck: boolean
}

export interface OnboardingView {
  sections: HandbookSection[]
  rules: RulesView
  checklist: ChecklistView
  tags: string[]
  questionnaire: QuestionnaireQuestion[]
}

export interface AckResult {
  version: number
  /** True when this call recorded the acknowledgement; false when it had been recorded before. */
  recorded: boolean
  checklist: ChecklistView
}

export interface IntroResult {
  status: 'visible' | 'held'
  /** Points paid for the checklist step now (0 when held, already paid, or after 24 hours). */
  paid: number
  late: boolean
  checklist: ChecklistView
}

export interface IntroItem {
  /** The author's public id (members.publicId), never their openid. */
  publicId: string
  nickname: string
  text: string
  createdAt: string
  mine: boolean
  status: 'visible' | 'held' | 'rejected'
}

export interface Paged<T> {
  items: T[]
  nextCursor: string | null
}

export interface OnboardingSettings {
  policy: JoinPolicy
  quiz: { questions: QuizQuestion[]; passMark: number; cooldownMinutes: number }
  questionnaire: QuestionnaireQuestion[]
  sections: HandbookSection[]
  rules: RulesView
}

/** The owner's ceilings on staff-set rewards (core/rewards.ts), and whether the caller may change them. */
export interface RewardCeilingsView {
  ceilings: RewardCeilings
  canEdit: boolean
  updatedAt: string | null
}

export interface AckStatus {
  version: number
  memberCount: number
  ackCount: number
  notAcknowledged: number
  items: { openid: string; nickname: string; joinedAt: string }[]
  nextCursor: string | null
}

export interface JoinRequestItem {
  openid: string
  nickname: string
  state: JoinRequestState
  createdAt: string
  expiresAt: string
  tags: string[]
}

export interface CommunityOutputs {
  onboarding: OnboardingView
  readHandbook: ChecklistView
  ackRules: AckResult
  submitIntro: IntroResult
  intros: Paged<IntroItem>
  answerQuestionnaire: { tags: string[] }
  settings: OnboardingSettings
  rewardCeilings: RewardCeilingsView
  saveRewardCeilings: RewardCeilingsView
  saveHandbook: { sections: HandbookSection[] }
  publishRules: RulesView
  ackStatus: AckStatus
  saveJoinSettings: OnboardingSettings
  joinRequests: Paged<JoinRequestItem>
  decideJoin: { openid: string; state: JoinRequestState }
}

export type CommunityInputs = { [K in keyof typeof communityInputs]: z.input<(typeof communityInputs)[K]> }
