/** The community calendar (members and staff) and the 221 planner (staff). */
import type { ActivityDoc, ActivityStage } from '../core/activities'
import { activitiesInputs, type ActivitiesOutputs } from '../core/contracts/activities'
import { planMonth, plannerSpan } from '../core/planner'
import { accessFor, can } from '../core/rights'
import { addDays, addMonths, isMonthKey, shanghaiDayStart } from '../core/time'
import type { Database } from '../runtime/cloud'
import { findMany } from '../runtime/db'
import { fail } from '../runtime/errors'
import { EVERY_MEMBER } from '../core/roles'
import { memberAction } from '../runtime/handler'
import { activityView } from './records'

/** Members see what was published (and what became of it); staff also see drafts. */
const MEMBER_STAGES: ActivityStage[] = ['published', 'finished', 'cancelled']
/** A month holds at most this many activities (two a day plus themes and one-offs fit easily). */
const MONTH_MAX = 300

async function activitiesBetween(
  db: Database,
  communityId: string,
  from: Date,
  until: Date,
  stages: ActivityStage[] | null,
): Promise<ActivityDoc[]> {
  const _ = db.command
  return findMany<ActivityDoc>(
    db
      .collection('activities')
      .where({
        communityId,
        startAt: _.gte(from).and(_.lt(until)),
        ...(stages ? { stage: _.in(stages) } : {}),
      })
      .orderBy('startAt', 'asc')
      .limit(MONTH_MAX),
  )
}

const checkMonth = (month: string) => {
  if (!isMonthKey(month)) fail('INVALID_INPUT', '月份不对', { month: '月份不对' })
}

export const calendar = memberAction({
  input: activitiesInputs.calendar,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<ActivitiesOutputs['calendar']> {
    checkMonth(input.month)
    const isStaff = can(ctx.membership.member.role, 'activities')
    const list = await activitiesBetween(
      ctx.db,
      ctx.membership.community._id,
      shanghaiDayStart(`${input.month}-01`),
      shanghaiDayStart(`${addMonths(input.month, 1)}-01`),
      isStaff ? null : MEMBER_STAGES,
    )
    return { month: input.month, activities: list.map(activityView), isStaff }
  },
})

export const planner = memberAction({
  input: activitiesInputs.planner,
  access: accessFor('activities'),
  async run(ctx, input): Promise<ActivitiesOutputs['planner']> {
    checkMonth(input.month)
    const { fromDay, untilDay } = plannerSpan(input.month)
    const list = await activitiesBetween(
      ctx.db,
      ctx.membership.community._id,
      shanghaiDayStart(fromDay),
      shanghaiDayStart(addDays(untilDay, 1)),
      ['draft', 'published', 'finished'],
    )
    return planMonth(
      input.month,
      list.map((a) => ({ startAt: new Date(a.startAt), size: a.size, stage: a.stage })),
    )
  },
})
