import { z } from 'zod'
import {
  ACTIVITY_KINDS,
  ACTIVITY_SIZES,
  type ActivityKind,
  type ActivitySize,
  type ActivityStage,
  type SopStep,
  type TaskState,
} from '../activities'
import { LEVELS, type Level } from '../levels'
import type { MonthPlan } from '../planner'
import { CANCEL_REASON_MAX, CAPACITY_MAX, DESCRIPTION_MAX, PLACE_MAX, TITLE_MAX } from '../publishing'
import { type SeriesRule } from '../recurrence'
import { CLOCK_TIME } from '../sanctions'
import { REWARD_CEILING_MAX } from '../rewards'

const id = z.string().min(1).max(200)
const instant = (what: string) => z.string().datetime({ offset: true, message: `${what}格式不对` })
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')

/** What every activity (and a series' template) says about itself. */
const body = {
  kind: z.enum(ACTIVITY_KINDS),
  size: z.enum(ACTIVITY_SIZES),
  title: z.string().trim().min(1, '请填写活动名称').max(TITLE_MAX, `名称最多 ${TITLE_MAX} 个字`),
  description: z.string().trim().max(DESCRIPTION_MAX, `介绍最多 ${DESCRIPTION_MAX} 个字`).default(''),
  coverFileId: z.string().min(1).max(500).nullable().optional(),
  place: z.string().trim().max(PLACE_MAX).nullable().optional(),
  link: z.string().trim().max(500).nullable().optional(),
  capacity: z.number().int().min(1, '人数上限至少 1 人').max(CAPACITY_MAX).nullable(),
  /** Omitted: the default (offline → 核心); null: everyone. */
  minLevel: z.enum(LEVELS).nullable().optional(),
  points: z.number().int().min(0).max(REWARD_CEILING_MAX),
}

const rule = z.discriminatedUnion('freq', [
  z.object({ freq: z.literal('daily') }).strict(),
  z
    .object({ freq: z.literal('weekly'), weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7) })
    .strict(),
  z
    .object({
      freq: z.literal('monthly'),
      monthDay: z.union([z.number().int().min(1).max(31), z.literal('last')]),
    })
    .strict(),
])

export const activitiesInputs = {
  /** Staff create (no id) or edit an activity; a new one is a draft. */
  save: z
    .object({
      id: id.optional(),
      ...body,
      startAt: instant('开始时间'),
      endAt: instant('结束时间'),
      signupDeadline: instant('报名截止时间'),
    })
    .strict(),
  /** Draft → published: the SOP tasks are written in the same transaction. */
  publish: z.object({ id }).strict(),
  /** Draft or published → cancelled (a series occurrence: skipped); everyone signed up is told. */
  cancel: z
    .object({
      id,
      reason: z
        .string()
        .trim()
        .min(1, '请写明取消原因')
        .max(CANCEL_REASON_MAX, `原因最多 ${CANCEL_REASON_MAX} 个字`),
    })
    .strict(),
  finish: z.object({ id }).strict(),
  /** One activity with everything the editor needs (staff). */
  get: z.object({ id }).strict(),
  /** A month of the community's activities, by start time. */
  calendar: z.object({ month }).strict(),
  /** The 221 planner for a month (staff). */
  planner: z.object({ month }).strict(),
  /** Staff create a recurrence series and its occurrences from `fromDay` to `untilDay`. */
  saveSeries: z
    .object({
      ...body,
      rule,
      clock: z.string().regex(CLOCK_TIME, '时间格式应为 HH:mm'),
      durationMin: z
        .number()
        .int()
        .min(10)
        .max(24 * 60),
      /** How long before the start sign-up closes; 0: at the start. */
      deadlineMin: z
        .number()
        .int()
        .min(0)
        .max(7 * 24 * 60)
        .default(0),
      fromDay: day,
      untilDay: day,
      /** Publish every occurrence now (with its tasks), or leave them as drafts. */
      publish: z.boolean(),
    })
    .strict(),
  /** The community's series (staff). */
  series: z.object({}).strict(),
}

export interface ActivityView {
  id: string
  kind: ActivityKind
  kindName: string
  size: ActivitySize
  sizeName: string
  title: string
  description: string
  coverFileId: string | null
  startAt: string
  endAt: string
  /** 'YYYY-MM-DD' of the start, Asia/Shanghai. */
  day: string
  place: string | null
  link: string | null
  capacity: number | null
  signupDeadline: string
  minLevel: Level | null
  points: number
  stage: ActivityStage
  stageName: string
  seriesId: string | null
  occurrenceDay: string | null
  confirmedCount: number
  waitlistCount: number
  attendedCount: number
  cancelReason: string | null
}

export interface TaskView {
  step: SopStep
  name: string
  dueAt: string
  state: TaskState
  auto: boolean
}

export interface SeriesView {
  id: string
  title: string
  kind: ActivityKind
  size: ActivitySize
  rule: SeriesRule
  ruleText: string
  clock: string
  fromDay: string
  untilDay: string
  occurrences: number
}

export interface ActivitiesOutputs {
  save: ActivityView
  publish: ActivityView & { tasks: TaskView[] }
  cancel: ActivityView & { told: number; notSubscribed: number }
  finish: ActivityView
  get: ActivityView & { tasks: TaskView[]; ceiling: number; canEdit: boolean }
  calendar: { month: string; activities: ActivityView[]; isStaff: boolean }
  planner: MonthPlan
  saveSeries: SeriesView & { created: number; skippedPast: number }
  series: { items: SeriesView[] }
}
