/**
 * Time travel with the local cloud's clock: 35 days of check-ins where streaks grow, a missed day
 * breaks the streak, a make-up card within 7 days restores it (and pays no points), an older day is
 * refused; and a challenge from creation to a reward paid once, with its participation figures.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import { addDays, shanghaiDayStart } from '../../cloudfunctions/core/time'
import type {
  CalendarResult,
  ChallengeStatsResult,
  ChallengeSummary,
  ChallengesResult,
  CheckInResult,
  JoinChallengeResult,
  MakeupResult,
  TodayResult,
} from '../../cloudfunctions/core/contracts/checkin'
import {
  databaseOf,
  now,
  sdkFor,
  startCloud,
  type RunningCloud,
  type SdkDatabase,
} from '../support/local-cloud'
import { data, seedCommunity, seedMember } from './checkin-support'

jest.setTimeout(90_000)

let cloud: RunningCloud
let db: SdkDatabase

const call = <T>(event: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>('checkin', event, openid)

/** 20:00 in Shanghai on `day`. */
const evening = (day: string) => new Date(shanghaiDayStart(day).getTime() + 20 * 3600_000).toISOString()

async function memberDoc(openid: string) {
  const res = (await db.collection('members').doc(`c-t_${openid}`).get()) as unknown as {
    data: { balance: number; totalEarned: number; makeupCards: number }
  }
  return res.data
}

async function count(collection: string, where: object): Promise<number> {
  return ((await db.collection(collection).where(where).count()) as { total: number }).total
}

const START = '2026-10-01'

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await cloud.setClock(evening(START))
  await seedCommunity(db, 'c-t', 4)
  await seedMember(db, 'c-t', 'o-owner', { role: 'owner', joinedAt: new Date('2026-09-01T00:00:00Z') })
  await seedMember(db, 'c-t', 'o-daily', { joinedAt: shanghaiDayStart(START) })
  await seedMember(db, 'c-t', 'o-late', { joinedAt: shanghaiDayStart(START) })
  await seedMember(db, 'c-t', 'o-idle', { joinedAt: shanghaiDayStart(START) })
})

afterAll(() => cloud?.stop())

