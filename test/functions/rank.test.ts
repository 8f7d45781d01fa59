/**
 * The leaderboards and the monthly Top 3 through the local cloud: points earned through the real
 * actions (points.adjust, checkin.checkIn) move the boards; ties share a rank; staff can be hidden;
 * another community never shows; the week and month roll over with the local clock and their boards
 * start empty; the Top-3 timer pays last month's winners once, however often it fires, and tells
 * those who subscribed.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type {
  BoardResult,
  MonthlyResultsPage,
  RankSettingsResult,
} from '../../cloudfunctions/core/contracts/rank'
import type { BoardKind } from '../../cloudfunctions/core/leaderboard'
import { shanghaiDayStart } from '../../cloudfunctions/core/time'
import { addCommunity, addMember, countWhere, data, errorCode, getDoc } from '../support/fixtures'
import { databaseOf, sdkFor, startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'

jest.setTimeout(120_000)

let cloud: RunningCloud
let db: SdkDatabase

const C = 'c-rank'
const OTHER = 'x-rank'

/** `hour`:00 in Shanghai on `day` (minutes optional). */
const at = (day: string, hour: number, minute = 0) =>
  new Date(shanghaiDayStart(day).getTime() + (hour * 60 + minute) * 60_000).toISOString()

const board = (kind: BoardKind, openid: string) =>
  cloud.call<ActionResult<BoardResult>>('rank', { action: 'board', kind }, openid).then(data)

let requests = 0
async function adjust(communityPrefix: string, target: string, delta: number, by: string): Promise<void> {
  data(
    await cloud.call(
      'points',
      {
        action: 'adjust',
        memberId: `${communityPrefix}_${target}`,
        delta,
        reason: '测试加分',
        requestId: `rank-test-${String(++requests).padStart(4, '0')}`,
      },
      by,
    ),
  )
}

const rowsOf = (b: BoardResult) => b.rows.map((r) => [r.rank, r.nickname, r.value])

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await cloud.setClock(at('2026-11-18', 20)) // a Wednesday
  await addCommunity(db, C, { name: '排行社' })
  await addCommunity(db, OTHER, { name: '别的社群' })
  await addMember(db, C, 'r-owner', { role: 'owner', nickname: '群主' })
  await addMember(db, C, 'r-admin', { role: 'admin', nickname: '管理员甲' })
  for (const name of ['m1', 'm2', 'm3', 'm4']) await addMember(db, C, `r-${name}`, { nickname: name })
  await addMember(db, OTHER, 'x-owner', { role: 'owner', nickname: '别人的群主' })
  await addMember(db, OTHER, 'x-big', { nickname: '外人' })
})

afterAll(() => cloud?.stop())

it('ranks the week with shared ranks for ties, the caller pinned, and no other community', async () => {
  await adjust(C, 'r-admin', 200, 'r-owner')
  await adjust(C, 'r-m1', 100, 'r-owner')
  await adjust(C, 'r-m2', 100, 'r-owner')
  await adjust(C, 'r-m3', 50, 'r-owner')
  await adjust(OTHER, 'x-big', 5000, 'x-owner')

  const week = await board('week', 'r-m3')
  expect(week.name).toBe('本周')
  expect(week.label).toBe('本周（11月16日–11月22日）获得的积分')
  expect(rowsOf(week)).toEqual([
    [1, '管理员甲', 200],
    [2, 'm1', 100],
    [2, 'm2', 100],
    [4, 'm3', 50],
  ])
  expect(week.rows.find((r) => r.isMe)?.nickname).toBe('m3')
  expect(week.me).toEqual({ rank: 4, value: 50, ranked: true })
  expect(week.staffHidden).toBe(false)

  // Nothing earned: no rank, but the board still answers.
  expect((await board('week', 'r-m4')).me).toEqual({ rank: null, value: 0, ranked: true })
  // Total and month agree this early on; the other community sees only its own member.
  expect(rowsOf(await board('total', 'r-m1'))).toEqual(rowsOf(week))
  expect(rowsOf(await board('month', 'r-m1'))).toEqual(rowsOf(week))
  expect(rowsOf(await board('week', 'x-big'))).toEqual([[1, '外人', 5000]])

  // The mall's title shows beside the nickname when present.
  await db
    .collection('members')
    .doc(`${C}_r-m1`)
    .update({ data: { title: '书虫' } })
  expect((await board('week', 'r-m2')).rows[1]).toMatchObject({ nickname: 'm1', title: '书虫', isMe: false })
})

