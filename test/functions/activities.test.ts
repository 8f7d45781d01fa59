/**
 * Publishing activities through the local cloud (SPEC §8): drafts with a screened cover, the points
 * ceiling and the offline level default; publication writing the SOP timeline; moving the start
 * re-times open tasks; cancelling tells everyone signed up; finishing; series occurrences across the
 * year end, each editable or skippable; the calendar by role; the 221 planner; and the refusals.
 */
import type { ActivityDoc, SignupDoc, TaskDoc } from '../../cloudfunctions/core/activities'
import type { ActivitiesOutputs } from '../../cloudfunctions/core/contracts/activities'
import type { ActionResult } from '../../cloudfunctions/core/errors'
import { shanghaiDayStart } from '../../cloudfunctions/core/time'
import { databaseRequests } from '../../tools/bench/measure'
import { sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'
import { uploadFixture } from '../support/storage'
import { addCommunity, addMember, caller, count, data, getDoc, type Db } from './community-support'

jest.setTimeout(180_000)

let cloud: RunningCloud
let db: Db
let call: ReturnType<typeof caller>

const C = 'c-act'
const OTHER = 'c-act2'
const HOUR = 3_600_000
/** `hour`:00 Shanghai on `day`. */
const at = (day: string, hour: number) => new Date(shanghaiDayStart(day).getTime() + hour * HOUR)
const T0 = at('2026-12-01', 10)
const codeOf = (r: ActionResult<unknown>) => (r.ok ? null : r.error.code)
const act = <A extends keyof ActivitiesOutputs>(
  action: A,
  input: Record<string, unknown>,
  openid: string,
  community = C,
) => call<ActivitiesOutputs[A]>('activities', { action, _community: community, ...input }, openid)

const meetup = (over: Record<string, unknown> = {}) => ({
  kind: 'offline',
  size: 'medium',
  title: '城南读书见面会',
  description: '带一本最近在读的书，一起聊聊。',
  place: '城南图书馆二楼',
  capacity: 20,
  points: 50,
  startAt: at('2026-12-12', 14).toISOString(),
  endAt: at('2026-12-12', 16).toISOString(),
  signupDeadline: at('2026-12-11', 20).toISOString(),
  ...over,
})

async function seriesOccurrences(seriesId: string): Promise<ActivityDoc[]> {
  const res = (await db
    .collection('activities')
    .where({ seriesId })
    .orderBy('startAt', 'asc')
    .get()) as unknown as {
    data: ActivityDoc[]
  }
  return res.data
}

async function requestsOf<T>(run: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const before = await databaseRequests(cloud)
  const result = await run()
  return { result, requests: (await databaseRequests(cloud)) - before }
}

beforeAll(async () => {
  cloud = await startCloud()
  db = sdkFor(cloud).database()
  call = caller(cloud)
  await cloud.setClock(T0.toISOString())
  await addCommunity(db, C, 'ACT122')
  await addCommunity(db, OTHER, 'ACT222')
  await addMember(db, C, 'o-owner', 'owner', T0, '主理人')
  await addMember(db, C, 'o-org', 'organiser', T0, '活动官小林')
  for (const m of ['o-m1', 'o-m2', 'o-m3']) await addMember(db, C, m, 'member', T0, `成员${m}`)
  await addMember(db, OTHER, 'o-org2', 'organiser', T0, '别的活动官')
})

afterAll(() => cloud?.stop())

describe('one-off activities', () => {
  let id: string

  it('saves a draft with a screened cover; an offline meet-up defaults to 核心 members', async () => {
    const cover = await uploadFixture(cloud, 'uploads/cover/meetup.png')
    const draft = data(await act('save', meetup({ coverFileId: cover }), 'o-org'))
    id = draft.id
    expect(draft).toMatchObject({
      stage: 'draft',
      stageName: '草稿',
      kindName: '线下见面',
      minLevel: 'core',
      points: 50,
      coverFileId: cover,
      day: '2026-12-12',
    })
    const image = await count(db, 'images', { fileId: cover, purpose: 'cover' })
    expect(image).toBe(1)
    // A draft has no tasks yet.
    expect(await count(db, 'activity_tasks', { activityId: id })).toBe(0)
  })

  it('refuses bad input, points over the ceiling, members and another community, changing nothing', async () => {
    const before = await count(db, 'activities', {})
    const inverted = await act('save', meetup({ endAt: at('2026-12-12', 13).toISOString() }), 'o-org')
    expect(inverted.ok ? null : inverted.error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { endAt: '结束时间要晚于开始时间' },
    })
    expect(codeOf(await act('save', meetup({ startAt: 'tomorrow' }), 'o-org'))).toBe('INVALID_INPUT')
    expect(codeOf(await act('save', meetup({ kind: 'party' }), 'o-org'))).toBe('INVALID_INPUT')
    const past = await act('save', meetup({ startAt: at('2026-11-30', 14).toISOString() }), 'o-org')
    expect(past.ok ? null : past.error.fields?.startAt).toBe('开始时间要晚于现在')
    const over = await act('save', meetup({ points: 150 }), 'o-org')
    expect(over.ok ? null : over.error).toMatchObject({
      code: 'REWARD_OVER_CEILING',
      message: '奖励最多 100 分（主理人设定的上限）',
    })
    // A member cannot use any staff action.
    expect(codeOf(await act('save', meetup(), 'o-m1'))).toBe('FORBIDDEN')
    expect(codeOf(await act('publish', { id }, 'o-m1'))).toBe('FORBIDDEN')
    expect(codeOf(await act('cancel', { id, reason: '下雨' }, 'o-m1'))).toBe('FORBIDDEN')
    expect(codeOf(await act('planner', { month: '2026-12' }, 'o-m1'))).toBe('FORBIDDEN')
    // Another community's organiser cannot see or touch it.
    expect(codeOf(await act('publish', { id }, 'o-org2', OTHER))).toBe('NOT_FOUND')
    expect(codeOf(await act('save', meetup({ id, title: '改名' }), 'o-org2', OTHER))).toBe('NOT_FOUND')
    expect(codeOf(await act('get', { id }, 'o-org2', OTHER))).toBe('NOT_FOUND')
    expect(await count(db, 'activities', {})).toBe(before)
    const stored = await getDoc<ActivityDoc>(db, 'activities', id)
    expect(stored).toMatchObject({ stage: 'draft', title: '城南读书见面会', points: 50 })
  })

  it('publishes with the six SOP tasks in the same write, at their offsets, in a small request budget', async () => {
    const { result, requests } = await requestsOf(() => act('publish', { id }, 'o-org'))
    const published = data(result)
    expect(published.stage).toBe('published')
    expect(published.tasks.map((t) => [t.step, t.dueAt])).toEqual([
      ['plan', at('2026-12-05', 14).toISOString()],
      ['warmup', at('2026-12-09', 14).toISOString()],
      ['notify', at('2026-12-11', 14).toISOString()],
      ['remind', at('2026-12-12', 13).toISOString()],
      ['thanks', at('2026-12-12', 16).toISOString()],
      ['review', at('2026-12-13', 14).toISOString()],
    ])
    expect(await count(db, 'activity_tasks', { activityId: id, state: 'open' })).toBe(6)
    expect(requests).toBeLessThanOrEqual(12)
    expect(codeOf(await act('publish', { id }, 'o-org'))).toBe('CONFLICT')
  })

  it('re-times the open tasks when the start moves; a done task keeps its time', async () => {
    await db
      .collection('activity_tasks')
      .doc(`${id}:plan`)
      .update({ data: { state: 'done' } })
    const moved = data(
      await act(
        'save',
        meetup({
          id,
          coverFileId: (await getDoc<ActivityDoc>(db, 'activities', id))?.coverFileId,
          title: '城南读书见面会（改期）',
          startAt: at('2026-12-13', 14).toISOString(),
          endAt: at('2026-12-13', 16).toISOString(),
        }),
        'o-org',
      ),
    )
    expect(moved).toMatchObject({ stage: 'published', day: '2026-12-13' })
    const task = (step: string) => getDoc<TaskDoc>(db, 'activity_tasks', `${id}:${step}`)
    expect(new Date((await task('plan'))!.dueAt).toISOString()).toBe(at('2026-12-05', 14).toISOString())
    expect(new Date((await task('remind'))!.dueAt).toISOString()).toBe(at('2026-12-13', 13).toISOString())
    expect((await task('review'))!.activityTitle).toBe('城南读书见面会（改期）')
  })

  it('cancels: open tasks cancelled, everyone signed up and subscribed told once', async () => {
    const signup = (openid: string, state: SignupDoc['state'], seq: number) =>
      db
        .collection('activity_signups')
        .doc(`${id}:${openid}`)
        .set({
          data: {
            communityId: C,
            activityId: id,
            openid,
            memberId: `${C}_${openid}`,
            nickname: openid,
            state,
            seq,
            subscribed: true,
            createdAt: T0,
          },
        })
    await signup('o-m1', 'confirmed', 1)
    await signup('o-m2', 'waitlisted', 2)
    await signup('o-m3', 'cancelled', 3)
    await db
      .collection('activities')
      .doc(id)
      .update({ data: { confirmedCount: 1, waitlistCount: 1 } })
    for (const m of ['o-m1', 'o-m3'])
      await cloud.control('subscriptions', { openid: m, templateId: 'qh-activity-change' })

    expect(codeOf(await act('cancel', { id, reason: '' }, 'o-org'))).toBe('INVALID_INPUT')
    const cancelled = data(await act('cancel', { id, reason: '场地临时关闭' }, 'o-org'))
    expect(cancelled).toMatchObject({
      stage: 'cancelled',
      cancelReason: '场地临时关闭',
      told: 1,
      notSubscribed: 1,
    })
    const outbox = await cloud.control<{ messages: { touser: string }[] }>('outbox', {
      templateId: 'qh-activity-change',
    })
    expect(outbox.messages.map((m) => m.touser)).toEqual(['o-m1'])
    expect(await count(db, 'activity_tasks', { activityId: id, state: 'cancelled' })).toBe(5)
    expect(await count(db, 'activity_tasks', { activityId: id, state: 'done' })).toBe(1)
    expect(codeOf(await act('cancel', { id, reason: '再取消' }, 'o-org'))).toBe('CONFLICT')
    expect(codeOf(await act('save', meetup({ id }), 'o-org'))).toBe('CONFLICT')
  })

  it('finishes a published activity only once it has started', async () => {
    const live = data(
      await act(
        'save',
        meetup({
          kind: 'live',
          size: 'large',
          title: '年终直播',
          place: null,
          link: 'https://live.example.com/1',
          startAt: at('2026-12-02', 20).toISOString(),
          endAt: at('2026-12-02', 22).toISOString(),
          signupDeadline: at('2026-12-02', 20).toISOString(),
        }),
        'o-owner',
      ),
    )
    expect(live.minLevel).toBeNull()
    data(await act('publish', { id: live.id }, 'o-owner'))
    expect(codeOf(await act('finish', { id: live.id }, 'o-org'))).toBe('CONFLICT')
    await cloud.setClock(at('2026-12-02', 22).toISOString())
    expect(data(await act('finish', { id: live.id }, 'o-org')).stage).toBe('finished')
    await cloud.setClock(T0.toISOString())
  })
})

