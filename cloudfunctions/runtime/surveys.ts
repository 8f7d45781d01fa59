/**
 * Survey storage shared by the `survey` function and onboarding (the entry questionnaire is a survey):
 * response ids, the running tallies kept in the response's transaction, and the entry survey.
 *
 * A response's id is `${surveyId}:${HMAC-SHA256(responseSalt, openid)}`: one per member by the
 * database, and an anonymous survey's response needs no openid to stay unique. The salt is a random
 * secret of each survey, kept on the survey document only: no view returns it and no client reads the
 * database (core/schema.ts security rules), so nobody can compute a member's id and link an anonymous
 * answer to them — not even from openids. Surveys saved before the salt (and the entry questionnaire,
 * which is named) keep the old `sha256(surveyId:openid)` ids, so nobody answers one of them twice.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { memberId } from '../core/community'
import {
  addResponse,
  emptyTally,
  entryAnswers,
  entryToSurveyQuestions,
  sameQuestions,
  tallyShard,
  type Answers,
  type EntryQuestion,
  type SurveyKind,
  type SurveyQuestion,
  type SurveyStatus,
  type Tally,
} from '../core/survey'
import type { Database } from './cloud'
import { inTransaction, txGetOrNull, type Transaction } from './db'

export interface SurveyDoc {
  _id: string
  communityId: string
  kind: SurveyKind
  title: string
  intro: string
  questions: SurveyQuestion[]
  status: SurveyStatus
  deadline: Date | null
  anonymous: boolean
  /** Points per response; null = the community's 完成问卷 rule at the time of answering. */
  reward: number | null
  /** Entry questionnaire: bumped when its questions change, so counting starts over. */
  round: number
  roundSince: Date | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
  closedAt: Date | null
  /** The secret behind its response ids (see the header); server-side only, never in a view. */
  responseSalt?: string
}

export interface ResponseDoc {
  _id: string
  communityId: string
  surveyId: string
  round: number
  /** Named surveys only; null in anonymous ones. */
  openid: string | null
  nickname: string | null
  answers: Answers
  points: number
  createdAt: Date
  updatedAt: Date
}

export interface SurveyTextDoc {
  _id: string
  communityId: string
  surveyId: string
  questionId: string
  responseId: string
  text: string
  nickname: string | null
  status: 'visible' | 'held' | 'rejected'
  createdAt: Date
}

export interface TallyDoc extends Tally {
  _id: string
  surveyId: string
  round: number
}

/** A new survey's response secret. */
export function newResponseSalt(): string {
  return randomBytes(32).toString('hex')
}

type Salted = Pick<SurveyDoc, '_id' | 'responseSalt'>

export function responseHash(survey: Salted, openid: string): string {
  if (survey.responseSalt)
    return createHmac('sha256', survey.responseSalt).update(openid).digest('hex').slice(0, 32)
  return createHash('sha256').update(`${survey._id}:${openid}`).digest('hex').slice(0, 32)
}

export function responseId(survey: Salted, openid: string): string {
  return `${survey._id}:${responseHash(survey, openid)}`
}

export function tallyId(surveyId: string, round: number, shard: number): string {
  return `${surveyId}:r${round}:${shard}`
}

/**
 * Count a response into its shard (and take the old answers out when a response is replaced),
 * inside the response's own transaction, so the tallies always agree with the responses.
 */
export async function countResponse(
  tx: Transaction,
  survey: Pick<SurveyDoc, '_id' | 'round'>,
  hash: string,
  answers: Answers,
  replaced: Answers | null,
): Promise<void> {
  const id = tallyId(survey._id, survey.round, tallyShard(hash))
  const saved = await txGetOrNull<TallyDoc>(tx, 'survey_tallies', id)
  let tally: Tally = saved ? { responses: saved.responses, q: saved.q } : emptyTally()
  if (replaced) tally = addResponse(tally, replaced, -1)
  tally = addResponse(tally, answers)
  await tx
    .collection('survey_tallies')
    .doc(id)
    .set({ data: { surveyId: survey._id, round: survey.round, responses: tally.responses, q: tally.q } })
}