it('streaks grow, break on a missed day, and a make-up card within 7 days restores them', async () => {
  const skipped = addDays(START, 20) // day 21 is missed
  let streak = 0
  for (let i = 0; i < 35; i++) {
    const day = addDays(START, i)
    await cloud.setClock(evening(day))
    if (day === skipped) continue
    const res = data(await call<CheckInResult>({ action: 'checkIn' }, 'o-daily'))
    streak = day === addDays(skipped, 1) ? 1 : streak + 1
    expect(res.checkin.day).toBe(day)
    expect(res.streak.current).toBe(streak)
  }
  // Day 35: streak 14 since the gap, longest 20, total 34, paid 34 × 5.
  let today = data(await call<TodayResult>({ action: 'today' }, 'o-daily'))
  expect(today.streak).toEqual({ current: 14, longest: 20, total: 34, lastDay: addDays(START, 34) })
  expect((await memberDoc('o-daily')).balance).toBe(170)
  expect(today.missableDays).toEqual([]) // the gap is 14 days back: out of reach

  // Miss two days, then come back: the streak restarts.
  await cloud.setClock(evening(addDays(START, 37)))
  data(await call<CheckInResult>({ action: 'checkIn' }, 'o-daily'))
  today = data(await call<TodayResult>({ action: 'today' }, 'o-daily'))
  expect(today.streak.current).toBe(1)
  expect(today.missableDays).toEqual([addDays(START, 36), addDays(START, 35)])

  // No card: refused, nothing changes.
  expect(await call({ action: 'useMakeupCard', day: addDays(START, 36) }, 'o-daily')).toMatchObject({
    ok: false,
    error: { code: 'NO_MAKEUP_CARDS' },
  })
  // An admin grants three cards (the points function; a retry of the same request grants nothing).
  for (let i = 0; i < 2; i++) {
    const granted = await cloud.call<ActionResult<{ makeupCards: number }>>(
      'points',
      { action: 'grantMakeupCards', memberId: 'c-t_o-daily', count: 3, requestId: 'grant-daily-1' },
      'o-owner',
    )
    expect(data(granted).makeupCards).toBe(3)
  }
  // Older than 7 days, today, before joining, the future: refused with a reason.
  for (const [day, message] of [
    [skipped, '只能补签最近 7 天内漏掉的日子'],
    [addDays(START, 37), '今天和以后的日子不需要补签，直接打卡就好'],
    [addDays(START, 40), '今天和以后的日子不需要补签，直接打卡就好'],
  ]) {
    expect(await call({ action: 'useMakeupCard', day }, 'o-daily')).toMatchObject({
      ok: false,
      error: { code: 'MAKEUP_DAY_INVALID', message },
    })
  }
  expect(await call({ action: 'useMakeupCard', day: addDays(START, 34) }, 'o-daily')).toMatchObject({
    ok: false,
    error: { code: 'ALREADY_CHECKED_IN' },
  })
  expect((await memberDoc('o-daily')).makeupCards).toBe(3)

  // Two cards bridge the gap: 14 + 2 + 1 = 17 in a row; make-ups pay no points.
  const balanceBefore = (await memberDoc('o-daily')).balance
  const first = data(
    await call<MakeupResult>({ action: 'useMakeupCard', day: addDays(START, 36) }, 'o-daily'),
  )
  expect(first).toMatchObject({ makeupCards: 2, streak: { current: 2 } })
  const second = data(
    await call<MakeupResult>({ action: 'useMakeupCard', day: addDays(START, 35) }, 'o-daily'),
  )
  expect(second).toMatchObject({ makeupCards: 1, streak: { current: 17, longest: 20, total: 37 } })
  expect(await memberDoc('o-daily')).toMatchObject({ balance: balanceBefore, makeupCards: 1 })

  // Two parallel make-ups of one day use one card.
  await cloud.setClock(evening(addDays(START, 39)))
  const racing = await Promise.all(
    [1, 2].map(() => call<MakeupResult>({ action: 'useMakeupCard', day: addDays(START, 38) }, 'o-daily')),
  )
  expect(racing.filter((r) => r.ok)).toHaveLength(1)
  expect(racing.find((r) => !r.ok)).toMatchObject({ error: { code: 'ALREADY_CHECKED_IN' } })
  expect((await memberDoc('o-daily')).makeupCards).toBe(0)

  const calendar = data(await call<CalendarResult>({ action: 'calendar', month: '2026-11' }, 'o-daily'))
  const nov = new Map(calendar.days.map((d) => [d.day, d]))
  expect(nov.get('2026-11-05')).toMatchObject({ checked: true, madeUp: true })
  expect(nov.get('2026-11-07')).toMatchObject({ checked: true, madeUp: false })
  expect(nov.get('2026-11-08')).toMatchObject({ checked: true, madeUp: true })
  expect(nov.get('2026-11-09')).toMatchObject({ today: true, checked: false })
  expect(calendar.streak.current).toBe(18) // 22 Oct … 8 Nov; today is still open
  const oct = data(await call<CalendarResult>({ action: 'calendar', month: '2026-10' }, 'o-daily'))
  expect(oct.checkedCount).toBe(30) // 31 days, the 21st missed
  expect(oct.days.find((d) => d.day === skipped)).toMatchObject({ checked: false, missable: false })
})

