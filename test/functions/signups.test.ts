/** The `signups` function through the local cloud and the real SDK: sign-up, waitlist, attendance. */
import type {
  ActivityDetail,
  AttendanceCodeView,
  AttendResult,
  CancelResult,
  ExportPart,
  MySignupRow,
  SignupListPage,
  SignUpResult,
} from '../../cloudfunctions/core/contracts/signups'
import type { ActivityDoc, SignupDoc } from '../../cloudfunctions/core/activities'
import { MESSAGE_TEMPLATES } from '../../cloudfunctions/core/notify'
import { databaseRequests } from '../../tools/bench/measure'
import { rebuildDerived } from '../../tools/rebuild'
import { addActivity } from '../support/activities'
import { addCommunity, addMember, countWhere, data, errorCode, getDoc } from '../support/fixtures'
import { databaseOf, sdkFor, startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'

jest.setTimeout(180_000)

let cloud: RunningCloud
let db: SdkDatabase

const C = 'c-read'
const T0 = '2026-12-10T02:00:00.000Z'
const START = new Date('2026-12-12T11:00:00.000Z')
const call = <T>(event: Record<string, unknown>, openid: string) =>
  cloud.call<import('../../cloudfunctions/core/errors').ActionResult<T>>('signups', event, openid)

const signUp = (activityId: string, who: string, subscribed = false) =>
  call<SignUpResult>({ action: 'signUp', activityId, subscribed }, who)

async function signupsOf(activityId: string): Promise<SignupDoc[]> {
  const res = (await db
    .collection('activity_signups')
    .where({ activityId })
    .limit(1000)
    .get()) as unknown as {
    data: SignupDoc[]
  }
  return res.data
}

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await cloud.setClock(T0)
  await addCommunity(db, C, { name: '晨读会', inviteCode: 'READ12' })
  await addMember(db, C, 'o-owner', { role: 'owner', level: 'core', nickname: '林晓' })
  await addMember(db, C, 'o-organiser', { role: 'organiser', nickname: '陈一帆' })
  await addMember(db, C, 'o-core', { level: 'core', nickname: '老读者' })
  await addMember(db, C, 'o-adv', { level: 'advanced', nickname: '进阶读者' })
  for (let i = 0; i < 40; i++) await addMember(db, C, `o-m${i}`, { nickname: `读者${i}` })
  await addCommunity(db, 'c-run', { name: '跑团', inviteCode: 'RUNR12' })
  await addMember(db, 'c-run', 'o-runner', { role: 'owner', nickname: '团长' })
})

afterAll(() => cloud?.stop())

