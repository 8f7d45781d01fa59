/**
 * A month of activities in the demo community (SPEC §8): the weekly themes (Mon 晒书桌, Wed 话题日,
 * Fri 吐槽大会) and the daily 早报 as series, a monthly celebration, and one-offs of every kind and
 * size, from two weeks ago to two weeks ahead. Everything is published with its SOP tasks (the
 * shapes the `activities` function writes); past activities are finished and their staff steps done.
 */
import {
  timelineFor,
  type ActivityDoc,
  type ActivityKind,
  type ActivitySize,
} from '../../../cloudfunctions/core/activities'
import {
  occurrenceDays,
  occurrenceId,
  occurrenceStart,
  SERIES_PRESETS,
} from '../../../cloudfunctions/core/recurrence'
import { addDays, monthRange, shanghaiDayKey } from '../../../cloudfunctions/core/time'
import type { SeriesDoc } from '../../../cloudfunctions/activities/series'
import { DEMO_COMMUNITY } from '../demo'
import { inBatches, type SeedContext } from './context'

interface Plan {
  id: string
  day: string
  clock: string
  minutes: number
  kind: ActivityKind
  size: ActivitySize
  title: string
  description: string
  place?: string
  link?: string
  capacity: number | null
  points: number
  minLevel?: ActivityDoc['minLevel']
  seriesId?: string
}

/** The seeded series: the editor's ready-made rhythm (core/recurrence SERIES_PRESETS) but 晚间问答, with a description each. */
const DESCRIPTIONS: Record<string, string> = {
  morning: '每天早上一条读书早报：新书、书评和今日话题。',
  desk: '拍下你的书桌，聊聊这周在读什么。',
  topic: '每周三一个话题，群里一起讨论。',
  rant: '这周最想吐槽的一本书，畅所欲言。',
  monthly: '月度之星颁奖、抽奖和下月预告。',
}
const SERIES = SERIES_PRESETS.filter((p) => p.key in DESCRIPTIONS).map((p) => ({
  ...p,
  description: DESCRIPTIONS[p.key],
}))

export async function seedActivities(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const community = ctx.communities.find((c) => c.id === DEMO_COMMUNITY._id)
  if (!community) return 'no activities'
  const cid = community.id
  const owner =
    community.members.find((m) => m.role === 'organiser') ??
    community.members.find((m) => m.role === 'owner')!
  const today = shanghaiDayKey(now)
  const fromDay = addDays(today, -14)
  const untilDay = addDays(today, 16)

  const plans: Plan[] = []
  for (const s of SERIES) {
    const seriesId = `${cid}:se:demo-${s.key}`
    // The monthly celebration needs a month's end inside the span; the others fall often enough.
    const days = occurrenceDays(
      s.rule,
      fromDay,
      s.key === 'monthly' ? monthRange(untilDay.slice(0, 7)).last : untilDay,
    )
    const series: Omit<SeriesDoc, '_id'> = {
      communityId: cid,
      title: s.title,
      kind: s.kind,
      size: s.size,
      rule: s.rule,
      clock: s.clock,
      durationMin: s.durationMin,
      deadlineMin: 0,
      fromDay,
      untilDay,
      template: {
        description: s.description,
        coverFileId: null,
        place: null,
        link: null,
        capacity: null,
        minLevel: null,
        points: 10,
      },
      occurrences: days.length,
      createdBy: owner.openid,
      createdAt: new Date(now.getTime() - 15 * 86_400_000),
    }
    await db.collection('activity_series').doc(seriesId).set({ data: series })
    for (const day of days)
      plans.push({
        id: occurrenceId(seriesId, day),
        day,
        clock: s.clock,
        minutes: s.durationMin,
        kind: s.kind,
        size: s.size,
        title: s.title,
        description: s.description,
        capacity: null,
        points: 10,
        seriesId,
      })
  }
  const oneOff = (n: number, p: Omit<Plan, 'id' | 'day'> & { in: number }) =>
    plans.push({ ...p, id: `${cid}:ac:demo-${n}`, day: addDays(today, p.in) })
  oneOff(1, {
    in: -10,
    clock: '19:30',
    minutes: 90,
    kind: 'lecture',
    size: 'medium',
    title: '如何读完一本大部头',
    description: '书友分享：拆解阅读计划。',
    link: 'https://meeting.example.com/101',
    capacity: 200,
    points: 30,
  })
  oneOff(2, {
    in: -6,
    clock: '12:00',
    minutes: 60,
    kind: 'benefit',
    size: 'small',
    title: '周末好书抽奖',
    description: '抽 3 本新书。',
    capacity: null,
    points: 5,
  })
  oneOff(3, {
    in: -3,
    clock: '09:00',
    minutes: 24 * 60 - 60,
    kind: 'challenge',
    size: 'small',
    title: '21 天晨读挑战·启动',
    description: '每天早起读 20 分钟。',
    capacity: null,
    points: 20,
  })
  oneOff(4, {
    in: 5,
    clock: '19:00',
    minutes: 120,
    kind: 'live',
    size: 'medium',
    title: '作者直播：写作与生活',
    description: '和作者聊新书。',
    link: 'https://live.example.com/qh',
    capacity: null,
    points: 30,
  })
  oneOff(5, {
    in: 9,
    clock: '14:00',
    minutes: 180,
    kind: 'offline',
    size: 'large',
    title: '城南读书见面会',
    description: '带一本最近在读的书，线下见。',
    place: '城南图书馆二楼',
    capacity: 30,
    points: 80,
    minLevel: 'core',
  })
  oneOff(6, {
    in: 12,
    clock: '20:00',
    minutes: 60,
    kind: 'interaction',
    size: 'small',
    title: '年度书单投票',
    description: '投出今年最好的三本书。',
    capacity: null,
    points: 10,
  })

  let finished = 0
  await inBatches(plans, 20, async (p) => {
    const startAt = occurrenceStart(p.day, p.clock)
    const endAt = new Date(startAt.getTime() + p.minutes * 60_000)
    const past = endAt.getTime() <= now.getTime()
    if (past) finished += 1
    const doc: ActivityDoc = {
      _id: p.id,
      communityId: cid,
      kind: p.kind,
      size: p.size,
      title: p.title,
      coverFileId: null,
      description: p.description,
      startAt,
      endAt,
      place: p.place ?? null,
      link: p.link ?? null,
      capacity: p.capacity,
      signupDeadline: startAt,
      minLevel: p.minLevel ?? null,
      points: p.points,
      stage: past ? 'finished' : 'published',
      seriesId: p.seriesId ?? null,
      occurrenceDay: p.seriesId ? p.day : null,
      ownerOpenid: owner.openid,
      createdBy: owner.openid,
      createdAt: new Date(startAt.getTime() - 8 * 86_400_000),
      updatedAt: new Date(startAt.getTime() - 8 * 86_400_000),
      publishedAt: new Date(startAt.getTime() - 8 * 86_400_000),
      finishedAt: past ? endAt : null,
      confirmedCount: 0,
      waitlistCount: 0,
      attendedCount: 0,
    }
    const { _id, ...data } = doc
    await db.collection('activities').doc(_id).set({ data })
    for (const { _id: taskId, ...task } of timelineFor(doc)) {
      // Past staff steps were done by the organiser; the timer's own steps are left to it.
      const done = !task.auto && task.dueAt.getTime() <= now.getTime()
      await db
        .collection('activity_tasks')
        .doc(taskId)
        .set({ data: done ? { ...task, state: 'done', doneAt: task.dueAt, doneBy: owner.openid } : task })
    }
  })
  return `${plans.length} activities (${finished} finished, ${SERIES.length} series)`
}