describe('series', () => {
  it('writes weekly-theme occurrences across the year end, published with their tasks', async () => {
    const saved = data(
      await act(
        'saveSeries',
        {
          kind: 'interaction',
          size: 'small',
          title: '周主题',
          description: '周一晒书桌、周三话题日、周五吐槽大会',
          capacity: null,
          points: 10,
          rule: { freq: 'weekly', weekdays: [1, 3, 5] },
          clock: '20:00',
          durationMin: 60,
          fromDay: '2026-12-28',
          untilDay: '2027-01-10',
          publish: true,
        },
        'o-org',
      ),
    )
    expect(saved).toMatchObject({ ruleText: '每周一、周三、周五', created: 6, skippedPast: 0 })
    const occurrences = await seriesOccurrences(saved.id)
    expect(occurrences.map((o) => o.occurrenceDay)).toEqual([
      '2026-12-28',
      '2026-12-30',
      '2027-01-01',
      '2027-01-04',
      '2027-01-06',
      '2027-01-08',
    ])
    expect(new Date(occurrences[2].startAt).toISOString()).toBe('2027-01-01T12:00:00.000Z')
    expect(occurrences.every((o) => o.stage === 'published')).toBe(true)
    expect(await count(db, 'activity_tasks', { activityId: occurrences[2]._id })).toBe(6)

    // One occurrence edited, one skipped: the others stay as they were.
    const edited = data(
      await act(
        'save',
        {
          id: occurrences[0]._id,
          kind: 'interaction',
          size: 'small',
          title: '晒书桌·跨年特辑',
          description: '',
          capacity: null,
          points: 10,
          startAt: at('2026-12-28', 21).toISOString(),
          endAt: at('2026-12-28', 22).toISOString(),
          signupDeadline: at('2026-12-28', 21).toISOString(),
        },
        'o-org',
      ),
    )
    expect(edited).toMatchObject({
      title: '晒书桌·跨年特辑',
      seriesId: saved.id,
      occurrenceDay: '2026-12-28',
    })
    expect(data(await act('cancel', { id: occurrences[1]._id, reason: '本期暂停' }, 'o-org')).stage).toBe(
      'cancelled',
    )
    const after = await seriesOccurrences(saved.id)
    expect(after.map((o) => [o.title, o.stage])).toEqual([
      ['晒书桌·跨年特辑', 'published'],
      ['周主题', 'cancelled'],
      ['周主题', 'published'],
      ['周主题', 'published'],
      ['周主题', 'published'],
      ['周主题', 'published'],
    ])
    expect(data(await act('series', {}, 'o-org')).items.map((s) => s.title)).toEqual(['周主题'])
  })

  it('refuses a span in the past, an empty one and points over the ceiling', async () => {
    const base = {
      kind: 'lecture',
      size: 'small',
      title: '早报',
      description: '',
      capacity: null,
      points: 0,
      rule: { freq: 'daily' },
      clock: '08:00',
      durationMin: 30,
      fromDay: '2026-12-02',
      untilDay: '2026-12-08',
      publish: false,
    }
    const before = await count(db, 'activities', {})
    expect(codeOf(await act('saveSeries', { ...base, fromDay: '2026-11-20' }, 'o-org'))).toBe('INVALID_INPUT')
    expect(codeOf(await act('saveSeries', { ...base, untilDay: '2027-06-01' }, 'o-org'))).toBe(
      'INVALID_INPUT',
    )
    expect(codeOf(await act('saveSeries', { ...base, points: 101 }, 'o-org'))).toBe('REWARD_OVER_CEILING')
    expect(codeOf(await act('saveSeries', { ...base, rule: { freq: 'hourly' } }, 'o-org'))).toBe(
      'INVALID_INPUT',
    )
    expect(codeOf(await act('saveSeries', base, 'o-m1'))).toBe('FORBIDDEN')
    expect(await count(db, 'activities', {})).toBe(before)
    // The daily rhythm as drafts: seven mornings, no tasks until each is published.
    const daily = data(await act('saveSeries', base, 'o-org'))
    expect(daily.created).toBe(7)
    expect(await count(db, 'activities', { seriesId: daily.id, stage: 'draft' })).toBe(7)
  })
})

