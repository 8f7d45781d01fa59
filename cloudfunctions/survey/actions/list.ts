import { surveyInputs, type SurveyPage } from '../../core/contracts/survey'
import { EVERY_MEMBER } from '../../core/roles'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { loadPointRules } from '../../runtime/ledger'
import { afterCursor, encodeCursor } from '../../runtime/paging'
import { responseId, type ResponseDoc, type SurveyDoc } from '../../runtime/surveys'
import { canManage, rewardOf, summaryOf } from '../community-survey'

/**
 * Surveys of the caller's community, newest first. Members see published surveys still open, each
 * with whether they answered; staff see every state (status filter), with response counts.
 */
export default memberAction({
  input: surveyInputs.list,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<SurveyPage> {
    const { db, now } = ctx
    const _ = db.command
    const cid = ctx.membership.community._id
    const limit = input.limit ?? 20
    const staff = canManage(ctx)
    const wanted = staff ? (input.status ?? 'all') : 'published'
    // Closed by hand or by deadline; the stored status alone does not say the second.
    const scope: Record<string, unknown> =
      wanted === 'all'
        ? { communityId: cid }
        : { communityId: cid, status: wanted === 'closed' ? _.in(['published', 'closed']) : wanted }
    const timing =
      wanted === 'published'
        ? _.or([{ deadline: null }, { deadline: _.gt(now) }])
        : wanted === 'closed'
          ? _.or([{ status: 'closed' }, { deadline: _.lte(now) }])
          : null
    const where = afterCursor(db, scope, input.cursor)
    const rows = await findMany<SurveyDoc>(
      db
        .collection('surveys')
        .where(timing ? _.and([where, timing]) : where)
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(limit + 1),
    )
    // Members answer the entry questionnaire during onboarding, not from this list.
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    const visible = staff ? page : page.filter((s) => s.kind !== 'entry')
    const ids = visible.map((s) => responseId(s, ctx.caller.openid))
    const [mine, counts, rules] = await Promise.all([
      ids.length
        ? findMany<ResponseDoc>(
            db
              .collection('survey_responses')
              .where({ _id: _.in(ids) })
              .field({ _id: true })
              .limit(ids.length),
          )
        : Promise.resolve([]),
      staff
        ? Promise.all(
            visible.map(async (s) => {
              const res = (await db
                .collection('survey_responses')
                .where({ surveyId: s._id, round: s.round })
                .count()) as {
                total: number
              }
              return res.total
            }),
          )
        : Promise.resolve(visible.map(() => 0)),
      loadPointRules(db, cid),
    ])
    const answered = new Set(mine.map((r) => r._id))
    return {
      items: visible.map((s, i) =>
        summaryOf(s, now, { answered: answered.has(ids[i]!), responses: counts[i] ?? 0, rules }),
      ),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last._id) : null,
      defaultReward: rewardOf({ kind: 'survey', reward: null }, rules),
    }
  },
})
