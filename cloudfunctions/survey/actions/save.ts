import { accessFor } from '../../core/rights'
import { randomBytes } from 'node:crypto'
import { surveyInputs, type SurveyView } from '../../core/contracts/survey'
import { rewardOverCeiling } from '../../core/rewards'
import { questionProblems, SURVEY_DEADLINE_MAX_DAYS, surveyToEntryQuestions } from '../../core/survey'
import { DAY_MS } from '../../core/time'
import { writeAudit } from '../../runtime/audit'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { loadPointRules } from '../../runtime/ledger'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { defaultSettings, type OnboardingSettingsDoc } from '../../runtime/onboarding'
import { loadRewardCeilings } from '../../runtime/rewards'
import { newResponseSalt, syncEntrySurvey, type SurveyDoc } from '../../runtime/surveys'
import { loadSurvey, viewOf } from '../community-survey'

/**
 * Create a draft (no surveyId) or change one. Published and closed surveys keep their questions
 * (SURVEY_LOCKED). The entry questionnaire is the exception: only its owner-level editors change it,
 * its questions stay choices (they become tags), it is saved into the onboarding settings too, and
 * changing its questions starts its counting over.
 */
export default memberAction({
  input: surveyInputs.save,
  access: accessFor('surveys'),
  async run(ctx, input): Promise<SurveyView> {
    const { db, now, caller } = ctx
    const cid = ctx.membership.community._id
    const existing = input.surveyId ? await loadSurvey(ctx, input.surveyId) : null
    const kind = existing?.kind ?? 'survey'
    if (existing && kind === 'survey' && existing.status !== 'draft') fail('SURVEY_LOCKED')
    if (kind === 'entry' && ctx.membership.member.role !== 'owner')
      fail('FORBIDDEN', '入群问卷只有主理人可以修改')
    const problems = questionProblems(input.questions, kind)
    const deadline = input.deadline ? new Date(input.deadline) : null
    if (deadline && deadline.getTime() <= now.getTime()) problems.deadline = '截止时间需晚于现在'
    else if (deadline && deadline.getTime() > now.getTime() + SURVEY_DEADLINE_MAX_DAYS * DAY_MS)
      problems.deadline = `截止时间最晚为 ${SURVEY_DEADLINE_MAX_DAYS} 天后`
    if (Object.keys(problems).length) fail('INVALID_INPUT', '问卷还有地方没填好', problems)
    const overCeiling = rewardOverCeiling(input.reward, (await loadRewardCeilings(db, cid)).survey)
    if (overCeiling) fail('REWARD_OVER_CEILING', overCeiling, { reward: overCeiling })
    await screenStaffText(db, {
      communityId: cid,
      openid: caller.openid,
      scene: SCENE.forum,
      what: '问卷',
      texts: [input.title, input.intro, ...input.questions.flatMap((q) => [q.title, ...q.options])],
    })

    const saved = await inTransaction(db, async (tx) => {
      if (kind === 'entry') {
        // The onboarding settings stay the questionnaire's home for joining; the survey follows them.
        const settings = await txGetOrNull<OnboardingSettingsDoc>(tx, 'onboarding_settings', cid)
        const { _id, ...fields } = { ...defaultSettings(cid), ...(settings ?? {}) }
        void _id
        const questionnaire = surveyToEntryQuestions(input.questions)
        await tx
          .collection('onboarding_settings')
          .doc(cid)
          .set({ data: { ...fields, questionnaire, updatedAt: now } })
        const entry = await syncEntrySurvey(tx, cid, questionnaire, now)
        const next = { ...entry, title: input.title, intro: input.intro, updatedAt: now }
        const { _id: id, ...doc } = next
        await tx.collection('surveys').doc(id).set({ data: doc })
        return next
      }
      const current = existing ? await txGetOrNull<SurveyDoc>(tx, 'surveys', existing._id) : null
      if (current && current.status !== 'draft') fail('SURVEY_LOCKED')
      const next: SurveyDoc = {
        _id: current?._id ?? `${cid}:${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`,
        communityId: cid,
        kind: 'survey',
        title: input.title,
        intro: input.intro,
        questions: input.questions,
        status: 'draft',
        deadline,
        anonymous: input.anonymous,
        reward: input.reward,
        round: 0,
        roundSince: null,
        createdBy: current?.createdBy ?? caller.openid,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
        publishedAt: null,
        closedAt: null,
        responseSalt: current?.responseSalt ?? newResponseSalt(),
      }
      const { _id, ...doc } = next
      await tx.collection('surveys').doc(_id).set({ data: doc })
      // A reward set (or changed) is a staff action on points: audited with the survey it belongs to.
      if (!current || current.reward !== input.reward)
        await writeAudit(tx, {
          communityId: cid,
          kind: 'survey_reward',
          by: caller.openid,
          byNickname: ctx.membership.member.nickname,
          target: null,
          targetNickname: null,
          amount: input.reward,
          source: `survey:${_id}`,
          reason: `问卷「${input.title}」奖励：${input.reward === null ? '按「完成问卷」规则' : `${input.reward} 分`}`,
          requestId: null,
          createdAt: now,
        })
      return next
    })
    const rules = await loadPointRules(db, cid)
    return viewOf(ctx, saved, { answered: false, responses: 0, rules })
  },
})