it('owner and admin keep staff off the boards; members may not change it', async () => {
  expect(
    errorCode(
      await cloud.call(
        'rank',
        { action: 'saveSettings', hideStaff: true, top3: { enabled: true, points: [1, 1, 1] } },
        'r-m1',
      ),
    ),
  ).toBe('FORBIDDEN')
  expect(
    errorCode(
      await cloud.call(
        'rank',
        { action: 'saveSettings', hideStaff: true, top3: { enabled: true, points: [-1, 1, 1] } },
        'r-admin',
      ),
    ),
  ).toBe('INVALID_INPUT')
  const defaults = data(
    await cloud.call<ActionResult<RankSettingsResult>>('rank', { action: 'settings' }, 'r-admin'),
  )
  expect(defaults).toMatchObject({ hideStaff: false, top3: { enabled: true, points: [500, 300, 100] } })

  data(
    await cloud.call(
      'rank',
      { action: 'saveSettings', hideStaff: true, top3: { enabled: true, points: [500, 300, 100] } },
      'r-admin',
    ),
  )
  const week = await board('week', 'r-m1')
  expect(week.staffHidden).toBe(true)
  expect(rowsOf(week)).toEqual([
    [1, 'm1', 100],
    [1, 'm2', 100],
    [3, 'm3', 50],
  ])
  expect((await board('week', 'r-admin')).me).toEqual({ rank: null, value: 200, ranked: false })
  // A staff member who earns for the first time after the change stays off the board too.
  await adjust(C, 'r-owner', 30, 'r-admin')
  expect((await board('week', 'r-owner')).me).toMatchObject({ rank: null, ranked: false })
  expect(rowsOf(await board('week', 'r-owner')).map((r) => r[1])).toEqual(['m1', 'm2', 'm3'])
})

it('a new week starts empty at Monday 00:00 Shanghai; the month and total boards carry on', async () => {
  await cloud.setClock(at('2026-11-22', 23, 59)) // Sunday night: still this week
  expect((await board('week', 'r-m1')).rows).toHaveLength(3)
  await cloud.setClock(at('2026-11-23', 0, 1)) // Monday
  const week = await board('week', 'r-m1')
  expect(week.rows).toEqual([])
  expect(week.me).toEqual({ rank: null, value: 0, ranked: true })
  expect(week.label).toBe('本周（11月23日–11月29日）获得的积分')
  expect(rowsOf(await board('month', 'r-m1'))).toEqual([
    [1, 'm1', 100],
    [1, 'm2', 100],
    [3, 'm3', 50],
  ])
  await adjust(C, 'r-m3', 10, 'r-owner')
  expect(rowsOf(await board('week', 'r-m1'))).toEqual([[1, 'm3', 10]])
  expect((await board('month', 'r-m3')).me).toEqual({ rank: 3, value: 60, ranked: true })
})

