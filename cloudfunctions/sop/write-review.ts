/**
 * Writing the review (复盘) at T+1d: the counts come from the sign-ups themselves (not the activity's
 * running counters), new members from `members.joinedViaActivity`, the reminder figures from the
 * remind task, the warm-up reach from what staff recorded, the feedback survey's results from its
 * tallies, and the comparison from the community's earlier reviews of the same kind
 * (core/review.ts computes the figures). Writing it again gives the same review: the timer may.
 */
import type { ActivityDoc, TaskDoc } from '../core/activities'
import { buildReview, COMPARE_WITH, type ReviewDoc, type ReviewSurvey } from '../core/review'
import { mergeTallies, questionStats } from '../core/survey'
import type { Database } from '../runtime/cloud'
import { findMany, getDocOrNull } from '../runtime/db'
import type { SurveyDoc, TallyDoc } from '../runtime/surveys'

export async function writeReview(db: Database, activity: ActivityDoc, now: Date): Promise<ReviewDoc> {
  const _ = db.command
  const count = async (collection: string, where: object) =>
    ((await db.collection(collection).where(where).count()) as { total: number }).total
  const mine = { activityId: activity._id }
  const [all, confirmed, waitlisted, cancelled, attended, newMembers, pointsPaid, tasks, survey, previous] =
    await Promise.all([
      count('activity_signups', mine),
      count('activity_signups', { ...mine, state: 'confirmed' }),
      count('activity_signups', { ...mine, state: 'waitlisted' }),
      count('activity_signups', { ...mine, state: 'cancelled' }),
      count('activity_signups', { ...mine, attendedAt: _.neq(null) }),
      count('members', { communityId: activity.communityId, joinedViaActivity: activity._id }),
      sumPointsPaid(db, activity._id),
      findMany<TaskDoc>(
        db.collection('activity_tasks').where({ activityId: activity._id, step: _.in(['remind', 'warmup']) }),
      ),
      surveyResults(db, activity.feedbackSurveyId ?? null),
      findMany<ReviewDoc>(
        db
          .collection('activity_reviews')
          .where({
            communityId: activity.communityId,
            kind: activity.kind,
            startAt: _.lt(new Date(activity.startAt)),
          })
          .orderBy('startAt', 'desc')
          .limit(COMPARE_WITH),
      ),
    ])
  const remindTask = tasks.find((t) => t.step === 'remind')
  const warmupTask = tasks.find((t) => t.step === 'warmup')
  const review = buildReview(
    {
      activity,
      signups: all,
      confirmed,
      waitlisted,
      cancelled,
      attended,
      newMembers,
      pointsPaid,
      reminders: remindTask?.counts ?? null,
      warmupReachPercent: warmupTask?.state === 'done' ? (warmupTask.reach ?? null) : null,
      survey,
      previous,
    },
    now,
  )
  const { _id, ...fields } = review
  await db.collection('activity_reviews').doc(_id).set({ data: fields })
  return review
}

/** The points attendance paid, summed in the database (one request whatever the attendance). */
async function sumPointsPaid(db: Database, activityId: string): Promise<number> {
  const $ = db.command.aggregate
  const { list } = (await db
    .collection('activity_signups')
    .aggregate()
    .match({ activityId })
    .group({ _id: null, total: $.sum('$pointsPaid') })
    .end()) as { list: { total: number | null }[] }
  return list[0]?.total ?? 0
}

/** The attached feedback survey's per-question results from its tallies, or null. */
async function surveyResults(db: Database, surveyId: string | null): Promise<ReviewSurvey | null> {
  if (!surveyId) return null
  const survey = await getDocOrNull<SurveyDoc>(db, 'surveys', surveyId)
  if (!survey) return null
  const shards = await findMany<TallyDoc>(
    db.collection('survey_tallies').where({ surveyId, round: survey.round }).limit(100),
  )
  const tally = mergeTallies(shards)
  return {
    surveyId,
    title: survey.title,
    responses: tally.responses,
    questions: survey.questions.map((q) => questionStats(q, tally)),
  }
}
