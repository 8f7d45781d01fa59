/**
 * The SOP autopilot through the local cloud, the whole timeline driven by the local clock from
 * T−7d to T+1d: staff see and mark the manual steps on their day; at T−1h the timer reminds each
 * confirmed, subscribed sign-up exactly once (under a rerun and under two overlapping runs), skips
 * those who did not subscribe and counts them; at T+2h attendees are thanked in the app; at T+1d the
 * review is written with its figures, targets beside actuals, the survey and the comparison. A large
 * reminder run is resumable across timer runs. Tests insert the activity, task and sign-up docs
 * directly (core/activities shapes).
 */
import {
  timelineFor,
  type ActivityDoc,
  type SignupDoc,
  type TaskDoc,
} from '../../cloudfunctions/core/activities'
import type { ReviewResult, TasksResult, TaskView } from '../../cloudfunctions/core/contracts/sop'
import type { ActionResult } from '../../cloudfunctions/core/errors'
import { MESSAGE_TEMPLATES } from '../../cloudfunctions/core/notify'
import type { ReviewDoc } from '../../cloudfunctions/core/review'
import { databaseRequests } from '../../tools/bench/measure'
import { addCommunity, addMember, data, errorCode, getDoc } from '../support/fixtures'
import { databaseOf, sdkFor, startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'

jest.setTimeout(180_000)

let cloud: RunningCloud
let db: SdkDatabase

const C = 'c-sop'
const OTHER = 'x-sop'
const H = 3_600_000
const D = 86_400_000
const REMINDER = MESSAGE_TEMPLATES.activityReminder

const call = <T>(action: string, input: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>(
    'sop',
    { action, ...input, _community: openid.startsWith('x-') ? OTHER : C },
    openid,
  )
const fire = () => cloud.control<{ ok: boolean; result?: unknown }>('timers/sop')
const at = (start: Date, offset: number) => cloud.setClock(new Date(start.getTime() + offset).toISOString())

async function requestsOf(run: () => Promise<unknown>): Promise<number> {
  const before = await databaseRequests(cloud)
  await run()
  return (await databaseRequests(cloud)) - before
}

async function addActivity(id: string, start: Date, extra: Partial<ActivityDoc> = {}): Promise<ActivityDoc> {
  const activity: ActivityDoc = {
    _id: id,
    communityId: C,
    kind: 'interaction',
    size: 'small',
    title: '周五吐槽大会',
    description: '一起吐槽这周',
    startAt: start,
    endAt: new Date(start.getTime() + H),
    place: null,
    link: 'https://example.com/live',
    capacity: 6,
    signupDeadline: new Date(start.getTime() - 2 * H),
    minLevel: null,
    points: 10,
    stage: 'published',
    ownerOpenid: 's-org',
    createdBy: 's-org',
    createdAt: new Date(start.getTime() - 10 * D),
    updatedAt: new Date(start.getTime() - 10 * D),
    confirmedCount: 0,
    waitlistCount: 0,
    attendedCount: 0,
    ...extra,
  }
  const { _id, ...fields } = activity
  await db.collection('activities').doc(_id).set({ data: fields })
  for (const task of timelineFor(activity)) {
    const { _id: taskId, ...taskFields } = task
    await db.collection('activity_tasks').doc(taskId).set({ data: taskFields })
  }
  return activity
}

async function addSignup(
  activity: ActivityDoc,
  openid: string,
  seq: number,
  state: SignupDoc['state'],
  subscribed: boolean,
): Promise<void> {
  const row: Omit<SignupDoc, '_id'> = {
    communityId: activity.communityId,
    activityId: activity._id,
    openid,
    memberId: `${activity.communityId}_${openid}`,
    nickname: openid,
    state,
    seq,
    subscribed,
    createdAt: new Date(activity.startAt.getTime() - 5 * D),
  }
  await db.collection('activity_signups').doc(`${activity._id}:${openid}`).set({ data: row })
}

const outbox = (touser?: string) =>
  cloud
    .control<{ messages: { touser: string; templateId: string; page?: string }[] }>('outbox', {
      templateId: REMINDER,
      ...(touser ? { touser } : {}),
    })
    .then((r) => r.messages)

const taskIds = (r: TasksResult) => r.tasks.map((t) => [t.id, t.status])

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await addCommunity(db, C, { name: '活动社' })
  await addCommunity(db, OTHER, { name: '别的社群' })
  await addMember(db, C, 's-owner', { role: 'owner' })
  await addMember(db, C, 's-org', { role: 'organiser', nickname: '活动官' })
  await addMember(db, C, 's-vol', { role: 'volunteer' })
  await addMember(db, OTHER, 'x-owner', { role: 'owner' })
  for (const u of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7']) await addMember(db, C, `s-${u}`)
})

afterAll(() => cloud?.stop())

it('runs the whole timeline from T−7d to T+1d', async () => {
  const start = new Date('2026-12-12T12:00:00.000Z') // Sat 20:00 in Shanghai
  await at(start, -8 * D)
  const a = await addActivity('act-fri', start, { feedbackSurveyId: 'sv-fri' })
  // u1–u4 confirmed and said yes to the reminder; only u1–u3 hold a grant (u4's was used elsewhere);
  // u5 confirmed without subscribing; u6 waitlisted; u7 cancelled.
  await addSignup(a, 's-u1', 1, 'confirmed', true)
  await addSignup(a, 's-u2', 2, 'confirmed', true)
  await addSignup(a, 's-u3', 3, 'confirmed', true)
  await addSignup(a, 's-u4', 4, 'confirmed', true)
  await addSignup(a, 's-u5', 5, 'confirmed', false)
  await addSignup(a, 's-u6', 6, 'waitlisted', true)
  await addSignup(a, 's-u7', 7, 'cancelled', true)
  await cloud.control('subscriptions', { openid: 's-u1', templateIds: [REMINDER, REMINDER] })
  for (const u of ['s-u2', 's-u3', 's-u5', 's-u6'])
    await cloud.control('subscriptions', { openid: u, templateId: REMINDER })
  // An earlier review of the same kind, and one of another kind, for the comparison.
  const earlier = (id: string, kind: string, signups: number, attended: number) =>
    db
      .collection('activity_reviews')
      .doc(id)
      .set({
        data: {
          communityId: C,
          activityId: id,
          title: '上周吐槽大会',
          kind,
          size: 'small',
          startAt: new Date(start.getTime() - 7 * D),
          figures: {
            signups,
            confirmed: signups,
            attended,
            attendanceRate: attended / signups,
            newMembers: 0,
          },
          reach: [],
          comparison: null,
          survey: null,
          createdAt: new Date(start.getTime() - 6 * D),
        },
      })
  await earlier('act-prev', 'interaction', 4, 2)
  await earlier('act-lecture', 'lecture', 100, 100)
  // The feedback survey: one rating question answered twice (tallies as the survey function keeps them).
  await db
    .collection('surveys')
    .doc('sv-fri')
    .set({
      data: {
        communityId: C,
        kind: 'survey',
        title: '活动反馈',
        round: 1,
        questions: [
          {
            id: 'q1',
            type: 'rating',
            title: '满意度',
            required: true,
            options: [],
            minChoices: null,
            maxChoices: null,
          },
        ],
      },
    })
  await db
    .collection('survey_tallies')
    .doc('sv-fri:r1:0')
    .set({
      data: {
        surveyId: 'sv-fri',
        round: 1,
        responses: 2,
        q: { q1: { n: 2, c: { '4': 1, '5': 1 }, sum: 9 } },
      },
    })

  // T−8d: nothing due yet.
  expect(data(await call<TasksResult>('tasks', {}, 's-org')).tasks).toEqual([])

  // T−7d: the plan is due today; the timer leaves manual steps to staff.
  await at(start, -7 * D)
  expect((await fire()).ok).toBe(true)
  let today = data(await call<TasksResult>('tasks', {}, 's-org'))
  expect(taskIds(today)).toEqual([['act-fri:plan', 'due']])
  expect(today.tasks[0]).toMatchObject({ stepName: '确定方案', auto: false, mine: true, asksReach: false })
  // Staff only, own community only.
  expect(errorCode(await call('tasks', {}, 's-vol'))).toBe('FORBIDDEN')
  expect(errorCode(await call('tasks', {}, 's-u1'))).toBe('FORBIDDEN')
  expect(data(await call<TasksResult>('tasks', {}, 'x-owner')).tasks).toEqual([])
  expect(errorCode(await call('mark', { taskId: 'act-fri:plan', state: 'done' }, 'x-owner'))).toBe(
    'NOT_FOUND',
  )

  // T−3d: the plan left undone is overdue beside today's warm-up. The owner marks both.
  await at(start, -3 * D)
  today = data(await call<TasksResult>('tasks', {}, 's-owner'))
  expect(taskIds(today)).toEqual([
    ['act-fri:plan', 'overdue'],
    ['act-fri:warmup', 'due'],
  ])
  expect(today.tasks[1]).toMatchObject({ mine: false, asksReach: true })
  const markRequests = await requestsOf(async () => {
    expect(
      data(await call<TaskView>('mark', { taskId: 'act-fri:plan', state: 'done' }, 's-owner')),
    ).toMatchObject({
      state: 'done',
      status: 'done',
    })
  })
  expect(markRequests).toBeLessThanOrEqual(3) // membership, the task, the conditional update
  const warmup = data(
    await call<TaskView>('mark', { taskId: 'act-fri:warmup', state: 'done', reach: 85 }, 's-org'),
  )
  expect(warmup).toMatchObject({ state: 'done', reach: 85 })
  expect(errorCode(await call('mark', { taskId: 'act-fri:warmup', state: 'skipped' }, 's-org'))).toBe(
    'TASK_CLOSED',
  )
  expect(errorCode(await call('mark', { taskId: 'act-fri:remind', state: 'done' }, 's-org'))).toBe(
    'TASK_AUTO',
  )
  expect(
    errorCode(await call('mark', { taskId: 'act-fri:notify', state: 'done', reach: 101 }, 's-org')),
  ).toBe('INVALID_INPUT')
  expect(await getDoc<TaskDoc>(db, 'activity_tasks', 'act-fri:notify')).toMatchObject({ state: 'open' })
  const tasksRequests = await requestsOf(async () =>
    expect(data(await call<TasksResult>('tasks', {}, 's-org')).tasks).toEqual([]),
  )
  expect(tasksRequests).toBe(2) // membership and one read

  // T−1d: notify is skipped.
  await at(start, -1 * D)
  data(await call('mark', { taskId: 'act-fri:notify', state: 'skipped' }, 's-org'))

  // A minute before T−1h nothing is sent.
  await at(start, -H - 60_000)
  await fire()
  expect(await outbox()).toEqual([])

  // T−1h: two overlapping runs and a rerun send each subscribed, confirmed sign-up one reminder.
  await at(start, -H)
  const runs = await Promise.all([fire(), fire()])
  expect(runs.map((r) => r.ok)).toEqual([true, true])
  await fire()
  const sent = await outbox()
  expect(sent.map((m) => m.touser).sort()).toEqual(['s-u1', 's-u2', 's-u3'])
  expect(sent[0].page).toBe('packages/activities/detail/index?id=act-fri')
  // u1 had two grants: one is left. u5 (not subscribed) and u6 (waitlisted) keep theirs.
  const left = async (openid: string) => {
    const res = await fetch(`${cloud.url}/_local/subscriptions?openid=${openid}`)
    return ((await res.json()) as { remaining: Record<string, number> }).remaining[REMINDER] ?? 0
  }
  expect(await left('s-u1')).toBe(1)
  expect(await left('s-u5')).toBe(1)
  expect(await left('s-u6')).toBe(1)
  const remind = await getDoc<TaskDoc>(db, 'activity_tasks', 'act-fri:remind')
  expect(remind).toMatchObject({
    state: 'done',
    doneBy: 'timer',
    result: '已提醒 3 人，1 人未订阅，1 人发送失败',
    counts: { sent: 3, notSubscribed: 1, failed: 1 },
  })
  expect((await getDoc<SignupDoc>(db, 'activity_signups', 'act-fri:s-u1'))?.remindedAt).toBeTruthy()
  expect((await getDoc<SignupDoc>(db, 'activity_signups', 'act-fri:s-u4'))?.remindedAt ?? null).toBeNull()
  expect((await getDoc<SignupDoc>(db, 'activity_signups', 'act-fri:s-u5'))?.remindedAt ?? null).toBeNull()

  // The activity: u1 and u2 attend (the signups function's writes, done here directly); u2 joined
  // the community through the activity's share card; each was paid 10 points.
  await at(start, 30 * 60_000)
  for (const u of ['s-u1', 's-u2'])
    await db
      .collection('activity_signups')
      .doc(`act-fri:${u}`)
      .update({ data: { attendedAt: new Date(start.getTime() + 60_000), pointsPaid: 10 } })
  await db
    .collection('members')
    .doc(`${C}_s-u2`)
    .update({ data: { joinedViaActivity: 'act-fri' } })
  await db
    .collection('members')
    .doc(`${C}_s-u6`)
    .update({ data: { joinedViaActivity: 'act-other' } })

  // T+2h: attendees are thanked in the app; no subscription is used.
  await at(start, 2 * H)
  await fire()
  await fire()
  expect(await getDoc<TaskDoc>(db, 'activity_tasks', 'act-fri:thanks')).toMatchObject({
    state: 'done',
    result: '已向 2 位到场成员致谢',
  })
  expect((await getDoc<SignupDoc>(db, 'activity_signups', 'act-fri:s-u2'))?.thankedAt).toBeTruthy()
  expect((await getDoc<SignupDoc>(db, 'activity_signups', 'act-fri:s-u3'))?.thankedAt ?? null).toBeNull()
  expect(await outbox()).toHaveLength(3)
  expect(await left('s-u1')).toBe(1)

  // Before T+1d the review is not there yet, and says when it will be.
  await at(start, D - 60_000)
  await fire()
  expect(data(await call<ReviewResult>('review', { activityId: 'act-fri' }, 's-org'))).toEqual({
    ready: false,
    activityId: 'act-fri',
    title: '周五吐槽大会',
    dueAt: new Date(start.getTime() + D).toISOString(),
  })

  // T+1d: the review.
  await at(start, D)
  expect((await fire()).ok).toBe(true)
  expect(await getDoc<TaskDoc>(db, 'activity_tasks', 'act-fri:review')).toMatchObject({
    state: 'done',
    result: '复盘已生成：报名 7 人，到场 2 人',
  })
  let reviewRequests = 0
  let result: ReviewResult | null = null
  reviewRequests = await requestsOf(async () => {
    result = data(await call<ReviewResult>('review', { activityId: 'act-fri' }, 's-org'))
  })
  expect(reviewRequests).toBe(2) // membership and the review
  const r = result! as Extract<ReviewResult, { ready: true }>
  expect(r.ready).toBe(true)
  expect(r.review).toMatchObject({ title: '周五吐槽大会', kind: 'interaction', kindName: '互动型' })
  expect(r.review.figures).toEqual({
    signups: 7,
    confirmed: 5,
    waitlisted: 1,
    cancelled: 1,
    attended: 2,
    attendanceRate: 0.4,
    noShows: 3,
    newMembers: 1,
    pointsPaid: 20,
    reminded: 3,
    notSubscribed: 1,
    reminderFailed: 1,
  })
  expect(r.review.reach).toEqual([
    { key: 'warmupReach', name: '预热触达率', target: 0.8, actual: 0.85, met: true },
    { key: 'reminderAccuracy', name: '提醒准确率', target: 0.95, actual: 0.6, met: false },
  ])
  expect(r.review.comparison).toEqual({
    count: 1,
    figures: [
      { key: 'signups', name: '报名人数', current: 7, average: 4, delta: 3 },
      { key: 'attended', name: '到场人数', current: 2, average: 2, delta: 0 },
      { key: 'attendanceRate', name: '到场率', current: 0.4, average: 0.5, delta: -0.1 },
      { key: 'newMembers', name: '带来新成员', current: 1, average: 0, delta: 1 },
    ],
  })
  expect(r.review.survey).toMatchObject({ surveyId: 'sv-fri', title: '活动反馈', responses: 2 })
  expect(r.review.survey!.questions[0]).toMatchObject({ title: '满意度', average: 4.5 })
  expect(errorCode(await call('review', { activityId: 'act-fri' }, 'x-owner'))).toBe('NOT_FOUND')
  expect(errorCode(await call('review', { activityId: 'act-fri' }, 's-u1'))).toBe('FORBIDDEN')
  // Nothing more runs, and a member cannot start the timer.
  expect(await getDoc<ReviewDoc>(db, 'activity_reviews', 'act-fri')).toMatchObject({ communityId: C })
  expect(errorCode(await cloud.call('sop', { Type: 'Timer' }, 's-u1'))).toBe('FORBIDDEN')
  expect(await outbox()).toHaveLength(3)
})

it('a cancelled activity drops its automatic steps', async () => {
  const start = new Date('2026-12-20T12:00:00.000Z')
  await addActivity('act-gone', start, { stage: 'cancelled' })
  await addSignup(
    (await getDoc<ActivityDoc>(db, 'activities', 'act-gone'))! as ActivityDoc,
    's-u1',
    1,
    'confirmed',
    true,
  )
  await at(start, -H)
  await fire()
  expect(await getDoc<TaskDoc>(db, 'activity_tasks', 'act-gone:remind')).toMatchObject({
    state: 'cancelled',
    result: '活动已取消',
  })
  expect(await outbox('s-u1')).toHaveLength(1) // only act-fri's
})

it('sends a large reminder run in resumable batches across timer runs, each once', async () => {
  const start = new Date('2026-12-27T12:00:00.000Z')
  const a = await addActivity('act-big', start, { capacity: null, title: '大型庆典' })
  for (let i = 0; i < 25; i++) {
    const openid = `big-${String(i).padStart(2, '0')}`
    await addSignup(a, openid, i + 1, 'confirmed', true)
    await cloud.control('subscriptions', { openid, templateId: REMINDER })
  }
  // Each run takes one batch of 10: the run stops where the time limit would stop it.
  await db
    .collection('jobs')
    .doc('sop:settings')
    .set({ data: { batchSize: 10, batchesPerRun: 1 } })
  await at(start, -H)
  const pending = async () => (await getDoc<TaskDoc>(db, 'activity_tasks', 'act-big:remind'))!.state
  const bigSent = async () => (await outbox()).filter((m) => m.touser.startsWith('big-')).length
  await fire()
  expect([await pending(), await bigSent()]).toEqual(['open', 10])
  await fire()
  expect([await pending(), await bigSent()]).toEqual(['open', 20])
  await fire()
  expect([await pending(), await bigSent()]).toEqual(['done', 25])
  await fire()
  expect(await bigSent()).toBe(25)
  expect((await getDoc<TaskDoc>(db, 'activity_tasks', 'act-big:remind'))?.result).toBe('已提醒 25 人')
  await db.collection('jobs').doc('sop:settings').remove()
})