it('a new month starts empty; the Top-3 timer pays last month once, records it and tells subscribers', async () => {
  await cloud.setClock(at('2026-12-01', 0, 30))
  expect((await board('month', 'r-m1')).rows).toEqual([])
  // m2 earns in December before the job runs: November must still count for them.
  await adjust(C, 'r-m2', 7, 'r-owner')
  expect(rowsOf(await board('month', 'r-m1'))).toEqual([[1, 'm2', 7]])
  expect(rowsOf(await board('total', 'r-m1')).slice(0, 3)).toEqual([
    [1, 'm2', 107],
    [2, 'm1', 100],
    [3, 'm3', 60],
  ])

  await cloud.control('subscriptions', { openid: 'r-m1', templateId: 'qh-monthly-top3' })
  await cloud.setClock(at('2026-12-01', 1))
  const first = await cloud.control<{ ok: boolean }>('timers/rank')
  expect(first.ok).toBe(true)
  const second = await cloud.control<{ ok: boolean }>('timers/rank')
  expect(second.ok).toBe(true)

  // m1 and m2 tie for 1st (100 each in November), m3 is 3rd; staff are hidden: 500, 500, 100.
  const paid = async (openid: string) =>
    (await getDoc<{ delta: number }>(db, 'ledger', `${C}:${openid}:top3:2026-11`))?.delta ?? null
  expect(await paid('r-m1')).toBe(500)
  expect(await paid('r-m2')).toBe(500)
  expect(await paid('r-m3')).toBe(100)
  expect(await paid('r-admin')).toBeNull()
  expect(await countWhere(db, 'ledger', { communityId: C, source: 'top3:2026-11' })).toBe(3)
  expect(await countWhere(db, 'ledger', { communityId: OTHER, source: 'top3:2026-11' })).toBe(1)
  expect((await getDoc<{ balance: number }>(db, 'members', `${C}_r-m1`))?.balance).toBe(600)

  const outbox = await cloud.control<{ messages: { touser: string; templateId: string }[] }>('outbox', {
    templateId: 'qh-monthly-top3',
  })
  expect(outbox.messages.map((m) => m.touser)).toEqual(['r-m1'])

  const results = data(
    await cloud.call<ActionResult<MonthlyResultsPage>>('rank', { action: 'monthlyResults' }, 'r-admin'),
  )
  expect(results.items).toHaveLength(1)
  expect(results.items[0]).toMatchObject({ monthKey: '2026-11', label: '2026年11月', status: 'paid' })
  expect(
    results.items[0].winners.map((w) => [w.rank, w.nickname, w.value, w.points, w.paid, w.told]),
  ).toEqual([
    [1, 'm1', 100, 500, true, true],
    [1, 'm2', 100, 500, true, false],
    [3, 'm3', 60, 100, true, false],
  ])
  expect(errorCode(await cloud.call('rank', { action: 'monthlyResults' }, 'r-m1'))).toBe('FORBIDDEN')
  // A member's call with Type: 'Timer' is refused: only the platform's timer runs the job.
  expect(errorCode(await cloud.call('rank', { Type: 'Timer' }, 'r-m1'))).toBe('FORBIDDEN')
})

it('the streak board shows runs that ended today or yesterday', async () => {
  const checkIn = (openid: string) =>
    cloud.call<ActionResult<unknown>>('checkin', { action: 'checkIn' }, openid).then(data)
  await cloud.setClock(at('2026-12-03', 9))
  await checkIn('r-m1')
  await checkIn('r-m4')
  await cloud.setClock(at('2026-12-04', 9))
  await checkIn('r-m1')
  await checkIn('r-m2')
  const streak = await board('streak', 'r-m4')
  expect(rowsOf(streak)).toEqual([
    [1, 'm1', 2],
    [2, 'm2', 1],
    [2, 'm4', 1],
  ])
  expect(streak.me).toEqual({ rank: 2, value: 1, ranked: true })
  expect(streak.unit).toBe('天')
  await cloud.setClock(at('2026-12-05', 9))
  expect(rowsOf(await board('streak', 'r-m4'))).toEqual([
    [1, 'm1', 2],
    [2, 'm2', 1],
  ])
  expect((await board('streak', 'r-m4')).me).toEqual({ rank: null, value: 0, ranked: true })
  await cloud.setClock(at('2026-12-06', 9))
  expect((await board('streak', 'r-m1')).rows).toEqual([])
})

it('a make-up card that bridges two runs lengthens the streak on the board', async () => {
  const checkIn = (openid: string) =>
    cloud.call<ActionResult<unknown>>('checkin', { action: 'checkIn' }, openid).then(data)
  await cloud.setClock(at('2026-12-07', 9))
  await checkIn('r-m4')
  await cloud.setClock(at('2026-12-09', 9)) // 12-08 missed
  await checkIn('r-m4')
  expect(rowsOf(await board('streak', 'r-m4'))).toEqual([[1, 'm4', 1]])
  data(
    await cloud.call(
      'points',
      { action: 'grantMakeupCards', memberId: `${C}_r-m4`, count: 1, requestId: 'rank-test-cards' },
      'r-owner',
    ),
  )
  data(await cloud.call('checkin', { action: 'useMakeupCard', day: '2026-12-08' }, 'r-m4'))
  expect((await board('streak', 'r-m4')).me).toEqual({ rank: 1, value: 3, ranked: true })
})

it('parallel earnings keep the week counter equal to the ledger', async () => {
  await cloud.setClock(at('2026-12-09', 10))
  await Promise.all(Array.from({ length: 12 }, () => adjust(C, 'r-m3', 5, 'r-owner')))
  const week = await board('week', 'r-m3')
  expect(week.me.value).toBe(60)
  const member = await getDoc<{ weekEarned: number; weekKey: string }>(db, 'members', `${C}_r-m3`)
  expect(member).toMatchObject({ weekKey: '2026-12-07', weekEarned: 60 })
})
