/** Publishing and closing: the state rule (core/survey canTransition) checked and applied in one step. */
import type { SurveyView } from '../core/contracts/survey'
import { canTransition, type SurveyStatus } from '../core/survey'
import { inTransaction, txGetOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { MemberActionContext } from '../runtime/handler'
import { loadPointRules } from '../runtime/ledger'
import type { SurveyDoc } from '../runtime/surveys'
import { loadSurvey, loadTally, viewOf } from './community-survey'

export async function moveSurvey(
  ctx: MemberActionContext,
  surveyId: string,
  to: Extract<SurveyStatus, 'published' | 'closed'>,
): Promise<SurveyView> {
  const { db, now } = ctx
  const found = await loadSurvey(ctx, surveyId)
  if (found.kind === 'entry') fail('FORBIDDEN', '入群问卷一直开放，不能发布或结束')
  const moved = await inTransaction(db, async (tx) => {
    const survey = await txGetOrNull<SurveyDoc>(tx, 'surveys', surveyId)
    if (!survey) return fail('NOT_FOUND')
    // Publishing twice or closing twice (a retried tap) is harmless.
    if (survey.status === to) return survey
    if (!canTransition(survey.status, to))
      fail('INVALID_INPUT', to === 'published' ? '这份问卷已经发布过了' : '只有进行中的问卷可以结束')
    if (to === 'published') {
      if (!survey.questions.length)
        fail('INVALID_INPUT', '至少添加一道题再发布', { questions: '至少添加一道题' })
      if (survey.deadline && new Date(survey.deadline).getTime() <= now.getTime())
        fail('INVALID_INPUT', '截止时间已过，请修改后再发布', { deadline: '截止时间需晚于现在' })
    }
    const change =
      to === 'published'
        ? { status: to, publishedAt: now, updatedAt: now }
        : { status: to, closedAt: now, updatedAt: now }
    await tx.collection('surveys').doc(surveyId).update({ data: change })
    return { ...survey, ...change }
  })
  const [rules, tally] = await Promise.all([loadPointRules(db, moved.communityId), loadTally(db, moved)])
  return viewOf(ctx, moved, { answered: false, responses: tally.responses, rules })
}
