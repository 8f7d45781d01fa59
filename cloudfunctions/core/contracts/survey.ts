import type { ExportPart } from '../csv'
import { z } from 'zod'
import {
  OPTION_MAX,
  OPTIONS_MAX,
  QUESTION_TITLE_MAX,
  QUESTION_TYPES,
  SURVEY_INTRO_MAX,
  SURVEY_MAX_QUESTIONS,
  SURVEY_REWARD_MAX,
  SURVEY_TITLE_MAX,
  TEXT_ANSWER_MAX,
  type QuestionStats,
  type SurveyKind,
  type SurveyQuestion,
  type SurveyStatus,
} from '../survey'

const limit = z.number().int().min(1).max(100).optional()
const cursor = z.string().min(1).max(300).optional()
const surveyId = z.string().min(1).max(120)
const questionId = z
  .string()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9_-]+$/, '题目编号只能包含字母、数字、- 和 _')

export const surveyQuestionSchema: z.ZodType<SurveyQuestion, z.ZodTypeDef, unknown> = z
  .object({
    id: questionId,
    type: z.enum(QUESTION_TYPES),
    title: z
      .string()
      .trim()
      .min(1, '请填写题目')
      .max(QUESTION_TITLE_MAX, `题目最多 ${QUESTION_TITLE_MAX} 字`),
    required: z.boolean(),
    options: z
      .array(z.string().trim().max(OPTION_MAX, `选项最多 ${OPTION_MAX} 字`))
      .max(OPTIONS_MAX, `最多 ${OPTIONS_MAX} 个选项`),
    minChoices: z.number().int().nullable(),
    maxChoices: z.number().int().nullable(),
  })
  .strict()

const answerValue = z.union([
  z.number().int(),
  z.array(z.number().int()).max(OPTIONS_MAX),
  z.string().max(TEXT_ANSWER_MAX, `最多 ${TEXT_ANSWER_MAX} 字`),
])

export const surveyInputs = {
  list: z
    .object({ status: z.enum(['all', 'draft', 'published', 'closed']).optional(), cursor, limit })
    .strict(),
  detail: z.object({ surveyId }).strict(),
  submit: z.object({ surveyId, answers: z.record(questionId, answerValue) }).strict(),
  save: z
    .object({
      /** Absent: a new draft. */
      surveyId: surveyId.optional(),
      title: z
        .string()
        .trim()
        .min(1, '请填写问卷标题')
        .max(SURVEY_TITLE_MAX, `标题最多 ${SURVEY_TITLE_MAX} 字`),
      intro: z.string().trim().max(SURVEY_INTRO_MAX, `说明最多 ${SURVEY_INTRO_MAX} 字`),
      questions: z.array(surveyQuestionSchema).max(SURVEY_MAX_QUESTIONS, `最多 ${SURVEY_MAX_QUESTIONS} 道题`),
      /** ISO time; null = no deadline. */
      deadline: z.string().datetime({ offset: true, message: '截止时间格式不对' }).nullable(),
      anonymous: z.boolean(),
      /** Points for a response; null = the community's 完成问卷 rule. */
      reward: z.number().int().min(0, '奖励不能小于 0').max(SURVEY_REWARD_MAX).nullable(),
    })
    .strict(),
  publish: z.object({ surveyId }).strict(),
  close: z.object({ surveyId }).strict(),
  results: z.object({ surveyId }).strict(),
  textAnswers: z.object({ surveyId, questionId, cursor, limit }).strict(),
  exportResponses: z.object({ surveyId, cursor }).strict(),
}

export type SurveyInputs = { [K in keyof typeof surveyInputs]: z.input<(typeof surveyInputs)[K]> }

export interface SurveySummary {
  id: string
  kind: SurveyKind
  title: string
  /** The effective state: a published survey past its deadline reads 'closed'. */
  status: SurveyStatus
  statusName: string
  deadline: string | null
  anonymous: boolean
  reward: number
  questionCount: number
  responses: number
  /** Whether the caller has answered. */
  answered: boolean
  publishedAt: string | null
  createdAt: string
}

export interface SurveyView extends SurveySummary {
  intro: string
  questions: SurveyQuestion[]
  /** Whether the caller may edit, publish, close and read results. */
  canManage: boolean
}

export interface SurveyPage {
  items: SurveySummary[]
  nextCursor: string | null
  /** Reward when a survey does not set one (the community's 完成问卷 rule). */
  defaultReward: number
}

export interface SubmitResult {
  surveyId: string
  alreadyAnswered: boolean
  /** Points paid by this response (0 when already answered or no reward). */
  points: number
  balance: number
  /** How many text answers wait for an admin before others see them. */
  heldTexts: number
  /** Why it paid nothing although the survey has a reward (its creator answered); absent otherwise. */
  note?: string
}

export interface SurveyResults {
  survey: SurveySummary
  responses: number
  questions: QuestionStats[]
  /** Entry questionnaire: counting restarts when its questions change; this says since when. */
  countingSince: string | null
}

export interface TextAnswer {
  id: string
  text: string
  /** Null in anonymous surveys. */
  nickname: string | null
  createdAt: string
}

export interface TextAnswerPage {
  items: TextAnswer[]
  nextCursor: string | null
}

/** One numbered file of an export (the one export format, core/csv). */
export type { ExportPart }

export interface SurveyOutputs {
  list: SurveyPage
  detail: SurveyView
  submit: SubmitResult
  save: SurveyView
  publish: SurveyView
  close: SurveyView
  results: SurveyResults
  textAnswers: TextAnswerPage
  exportResponses: ExportPart
}