describe('signing up', () => {
  it('gives places up to the capacity, then a waitlist with positions; a doubled tap changes nothing', async () => {
    await addActivity(db, 'a-small', { communityId: C, startAt: START, capacity: 2, title: '共读《活着》' })
    const first = data(await signUp('a-small', 'o-m0', true))
    expect(first).toMatchObject({ duplicate: false, mine: { state: 'confirmed', waitlistPosition: null } })
    expect(data(await signUp('a-small', 'o-m1')).mine.state).toBe('confirmed')
    expect(data(await signUp('a-small', 'o-m2')).mine).toMatchObject({
      state: 'waitlisted',
      waitlistPosition: 1,
    })
    expect(data(await signUp('a-small', 'o-m3')).mine).toMatchObject({
      state: 'waitlisted',
      waitlistPosition: 2,
    })
    const again = data(await signUp('a-small', 'o-m3'))
    expect(again).toMatchObject({ duplicate: true, mine: { state: 'waitlisted', waitlistPosition: 2 } })

    const seen = data(await call<ActivityDetail>({ action: 'detail', activityId: 'a-small' }, 'o-m3'))
    expect(seen.activity.title).toBe('共读《活着》')
    expect(seen.counts).toEqual({ confirmed: 2, waitlisted: 2, attended: 0 })
    expect(seen.mine).toMatchObject({ state: 'waitlisted', stateName: '候补中', waitlistPosition: 2 })
    expect(seen.cancelConsequence).toContain('退出候补')
    expect(seen.isStaff).toBe(false)
    const confirmedDoc = await getDoc<SignupDoc>(db, 'activity_signups', 'a-small:o-m0')
    expect(confirmedDoc).toMatchObject({ state: 'confirmed', seq: 1, subscribed: true })
    const mine = data(await call<MySignupRow[]>({ action: 'mine' }, 'o-m0'))
    expect(mine).toEqual([
      expect.objectContaining({ activityId: 'a-small', title: '共读《活着》', state: 'confirmed' }),
    ])
  })

  it('cancelling a place promotes the first waitlisted once and tells them', async () => {
    await cloud.control('subscriptions', { openid: 'o-m2', templateId: MESSAGE_TEMPLATES.activityChange })
    const detail = data(await call<ActivityDetail>({ action: 'detail', activityId: 'a-small' }, 'o-m1'))
    expect(detail.cancelConsequence).toContain('让给候补第一位')
    const res = data(await call<CancelResult>({ action: 'cancel', activityId: 'a-small' }, 'o-m1'))
    expect(res.mine.state).toBe('cancelled')
    expect(await getDoc<SignupDoc>(db, 'activity_signups', 'a-small:o-m2')).toMatchObject({
      state: 'confirmed',
    })
    expect(await getDoc<SignupDoc>(db, 'activity_signups', 'a-small:o-m3')).toMatchObject({
      state: 'waitlisted',
    })
    const position = data(await call<ActivityDetail>({ action: 'detail', activityId: 'a-small' }, 'o-m3'))
    expect(position.mine?.waitlistPosition).toBe(1)
    // Cancelling again changes nothing and promotes no one else.
    data(await call<CancelResult>({ action: 'cancel', activityId: 'a-small' }, 'o-m1'))
    expect(await getDoc<SignupDoc>(db, 'activity_signups', 'a-small:o-m3')).toMatchObject({
      state: 'waitlisted',
    })
    const activity = await getDoc<ActivityDoc>(db, 'activities', 'a-small')
    expect(activity).toMatchObject({ confirmedCount: 2, waitlistCount: 1 })
    const outbox = await cloud.control<{ messages: { touser: string; templateId: string }[] }>('outbox', {
      templateId: MESSAGE_TEMPLATES.activityChange,
    })
    expect(outbox.messages.map((m) => m.touser)).toEqual(['o-m2'])
    // A member who cancelled and comes back queues last.
    expect(data(await signUp('a-small', 'o-m1')).mine).toMatchObject({
      state: 'waitlisted',
      waitlistPosition: 2,
    })
  })

  it('under parallel sign-ups and cancellations: confirmed ≤ capacity, nobody twice, waitlist in arrival order', async () => {
    const CAP = 5
    await addActivity(db, 'a-burst', { communityId: C, startAt: START, capacity: CAP })
    const first = Array.from({ length: 25 }, (_, i) => `o-m${i}`)
    const firstResults = await Promise.all(first.map((who) => signUp('a-burst', who)))
    expect(firstResults.every((r) => r.ok)).toBe(true)
    // Ten of them cancel while fifteen more arrive, all at once.
    const mixed = await Promise.all([
      ...first
        .slice(0, 10)
        .map((who) => call<CancelResult>({ action: 'cancel', activityId: 'a-burst' }, who)),
      ...Array.from({ length: 15 }, (_, i) => signUp('a-burst', `o-m${25 + i}`)),
    ])
    expect(mixed.filter((r) => !r.ok)).toEqual([])

    const docs = await signupsOf('a-burst')
    const confirmed = docs.filter((d) => d.state === 'confirmed')
    const waitlisted = docs.filter((d) => d.state === 'waitlisted')
    const activity = (await getDoc<ActivityDoc>(db, 'activities', 'a-burst'))!
    expect(docs).toHaveLength(40)
    expect(confirmed).toHaveLength(CAP)
    expect(waitlisted).toHaveLength(40 - 10 - CAP)
    expect(activity).toMatchObject({ confirmedCount: CAP, waitlistCount: waitlisted.length, signupSeq: 40 })
    // Arrival order: seqs are unique, and everyone holding a place arrived before everyone waiting.
    expect(new Set(docs.map((d) => d.seq)).size).toBe(40)
    expect(Math.max(...confirmed.map((d) => d.seq))).toBeLessThan(Math.min(...waitlisted.map((d) => d.seq)))
  })

  it('refuses the level gate, offline meet-ups below core, the deadline, drafts and another community', async () => {
    await addActivity(db, 'a-adv', { communityId: C, startAt: START, minLevel: 'advanced' })
    await addActivity(db, 'a-offline', {
      communityId: C,
      startAt: START,
      kind: 'offline',
      title: '线下读书会',
    })
    await addActivity(db, 'a-closed', {
      communityId: C,
      startAt: START,
      signupDeadline: new Date('2026-12-09T00:00:00.000Z'),
    })
    await addActivity(db, 'a-draft', { communityId: C, startAt: START, stage: 'draft' })
    await addActivity(db, 'a-run', { communityId: 'c-run', startAt: START })

    const refused = async (activityId: string, who: string) => {
      const res = await signUp(activityId, who)
      return res.ok ? null : res.error
    }
    expect(await refused('a-adv', 'o-m0')).toEqual({
      code: 'SIGNUP_LEVEL_TOO_LOW',
      message: '这个活动需要进阶及以上等级才能报名',
    })
    expect(data(await signUp('a-adv', 'o-adv')).mine.state).toBe('confirmed')
    expect((await refused('a-offline', 'o-adv'))?.message).toBe('线下活动仅限核心成员报名')
    expect(data(await signUp('a-offline', 'o-core')).mine.state).toBe('confirmed')
    expect(await refused('a-closed', 'o-m0')).toEqual({ code: 'SIGNUP_CLOSED', message: '报名已截止' })
    expect((await refused('a-draft', 'o-m0'))?.code).toBe('ACTIVITY_NOT_OPEN')
    expect((await refused('a-run', 'o-m0'))?.code).toBe('NOT_FOUND')
    expect(errorCode(await call({ action: 'detail', activityId: 'a-run' }, 'o-m0'))).toBe('NOT_FOUND')
    expect(errorCode(await call({ action: 'detail', activityId: 'a-draft' }, 'o-m0'))).toBe('NOT_FOUND')
    // The page says why instead of offering the button.
    const seen = data(await call<ActivityDetail>({ action: 'detail', activityId: 'a-offline' }, 'o-m0'))
    expect(seen.signupBlocked).toBe('线下活动仅限核心成员报名')
    // Refusals wrote nothing.
    expect(await countWhere(db, 'activity_signups', { activityId: 'a-closed' })).toBe(0)
    expect(await getDoc<ActivityDoc>(db, 'activities', 'a-adv')).toMatchObject({
      confirmedCount: 1,
      signupSeq: 1,
    })
  })
})