describe('the calendar and the planner', () => {
  it('shows members what was published and staff the drafts too', async () => {
    const member = data(await act('calendar', { month: '2026-12' }, 'o-m1'))
    const staff = data(await act('calendar', { month: '2026-12' }, 'o-org'))
    expect(member.isStaff).toBe(false)
    expect(member.activities.some((a) => a.stage === 'draft')).toBe(false)
    // The live stream (finished), the moved meet-up (cancelled), the edited and the skipped occurrence.
    expect(member.activities.map((a) => [a.day, a.stage])).toEqual([
      ['2026-12-02', 'finished'],
      ['2026-12-13', 'cancelled'],
      ['2026-12-28', 'published'],
      ['2026-12-30', 'cancelled'],
    ])
    expect(staff.activities.filter((a) => a.stage === 'draft')).toHaveLength(7)
    // In start order, with the Shanghai day.
    expect(member.activities[0]).toMatchObject({ title: '年终直播', day: '2026-12-02' })
    expect(codeOf(await act('calendar', { month: '2026-13' }, 'o-m1'))).toBe('INVALID_INPUT')
    // The other community sees none of it.
    expect(data(await act('calendar', { month: '2026-12' }, 'o-org2', OTHER)).activities).toEqual([])
  })

  it('compares each week with the 221 rule', async () => {
    const plan = data(await act('planner', { month: '2027-01' }, 'o-org'))
    const first = plan.weeks[0]
    // Week of Jan 4: Mon, Wed, Fri occurrences (small) — the rule's two small are met.
    expect(first).toMatchObject({ weekKey: '2027-01-04', small: 3, medium: 0, large: 0 })
    expect(first.missing).toEqual(['12/28–1/10 两周内还差 1 个中型活动'])
    expect(plan.missing).toEqual(['本月还差 1 个大型活动'])
    expect(plan.weeks[1].missing[0]).toBe('还差 2 个小型活动')
  })
})