describe('challenges', () => {
  let challenge: ChallengeSummary

  it('only staff create them, starting today or later', async () => {
    await cloud.setClock(evening('2026-12-01'))
    expect(
      await call(
        { action: 'createChallenge', title: '三天小挑战', days: 3, startDay: '2026-12-01' },
        'o-late',
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await call(
        { action: 'createChallenge', title: '三天小挑战', days: 3, startDay: '2026-11-30' },
        'o-owner',
      ),
    ).toMatchObject({ ok: false, error: { code: 'CHALLENGE_START_INVALID' } })
    // Not in 9999, nor past the 90 days staff may plan ahead.
    expect(
      await call(
        { action: 'createChallenge', title: '三天小挑战', days: 3, startDay: '9999-12-31' },
        'o-owner',
      ),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { startDay: expect.any(String) } } })
    expect(
      await call(
        { action: 'createChallenge', title: '三天小挑战', days: 3, startDay: '2027-03-02' },
        'o-owner',
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'CHALLENGE_START_INVALID', fields: { startDay: '挑战开始日期最晚为 90 天后' } },
    })
    expect(await count('challenges', { communityId: 'c-t', startDay: '2027-03-02' })).toBe(0)
    expect(
      await call(
        { action: 'createChallenge', title: '一起赌博', days: 3, startDay: '2026-12-01' },
        'o-owner',
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONTENT_RISKY' } })
    challenge = data(
      await call<ChallengeSummary>(
        { action: 'createChallenge', title: '三天小挑战', days: 3, startDay: '2026-12-01', reward: 30 },
        'o-owner',
      ),
    )
    expect(challenge).toMatchObject({ endDay: '2026-12-03', reward: 30, phase: 'running', status: 'none' })
    const defaults = data(
      await call<ChallengeSummary>(
        { action: 'createChallenge', title: '21 天阅读', days: 21, startDay: '2026-12-05' },
        'o-owner',
      ),
    )
    expect(defaults).toMatchObject({ reward: 100, phase: 'upcoming' })
  })

  it('counts check-ins since joining and pays the reward once, on the qualifying check-in', async () => {
    // Checked in before joining today: today counts at once.
    data(await call<CheckInResult>({ action: 'checkIn' }, 'o-daily'))
    const joined = data(
      await call<JoinChallengeResult>({ action: 'joinChallenge', challengeId: challenge.id }, 'o-daily'),
    )
    expect(joined.challenge).toMatchObject({ status: 'active', progress: 1, reachable: true })
    const twice = await Promise.all(
      [1, 2, 3].map(() =>
        call<JoinChallengeResult>({ action: 'joinChallenge', challengeId: challenge.id }, 'o-daily'),
      ),
    )
    expect(twice.map(data).every((j) => j.alreadyJoined)).toBe(true)
    data(await call({ action: 'joinChallenge', challengeId: challenge.id }, 'o-idle'))
    data(await call({ action: 'joinChallenge', challengeId: challenge.id }, 'o-late'))

    await cloud.setClock(evening('2026-12-02'))
    const day2 = data(await call<CheckInResult>({ action: 'checkIn' }, 'o-daily'))
    expect(day2.completedChallenges).toEqual([])
    data(await call<CheckInResult>({ action: 'checkIn' }, 'o-late'))

    await cloud.setClock(evening('2026-12-03'))
    const before = await memberDoc('o-daily')
    const day3 = data(await call<CheckInResult>({ action: 'checkIn' }, 'o-daily'))
    expect(day3.completedChallenges).toEqual([{ id: challenge.id, title: '三天小挑战', reward: 30 }])
    expect(day3.balance).toBe(before.balance + 5 + 30)
    expect(await count('ledger', { openid: 'o-daily', source: `challenge:${challenge.id}` })).toBe(1)

    const list = data(await call<ChallengesResult>({ action: 'challenges' }, 'o-daily'))
    expect(list.items.find((c) => c.id === challenge.id)).toMatchObject({ status: 'completed', progress: 3 })
    // o-late missed day 1: can no longer complete; a newcomer cannot join a challenge out of reach.
    const late = data(await call<ChallengesResult>({ action: 'challenges' }, 'o-late'))
    expect(late.items.find((c) => c.id === challenge.id)).toMatchObject({
      status: 'active',
      progress: 1,
      reachable: false,
    })
    await seedMember(db, 'c-t', 'o-new', { joinedAt: now() })
    expect(await call({ action: 'joinChallenge', challengeId: challenge.id }, 'o-new')).toMatchObject({
      ok: false,
      error: { code: 'CHALLENGE_CLOSED' },
    })
  })

  it('a make-up that completes a challenge pays its reward, still only once', async () => {
    await cloud.setClock(evening('2026-12-04'))
    await db
      .collection('members')
      .doc('c-t_o-late')
      .update({ data: { makeupCards: 1 } })
    const made = data(await call<MakeupResult>({ action: 'useMakeupCard', day: '2026-12-03' }, 'o-late'))
    expect(made.completedChallenges).toEqual([]) // 2 of 3 so far (2 Dec checked in, 3 Dec made up)
    const fix = await call<MakeupResult>({ action: 'useMakeupCard', day: '2026-12-01' }, 'o-late')
    expect(fix).toMatchObject({ ok: false, error: { code: 'NO_MAKEUP_CARDS' } })
    await db
      .collection('members')
      .doc('c-t_o-late')
      .update({ data: { makeupCards: 1 } })
    const done = data(await call<MakeupResult>({ action: 'useMakeupCard', day: '2026-12-01' }, 'o-late'))
    expect(done.completedChallenges).toEqual([{ id: challenge.id, title: '三天小挑战', reward: 30 }])
    expect(await count('ledger', { openid: 'o-late', source: `challenge:${challenge.id}` })).toBe(1)
  })

  it('shows staff the participation: joined, completed and continued', async () => {
    expect(await call({ action: 'challengeStats', challengeId: challenge.id }, 'o-daily')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const stats = data(
      await call<ChallengeStatsResult>({ action: 'challengeStats', challengeId: challenge.id }, 'o-owner'),
    )
    expect(stats).toMatchObject({
      members: 4,
      joined: 3,
      joinedRate: 75,
      completed: 2,
      completedRate: 66.7,
      continued: 2, // o-idle never checked in
      continuedRate: 66.7,
      healthy: true,
      asOf: '2026-12-03',
    })
  })
})