// ── The entry questionnaire ──

export function entrySurveyId(communityId: string): string {
  return `${communityId}:entry`
}

function entrySurveyDoc(
  communityId: string,
  questions: SurveyQuestion[],
  saved: SurveyDoc | null,
  now: Date,
): SurveyDoc {
  const changed = !saved || !sameQuestions(saved.questions, questions)
  return {
    _id: entrySurveyId(communityId),
    communityId,
    kind: 'entry',
    title: saved?.title ?? '入群问卷',
    intro: saved?.intro ?? '了解你的职业、兴趣和习惯，为你推荐合适的活动。',
    questions,
    status: 'published',
    deadline: null,
    anonymous: false,
    reward: 0,
    round: saved ? saved.round + (changed ? 1 : 0) : 0,
    roundSince: changed ? now : (saved?.roundSince ?? now),
    createdBy: saved?.createdBy ?? 'system',
    createdAt: saved?.createdAt ?? now,
    updatedAt: now,
    publishedAt: saved?.publishedAt ?? now,
    closedAt: null,
  }
}

/**
 * Keep the entry survey in step with the onboarding questionnaire (inside the caller's transaction).
 * Changed questions start a new counting round; unchanged ones keep counting.
 */
export async function syncEntrySurvey(
  tx: Transaction,
  communityId: string,
  questionnaire: EntryQuestion[],
  now: Date,
): Promise<SurveyDoc> {
  const saved = await txGetOrNull<SurveyDoc>(tx, 'surveys', entrySurveyId(communityId))
  const questions = entryToSurveyQuestions(questionnaire)
  if (saved && JSON.stringify(saved.questions) === JSON.stringify(questions)) return saved
  // A community without a questionnaire has no entry survey until it makes one.
  if (!saved && !questions.length) return entrySurveyDoc(communityId, questions, null, now)
  const doc = entrySurveyDoc(communityId, questions, saved, now)
  const { _id, ...fields } = doc
  await tx.collection('surveys').doc(_id).set({ data: fields })
  return doc
}

export interface EntryResponseInput {
  communityId: string
  openid: string
  nickname: string
  questionnaire: EntryQuestion[]
  /** question id → chosen option indexes, already validated (core/onboarding tagsFromAnswers). */
  chosen: Record<string, number[]>
  /** When given, the member's tags are set in the same transaction. */
  tags?: string[]
  now: Date
}

/**
 * Record a member's entry questionnaire answers as their entry-survey response: answering again
 * replaces the response and its counts. Optionally sets the member's tags in the same step.
 */
export async function recordEntryResponse(db: Database, input: EntryResponseInput): Promise<void> {
  await inTransaction(db, async (tx) => {
    const survey = await syncEntrySurvey(tx, input.communityId, input.questionnaire, input.now)
    const hash = responseHash(survey, input.openid)
    const id = `${survey._id}:${hash}`
    const answers = entryAnswers(survey.questions, input.chosen)
    const old = await txGetOrNull<ResponseDoc>(tx, 'survey_responses', id)
    await countResponse(tx, survey, hash, answers, old && old.round === survey.round ? old.answers : null)
    const response: Omit<ResponseDoc, '_id'> = {
      communityId: input.communityId,
      surveyId: survey._id,
      round: survey.round,
      openid: input.openid,
      nickname: input.nickname,
      answers,
      points: 0,
      createdAt: old?.createdAt ?? input.now,
      updatedAt: input.now,
    }
    await tx.collection('survey_responses').doc(id).set({ data: response })
    if (input.tags)
      await tx
        .collection('members')
        .doc(memberId(input.communityId, input.openid))
        .update({ data: { tags: input.tags } })
  })
}