describe('attendance', () => {
  const A = 'a-attend'
  // Attendance opens an hour before the start.
  const AT = new Date(START.getTime() - 30 * 60_000)
  const windowStart = new Date(Math.floor(AT.getTime() / 30_000) * 30_000)
  const clockAt = (ms: number) => cloud.setClock(new Date(windowStart.getTime() + ms).toISOString())
  const code = async () =>
    data(await call<AttendanceCodeView>({ action: 'attendanceCode', activityId: A }, 'o-organiser'))
  const attend = (who: string, c: string) =>
    call<AttendResult>({ action: 'attend', activityId: A, code: c }, who)

  beforeAll(async () => {
    await addActivity(db, A, { communityId: C, startAt: START, points: 30, title: '周六共读' })
    for (const who of ['o-m0', 'o-m1', 'o-m2', 'o-organiser']) data(await signUp(A, who))
    await addActivity(db, 'a-attend-full', { communityId: C, startAt: START, capacity: 1 })
  })

  it('shows staff a rotating code; members may not see it', async () => {
    await clockAt(1_000)
    const shown = await code()
    expect(shown.code).toMatch(/^\d{6}$/)
    expect(shown.windowMs).toBe(30_000)
    expect(shown.expiresAt).toBe(new Date(windowStart.getTime() + 30_000).toISOString())
    expect(errorCode(await call({ action: 'attendanceCode', activityId: A }, 'o-m0'))).toBe('FORBIDDEN')
    await clockAt(31_000)
    expect((await code()).code).not.toBe(shown.code)
  })

  it('pays the points once through the ledger and counts the activity for the value score', async () => {
    await clockAt(1_000)
    const current = (await code()).code
    const wrong = current === '000000' ? '000001' : '000000'
    expect(errorCode(await attend('o-m0', wrong))).toBe('ATTEND_CODE_WRONG')

    // The previous window's code still works (read at the turn); a double tap in parallel pays once.
    await clockAt(31_000)
    const [a, b] = await Promise.all([attend('o-m0', current), attend('o-m0', current)])
    const results = [data(a), data(b)]
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true])
    expect(results.every((r) => r.pointsPaid === 30)).toBe(true)
    const member = await getDoc<{ balance: number; totalEarned: number }>(db, 'members', `${C}_o-m0`)
    expect(member).toMatchObject({ balance: 30, totalEarned: 30 })
    expect(await countWhere(db, 'ledger', { communityId: C, openid: 'o-m0', source: `activity:${A}` })).toBe(
      1,
    )
    const week = (await db
      .collection('member_activity')
      .where({ communityId: C, openid: 'o-m0' })
      .get()) as unknown as {
      data: { activities?: number }[]
    }
    expect(week.data.map((d) => d.activities)).toEqual([1])
    expect(await getDoc<ActivityDoc>(db, 'activities', A)).toMatchObject({ attendedCount: 1 })
    expect(await getDoc<SignupDoc>(db, 'activity_signups', `${A}:o-m0`)).toMatchObject({ pointsPaid: 30 })
    // The value score's counter is derived state: rebuilt from the sign-ups, it agrees.
    expect((await rebuildDerived(db as never, { check: true })).drift).toEqual([])
  })

  it('refuses a stale code, a waitlisted member, and pays the creator nothing', async () => {
    await clockAt(1_000)
    const old = (await code()).code
    await clockAt(61_000)
    expect(errorCode(await attend('o-m1', old))).toBe('ATTEND_CODE_WRONG')
    const fresh = (await code()).code
    const own = data(await attend('o-organiser', fresh))
    expect(own).toMatchObject({ pointsPaid: 0, note: '这是你创建的活动，不给自己发放积分', duplicate: false })
    expect(await countWhere(db, 'ledger', { openid: 'o-organiser', source: `activity:${A}` })).toBe(0)
    // Not signed up at all.
    expect(errorCode(await attend('o-m9', fresh))).toBe('ATTEND_NOT_CONFIRMED')
  })

  it('staff list each list in arrival order and export it in the one format', async () => {
    await clockAt(1_000)
    data(await attend('o-m1', (await code()).code))
    const attended = data(
      await call<SignupListPage>({ action: 'list', activityId: A, list: 'attended' }, 'o-owner'),
    )
    expect(attended.rows.map((r) => r.nickname)).toEqual(['读者0', '读者1', '陈一帆'])
    expect(attended.rows[0]).toMatchObject({ stateName: '已签到', pointsPaid: 30 })
    const signed = data(
      await call<SignupListPage>({ action: 'list', activityId: A, list: 'confirmed' }, 'o-owner'),
    )
    expect(signed.rows.map((r) => r.seq)).toEqual([1, 2, 3, 4])
    expect(errorCode(await call({ action: 'list', activityId: A, list: 'confirmed' }, 'o-m0'))).toBe(
      'FORBIDDEN',
    )
    expect(errorCode(await call({ action: 'list', activityId: A, list: 'confirmed' }, 'o-runner'))).toBe(
      'NOT_FOUND',
    )

    const file = data(
      await call<ExportPart>({ action: 'exportList', activityId: A, list: 'attended' }, 'o-owner'),
    )
    expect(file.fileName).toBe('晨读会-活动报名-2026-12-12-周六共读-签到名单.csv')
    expect(file.rows).toBe(3)
    const lines = file.csv.replace('\uFEFF', '').trim().split('\r\n')
    expect(lines[0]).toBe('序号,成员,状态,报名时间,递补时间,取消时间,签到时间,获得积分,订阅提醒')
    expect(lines[1]).toMatch(/^1,读者0,已签到,2026-12-\d\d \d\d:\d\d,,,2026-12-12 18:3\d,30,否$/)
  })

  it('keeps each action within its request budget', async () => {
    await clockAt(1_000)
    const count = async (work: () => Promise<{ ok: boolean }>) => {
      const before = await databaseRequests(cloud)
      const res = await work()
      expect(res.ok).toBe(true)
      return (await databaseRequests(cloud)) - before
    }
    await addActivity(db, 'a-budget', { communityId: C, startAt: START, capacity: 1 })
    // Warm instances first (every action called once), then one measured call each.
    await signUp('a-budget', 'o-m30')
    // The membership (users + members: these calls send no _community) 2, the transaction (start,
    // 2 reads, 2 writes, commit) 6, and a waitlisted sign-up's position 1.
    expect(await count(() => signUp('a-budget', 'o-m31'))).toBe(9)
    await call({ action: 'detail', activityId: 'a-budget' }, 'o-m30')
    // The membership 2, the activity, the sign-up and the waitlist position.
    expect(await count(() => call({ action: 'detail', activityId: 'a-budget' }, 'o-m31'))).toBe(5)
    const c = (await code()).code
    await attend('o-m0', c)
    // The membership 2, the activity, the secret, the points rules and ceilings (not cached without
    // _community) 2; the transaction: start, the sign-up and the member, member_activity read and
    // write, the ledger row, the sign-up, the member, commit; the attended counter after it.
    expect(await count(() => attend('o-m2', c))).toBeLessThanOrEqual(17)
  })
})
