import { surveyInputs, type SubmitResult } from '../../core/contracts/survey'
import { visibilityFor } from '../../core/moderation'
import { ledgerReason } from '../../core/points'
import { payableReward } from '../../core/rewards'
import { EVERY_MEMBER } from '../../core/roles'
import { checkAnswers, isOpen } from '../../core/survey'
import { getDocOrNull, inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { loadPointRules, postInTransaction } from '../../runtime/ledger'
import { holdInTransaction, SCENE, screenOrReject } from '../../runtime/moderation'
import { assertMaySpeak } from '../../runtime/speech'
import { loadRewardCeilings } from '../../runtime/rewards'
import { countResponse, responseHash, type ResponseDoc, type SurveyTextDoc } from '../../runtime/surveys'
import { loadSurvey, rewardOf } from '../community-survey'

const RISKY_TEXT = '回答里有不适宜的内容，请修改后再提交'

/**
 * Answer a published survey, once. The response's id comes from the survey and the member, and the
 * response, its tallies, its text answers and the reward's ledger row are written in one transaction:
 * under any number of parallel submits one response counts and the reward pays once; the others
 * answer `alreadyAnswered`. Text answers are screened first: risky refuses the whole response with
 * nothing written; review stores the response and pays, but keeps that text out of the results until
 * an admin approves it (moderation queue).
 */
export default memberAction({
  input: surveyInputs.submit,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<SubmitResult> {
    const { db, now, caller, membership } = ctx
    const survey = await loadSurvey(ctx, input.surveyId)
    if (survey.kind === 'entry') fail('NOT_FOUND', '入群问卷请在「完善资料」里填写')
    if (survey.status === 'draft') fail('SURVEY_NOT_OPEN')
    if (!isOpen(survey, now)) fail('SURVEY_CLOSED')
    const { answers, problems } = checkAnswers(survey.questions, input.answers)
    if (Object.keys(problems).length) fail('INVALID_INPUT', '还有题目没有答好', problems)

    const cid = survey.communityId
    const hash = responseHash(survey, caller.openid)
    const id = `${survey._id}:${hash}`
    const answeredAlready = (balance: number): SubmitResult => ({
      surveyId: survey._id,
      alreadyAnswered: true,
      points: 0,
      balance,
      heldTexts: 0,
    })
    if (await getDocOrNull(db, 'survey_responses', id)) return answeredAlready(membership.member.balance)

    // Content checks call the platform, so they run before the transaction and write nothing; a
    // risky answer refuses the whole response. Held answers are queued in the transaction below,
    // with the text it stores.
    const texts = survey.questions
      .filter((q) => q.type === 'text' && typeof answers[q.id] === 'string')
      .map((q) => ({ questionId: q.id, text: answers[q.id] as string }))
    // Text answers are speech; a response of choices only is not.
    if (texts.some((t) => t.text.trim())) await assertMaySpeak(db, membership.member, now)
    const screened = await Promise.all(
      texts.map(async (t) => {
        const verdict = await screenOrReject(
          db,
          { communityId: cid, openid: caller.openid, text: t.text, scene: SCENE.comment },
          RISKY_TEXT,
        )
        return { ...t, screened: verdict, status: visibilityFor(verdict.verdict) }
      }),
    )

    const [rules, ceilings] = await Promise.all([loadPointRules(db, cid), loadRewardCeilings(db, cid)])
    // Never above the owner's ceiling, and nothing to the survey's own creator (core/rewards).
    const { points: reward, note } = payableReward({
      reward: rewardOf(survey, rules),
      ceiling: ceilings.survey,
      createdBy: survey.createdBy,
      openid: caller.openid,
      kind: 'survey',
    })
    const nickname = survey.anonymous ? null : membership.member.nickname
    return inTransaction(db, async (tx) => {
      if (await txGetOrNull(tx, 'survey_responses', id)) {
        const member = await txGetOrNull<{ balance: number }>(tx, 'members', membership.member._id)
        return answeredAlready(member?.balance ?? 0)
      }
      const paid =
        reward > 0
          ? await postInTransaction(tx, {
              communityId: cid,
              openid: caller.openid,
              source: `survey:${survey._id}`,
              kind: 'earn',
              delta: reward,
              reason: ledgerReason('survey', survey.title),
              cap: { rule: 'survey', dailyCap: rules.survey.dailyCap },
              now,
              // One response per member per survey, written with its row: no response, no row.
              sourceIsNew: true,
            })
          : null
      const response: Omit<ResponseDoc, '_id'> = {
        communityId: cid,
        surveyId: survey._id,
        round: survey.round,
        openid: survey.anonymous ? null : caller.openid,
        nickname,
        answers,
        points: paid?.delta ?? 0,
        createdAt: now,
        updatedAt: now,
      }
      await tx.collection('survey_responses').doc(id).set({ data: response })
      await countResponse(tx, survey, hash, answers, null)
      for (const t of screened) {
        const doc: Omit<SurveyTextDoc, '_id'> = {
          communityId: cid,
          surveyId: survey._id,
          questionId: t.questionId,
          responseId: id,
          text: t.text,
          nickname,
          status: t.status,
          createdAt: now,
        }
        await tx.collection('survey_texts').doc(`${id}:${t.questionId}`).set({ data: doc })
        await holdInTransaction(tx, t.screened, {
          communityId: cid,
          openid: caller.openid,
          kind: 'survey_text',
          collection: 'survey_texts',
          docId: `${id}:${t.questionId}`,
          text: t.text,
          now,
        })
      }
      const member = paid
        ? null
        : await txGetOrNull<{ balance: number }>(tx, 'members', membership.member._id)
      return {
        surveyId: survey._id,
        alreadyAnswered: false,
        points: paid?.delta ?? 0,
        balance: paid?.balance ?? member?.balance ?? 0,
        heldTexts: screened.filter((t) => t.status === 'held').length,
        ...(note ? { note } : {}),
      }
    })
  },
})
