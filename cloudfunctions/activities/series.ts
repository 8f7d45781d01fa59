/**
 * Recurrence series: staff set a rule (daily, weekly themes, monthly) and a template; each
 * occurrence becomes its own activity (id `${seriesId}:${day}`), so one can be edited or skipped
 * (cancelled) without touching the others.
 */
import type { ActivityDoc } from '../core/activities'
import { activitiesInputs, type ActivitiesOutputs, type SeriesView } from '../core/contracts/activities'
import { activityFieldErrors, defaultMinLevel } from '../core/publishing'
import {
  occurrenceDays,
  occurrenceId,
  occurrenceStart,
  ruleText,
  seriesSpanRefusal,
  type SeriesRule,
} from '../core/recurrence'
import { accessFor } from '../core/rights'
import { shanghaiDayKey } from '../core/time'
import { findMany, inTransaction } from '../runtime/db'
import { fail } from '../runtime/errors'
import { memberAction } from '../runtime/handler'
import { loadRewardCeilings } from '../runtime/rewards'
import { failFields, screenActivityContent } from './editing'
import { newActivityId, txWriteTimeline } from './records'

export interface SeriesDoc {
  _id: string
  communityId: string
  title: string
  kind: ActivityDoc['kind']
  size: ActivityDoc['size']
  rule: SeriesRule
  clock: string
  durationMin: number
  deadlineMin: number
  fromDay: string
  untilDay: string
  /** The template each occurrence starts from. */
  template: Pick<
    ActivityDoc,
    'description' | 'coverFileId' | 'place' | 'link' | 'capacity' | 'minLevel' | 'points'
  >
  occurrences: number
  createdBy: string
  createdAt: Date
}

function seriesView(s: SeriesDoc): SeriesView {
  return {
    id: s._id,
    title: s.title,
    kind: s.kind,
    size: s.size,
    rule: s.rule,
    ruleText: ruleText(s.rule),
    clock: s.clock,
    fromDay: s.fromDay,
    untilDay: s.untilDay,
    occurrences: s.occurrences,
  }
}

/** Occurrences written at once (each in its own transaction with its tasks). */
const PARALLEL = 4

export const saveSeries = memberAction({
  input: activitiesInputs.saveSeries,
  access: accessFor('activities'),
  async run(ctx, input): Promise<ActivitiesOutputs['saveSeries']> {
    const { community, member } = ctx.membership
    const cid = community._id
    const span = seriesSpanRefusal(input.fromDay, input.untilDay, shanghaiDayKey(ctx.now))
    if (span) fail('INVALID_INPUT', span, { untilDay: span })
    const ceilings = await loadRewardCeilings(ctx.db, cid)
    // The first occurrence stands for all: same clock, duration, deadline and points.
    const sample = occurrenceStart(input.fromDay, input.clock)
    const errors = activityFieldErrors(
      {
        startAt: sample,
        endAt: new Date(sample.getTime() + input.durationMin * 60_000),
        signupDeadline: new Date(sample.getTime() - input.deadlineMin * 60_000),
        points: input.points,
      },
      { now: ctx.now, ceiling: ceilings.activity, moved: false },
    )
    if (errors.points) fail('REWARD_OVER_CEILING', errors.points, { points: errors.points })
    failFields(errors)
    await screenActivityContent(ctx, input, null)
    const days = occurrenceDays(input.rule, input.fromDay, input.untilDay)
    const upcoming = days.filter((d) => occurrenceStart(d, input.clock).getTime() > ctx.now.getTime())
    if (!upcoming.length)
      fail('INVALID_INPUT', '这段时间里没有符合规则的日子', { rule: '这段时间里没有符合规则的日子' })
    const template: SeriesDoc['template'] = {
      description: input.description,
      coverFileId: input.coverFileId ?? null,
      place: input.place || null,
      link: input.link || null,
      capacity: input.capacity,
      minLevel: defaultMinLevel(input.kind, input.minLevel),
      points: input.points,
    }
    const series: SeriesDoc = {
      _id: newActivityId(cid, ctx.now, 'se'),
      communityId: cid,
      title: input.title,
      kind: input.kind,
      size: input.size,
      rule: input.rule,
      clock: input.clock,
      durationMin: input.durationMin,
      deadlineMin: input.deadlineMin,
      fromDay: input.fromDay,
      untilDay: input.untilDay,
      template,
      occurrences: upcoming.length,
      createdBy: member.openid,
      createdAt: ctx.now,
    }
    const { _id, ...seriesData } = series
    await ctx.db.collection('activity_series').doc(_id).set({ data: seriesData })
    const occurrence = (day: string): ActivityDoc => {
      const startAt = occurrenceStart(day, input.clock)
      return {
        _id: occurrenceId(series._id, day),
        communityId: cid,
        kind: input.kind,
        size: input.size,
        title: input.title,
        ...template,
        startAt,
        endAt: new Date(startAt.getTime() + input.durationMin * 60_000),
        signupDeadline: new Date(startAt.getTime() - input.deadlineMin * 60_000),
        stage: input.publish ? 'published' : 'draft',
        seriesId: series._id,
        occurrenceDay: day,
        ownerOpenid: member.openid,
        createdBy: member.openid,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        publishedAt: input.publish ? ctx.now : null,
        confirmedCount: 0,
        waitlistCount: 0,
        attendedCount: 0,
      }
    }
    for (let i = 0; i < upcoming.length; i += PARALLEL)
      await Promise.all(
        upcoming.slice(i, i + PARALLEL).map((day) =>
          inTransaction(ctx.db, async (tx) => {
            const doc = occurrence(day)
            const { _id: id, ...data } = doc
            await tx.collection('activities').doc(id).set({ data })
            if (input.publish) await txWriteTimeline(tx, doc)
          }),
        ),
      )
    return { ...seriesView(series), created: upcoming.length, skippedPast: days.length - upcoming.length }
  },
})

export const series = memberAction({
  input: activitiesInputs.series,
  access: accessFor('activities'),
  async run(ctx): Promise<ActivitiesOutputs['series']> {
    const list = await findMany<SeriesDoc>(
      ctx.db
        .collection('activity_series')
        .where({ communityId: ctx.membership.community._id })
        .orderBy('createdAt', 'desc')
        .limit(50),
    )
    return { items: list.map(seriesView) }
  },
})
