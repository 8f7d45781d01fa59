/** A survey of the caller's community: loading it (drafts only for staff), its tally, its reward, its views. */
import type { SurveySummary, SurveyView } from '../core/contracts/survey'
import { can } from '../core/rights'
import { SURVEY_STATUS_NAMES, effectiveStatus, mergeTallies, type Tally } from '../core/survey'
import type { PointRules } from '../core/points'
import type { Database } from '../runtime/cloud'
import { findMany, getDocOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { MemberActionContext } from '../runtime/handler'
import type { SurveyDoc, TallyDoc } from '../runtime/surveys'

export function canManage(ctx: MemberActionContext): boolean {
  return can(ctx.membership.member.role, 'surveys')
}

/**
 * A survey of the caller's community. Another community's survey, and a draft for a member, are
 * NOT_FOUND: nobody learns they exist.
 */
export async function loadSurvey(ctx: MemberActionContext, surveyId: string): Promise<SurveyDoc> {
  const survey = await getDocOrNull<SurveyDoc>(ctx.db, 'surveys', surveyId)
  if (!survey || survey.communityId !== ctx.membership.community._id)
    return fail('NOT_FOUND', '找不到这份问卷')
  if (survey.status === 'draft' && !canManage(ctx)) return fail('NOT_FOUND', '找不到这份问卷')
  return survey
}

/** The points a response earns: the survey's own reward, else the community's 完成问卷 rule. */
export function rewardOf(survey: Pick<SurveyDoc, 'reward' | 'kind'>, rules: PointRules): number {
  if (survey.kind === 'entry') return 0
  if (survey.reward !== null) return survey.reward
  return rules.survey.enabled ? rules.survey.points : 0
}

/** The survey's tallies of its current round, summed (at most TALLY_SHARDS documents). */
export async function loadTally(db: Database, survey: Pick<SurveyDoc, '_id' | 'round'>): Promise<Tally> {
  const shards = await findMany<TallyDoc>(
    db.collection('survey_tallies').where({ surveyId: survey._id, round: survey.round }).limit(100),
  )
  return mergeTallies(shards)
}

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null)

export function summaryOf(
  survey: SurveyDoc,
  now: Date,
  extra: { answered: boolean; responses: number; rules: PointRules },
): SurveySummary {
  const status = effectiveStatus(survey, now)
  return {
    id: survey._id,
    kind: survey.kind,
    title: survey.title,
    status,
    statusName: SURVEY_STATUS_NAMES[status],
    deadline: iso(survey.deadline),
    anonymous: survey.anonymous,
    reward: rewardOf(survey, extra.rules),
    questionCount: survey.questions.length,
    responses: extra.responses,
    answered: extra.answered,
    publishedAt: iso(survey.publishedAt),
    createdAt: iso(survey.createdAt)!,
  }
}

export function viewOf(
  ctx: MemberActionContext,
  survey: SurveyDoc,
  extra: { answered: boolean; responses: number; rules: PointRules },
): SurveyView {
  return {
    ...summaryOf(survey, ctx.now, extra),
    intro: survey.intro,
    questions: survey.questions,
    canManage: canManage(ctx),
  }
}
