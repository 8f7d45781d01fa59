/**
 * The health dashboard through the local cloud and the real wx-server-sdk: the nightly timer counts
 * each day's figures with the clock driven across days and weeks, raises an alert once per episode
 * (activity down 15% three days in a row), tells subscribed admins, resolves it on recovery; the
 * dashboard, the CSV export and the badges answer per role and per community.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type {
  Badges,
  DashboardOverview,
  MetricsJobOutcome,
} from '../../cloudfunctions/core/contracts/dashboard'
import type { ExportPart } from '../../cloudfunctions/core/csv'
import { MESSAGE_TEMPLATES } from '../../cloudfunctions/core/notify'
import { addDays } from '../../cloudfunctions/core/time'
import { rebuildDerived } from '../../tools/rebuild'
import { addCommunity, addMember, data, errorCode, getDoc } from '../support/fixtures'
import { databaseOf, sdkFor, startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'

jest.setTimeout(180_000)

let cloud: RunningCloud
let db: SdkDatabase

const FIRST = '2027-04-05' // a Monday
const at = (iso: string) => cloud.setClock(new Date(iso).toISOString())
const shanghai = (day: string, time: string) => `${day}T${time}+08:00`
const call = <T>(fn: string, event: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>(fn, event, openid)
const ok = async <T>(event: Record<string, unknown>, openid: string) =>
  data(await call<T>('dashboard', event, openid))

const MEMBERS = Array.from({ length: 20 }, (_, i) => `o-m${String(i).padStart(2, '0')}`)

async function runNight(): Promise<MetricsJobOutcome[]> {
  const runs: MetricsJobOutcome[] = []
  for (let i = 0; i < 20; i++) {
    const res = await cloud.control<{ value: ActionResult<MetricsJobOutcome> }>('timers/dashboard')
    runs.push(data(res.value))
    if (runs[runs.length - 1].done) return runs
  }
  throw new Error('the nightly job did not finish')
}

/** `active` members do something on `day` (lastActiveAt moves, as runtime/activity does), then the night runs. */
async function liveDay(day: string, active: number, extra: () => Promise<void> = async () => {}) {
  await at(shanghai(day, '12:00:00'))
  const _ = db.command
  await db
    .collection('members')
    .where({ communityId: 'c-d', openid: _.in(MEMBERS.slice(0, active)) })
    .update({ data: { lastActiveAt: new Date(shanghai(day, '12:00:00')) } })
  await extra()
  await at(shanghai(addDays(day, 1), '00:30:00'))
  return runNight()
}

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await at(shanghai(FIRST, '08:00:00'))
  await addCommunity(db, 'c-d', { name: '晨光读书会', memberCount: 24 })
  await addCommunity(db, 'c-o', { name: '夜跑团', memberCount: 1 })
  const longAgo = new Date('2026-10-01T00:00:00+08:00')
  await addMember(db, 'c-d', 'o-owner', { role: 'owner', joinedAt: longAgo })
  await addMember(db, 'c-d', 'o-admin', { role: 'admin', joinedAt: longAgo })
  await addMember(db, 'c-d', 'o-org', { role: 'organiser', joinedAt: longAgo })
  const dataOfficer = await addMember(db, 'c-d', 'o-data', { role: 'organiser', joinedAt: longAgo })
  await db
    .collection('members')
    .doc(dataOfficer)
    .update({ data: { staffTitle: '数据官' } })
  for (const openid of MEMBERS) await addMember(db, 'c-d', openid, { joinedAt: longAgo })
  // Six of 24 posted (25%: the posting share is in its target band; the square writes lastPostAt).
  await db
    .collection('members')
    .where({ communityId: 'c-d', openid: db.command.in(MEMBERS.slice(0, 6)) })
    .update({ data: { lastPostAt: new Date(shanghai(FIRST, '09:00:00')) } })
  await addMember(db, 'c-o', 'o-other', { role: 'owner', joinedAt: longAgo })
  await cloud.control('subscriptions', { openid: 'o-admin', templateId: MESSAGE_TEMPLATES.healthAlert })
})

afterAll(async () => {
  await cloud?.stop()
})

describe('the nightly figures', () => {
  it('counts the day that ended, from counters and count queries, once per day', async () => {
    const runs = await liveDay(FIRST, 10, async () => {
      await addMember(db, 'c-d', 'o-new', { joinedAt: new Date(shanghai(FIRST, '10:00:00')) })
      await db
        .collection('checkins')
        .doc(`c-d_o-m00_${FIRST}`)
        .set({ data: { communityId: 'c-d', openid: 'o-m00', dayKey: FIRST, createdAt: new Date() } })
      await db
        .collection('checkins')
        .doc(`c-d_o-m01_${FIRST}`)
        .set({
          data: { communityId: 'c-d', openid: 'o-m01', dayKey: FIRST, madeUp: true, createdAt: new Date() },
        })
    })
    expect(runs[runs.length - 1]).toMatchObject({ day: FIRST, done: true, communities: 2, alertsRaised: 0 })
    const doc = await getDoc<Record<string, unknown>>(db, 'metrics_daily', `c-d_${FIRST}`)
    expect(doc).toMatchObject({
      communityId: 'c-d',
      day: FIRST,
      members: 24,
      dau: 10,
      joined: 1,
      checkins: 1,
      posts: 0,
    })
    // Counted once: another tick the same night changes nothing.
    const again = await runNight()
    expect(again[0]).toMatchObject({ day: FIRST, done: true, communities: 2 })
    expect(await getDoc(db, 'metrics_daily', `c-o_${FIRST}`)).toMatchObject({ dau: 0, members: 1 })
  })

  it('drives ten steady days, then a 15% drop three days in a row raises one alert and tells the subscribed admin', async () => {
    let day = addDays(FIRST, 1)
    for (let i = 0; i < 9; i++, day = addDays(day, 1)) await liveDay(day, 10)
    // Down to 8 of 10 for three days: 20% down.
    const raised: number[] = []
    for (let i = 0; i < 3; i++, day = addDays(day, 1)) {
      const runs = await liveDay(day, 8)
      raised.push(runs.reduce((n, r) => n + r.alertsRaised, 0))
    }
    expect(raised).toEqual([0, 0, 1])
    const view = await ok<DashboardOverview>({ action: 'overview' }, 'o-owner')
    const open = view.alerts.filter((a) => a.status === 'open')
    expect(open.map((a) => a.rule)).toEqual(['activityDrop'])
    expect(open[0].summary).toContain('日活')
    expect(open[0].plays.length).toBeGreaterThan(0)
    expect(open[0].plays[0].links[0].url).toMatch(/^\/packages\/admin\//)
    expect(view.openAlerts).toBe(1)
    const outbox = await cloud.control<{ messages: { touser: string }[] }>('outbox', {
      templateId: MESSAGE_TEMPLATES.healthAlert,
    })
    expect(outbox.messages.map((m) => m.touser)).toEqual(['o-admin'])
    // Still down the next day: the same episode, not raised again.
    const next = await liveDay(day, 8)
    expect(next.reduce((n, r) => n + r.alertsRaised, 0)).toBe(0)
    day = addDays(day, 1)
    // Back to 10: resolved.
    const back = await liveDay(day, 10)
    expect(back.reduce((n, r) => n + r.alertsResolved, 0)).toBe(1)
    const after = await ok<DashboardOverview>({ action: 'overview' }, 'o-owner')
    expect(after.alerts.map((a) => a.status)).toEqual(['resolved'])
    expect(after.openAlerts).toBe(0)
    expect(after.days).toBe(15)
    const rate = after.metrics.find((m) => m.key === 'dailyActiveRate')!
    expect(rate.value).toBe(Math.round((10 / 24) * 1000) / 10)
    expect(rate.band).toBe('excellent')
    expect(rate.trend).toHaveLength(15)
    expect(after.metrics.find((m) => m.key === 'monthlyRetention')!.value).toBeNull()
  })
})

describe('who sees the dashboard', () => {
  it('owner, admin and the 数据官; not an organiser without the title, nor a member', async () => {
    for (const openid of ['o-owner', 'o-admin', 'o-data'])
      expect((await ok<DashboardOverview>({ action: 'overview' }, openid)).days).toBeGreaterThan(0)
    expect(errorCode(await call('dashboard', { action: 'overview' }, 'o-org'))).toBe('FORBIDDEN')
    expect(errorCode(await call('dashboard', { action: 'overview' }, 'o-m00'))).toBe('FORBIDDEN')
    expect(errorCode(await call('dashboard', { action: 'overview' }, 'o-stranger'))).toBe('NOT_MEMBER')
  })
  it('loads in 5 database requests, the membership included', async () => {
    const requests = async () => {
      const res = await fetch(`${cloud.url}/_local/stats`)
      const { adminRequests } = (await res.json()) as { adminRequests: Record<string, number> }
      return Object.entries(adminRequests)
        .filter(([action]) => action.startsWith('database.'))
        .reduce((sum, [, n]) => sum + n, 0)
    }
    const before = await requests()
    await ok<DashboardOverview>({ action: 'overview', _community: 'c-d' }, 'o-owner')
    expect((await requests()) - before).toBe(5)
  })

  it('another community sees only its own', async () => {
    const other = await ok<DashboardOverview>({ action: 'overview' }, 'o-other')
    // Nobody active or posting there for a week: its own band alerts, and none of 晨光读书会's.
    expect(other.alerts.map((a) => a.id).sort()).toEqual([
      `c-o:band:dailyActiveRate:${addDays(FIRST, 6)}`,
      `c-o:band:postingShare:${addDays(FIRST, 6)}`,
    ])
    expect(other.members).toBe(1)
  })
  it('refuses bad input and a member starting the timer', async () => {
    expect(errorCode(await call('dashboard', { action: 'overview', days: 3 }, 'o-owner'))).toBe(
      'INVALID_INPUT',
    )
    expect(errorCode(await call('dashboard', { action: 'exportDaily', cursor: 'bad!' }, 'o-owner'))).toBe(
      'INVALID_CURSOR',
    )
    const res = await call<unknown>('dashboard', { Type: 'Timer' }, 'o-owner')
    expect(errorCode(res)).toBe('FORBIDDEN')
  })
})

describe('export and badges', () => {
  it('exports the daily figures as CSV, oldest first', async () => {
    const part = await ok<ExportPart>({ action: 'exportDaily' }, 'o-admin')
    expect(part.rows).toBe(15)
    expect(part.nextCursor).toBeNull()
    const lines = part.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/^日期,成员数,新加入/)
    expect(lines[1]).toMatch(new RegExp(`^${FIRST},24,1,0,0,10,`))
    expect(part.fileName).toMatch(/^晨光读书会-每日数据-/)
  })
  it('counts pending work per role', async () => {
    const now = new Date(shanghai(addDays(FIRST, 15), '09:00:00'))
    await db
      .collection('join_requests')
      .doc('jr-1')
      .set({
        data: {
          communityId: 'c-d',
          openid: 'o-wants',
          status: 'pending',
          createdAt: now,
          expiresAt: new Date(now.getTime() + 3 * 86_400_000),
        },
      })
    // One note held by screening, one post hidden by members' reports: each counted once, apart.
    for (const [id, heldBy] of [
      ['h-words', 'words'],
      ['h-reports', 'reports'],
    ])
      await db
        .collection('held_content')
        .doc(id)
        .set({ data: { communityId: 'c-d', status: 'held', heldBy, kind: 'post', createdAt: now } })
    const owner = await ok<Badges>({ action: 'badges' }, 'o-owner')
    expect(owner.counts).toMatchObject({ alerts: 0, joinRequests: 1, heldContent: 1, orders: 0, reports: 1 })
    expect(owner.total).toBe(3)
    const organiser = await ok<Badges>({ action: 'badges' }, 'o-org')
    expect(organiser.counts.joinRequests).toBeUndefined()
    expect(organiser.counts.alerts).toBeUndefined()
    expect(await ok<Badges>({ action: 'badges' }, 'o-m00')).toEqual({
      counts: {},
      total: 0,
      dashboard: false,
    })
    expect((await ok<Badges>({ action: 'badges' }, 'o-data')).dashboard).toBe(true)
    expect(organiser.dashboard).toBe(false)
  })
})

describe('rebuildable, resumable', () => {
  it('the rebuild tool finds a drifted counted figure and rewrites it from the sources', async () => {
    const id = `c-d_${FIRST}`
    expect(
      (await rebuildDerived(db as never, { check: true })).drift.filter(
        (d) => d.collection === 'metrics_daily',
      ),
    ).toEqual([])
    await db
      .collection('metrics_daily')
      .doc(id)
      .update({ data: { checkins: 7, joined: 0 } })
    const { drift } = await rebuildDerived(db as never, { check: true })
    expect(drift.filter((d) => d.collection === 'metrics_daily')).toEqual([
      { collection: 'metrics_daily', id, field: 'joined', stored: 0, derived: 1 },
      { collection: 'metrics_daily', id, field: 'checkins', stored: 7, derived: 1 },
    ])
    await rebuildDerived(db as never)
    expect(await getDoc(db, 'metrics_daily', id)).toMatchObject({ joined: 1, checkins: 1, dau: 10 })
    expect((await rebuildDerived(db as never, { check: true })).drift).toEqual([])
  })

  it('a night stopped after each batch continues where it stopped', async () => {
    await db
      .collection('jobs')
      .doc('metrics:settings')
      .set({ data: { batchSize: 1, batchesPerRun: 1 } })
    const day = addDays(FIRST, 15)
    const runs = await liveDay(day, 10)
    expect(runs.map((r) => [r.communities, r.done])).toEqual([
      [1, false],
      [2, false],
      [2, true],
    ])
    expect(await getDoc(db, 'metrics_daily', `c-o_${day}`)).toMatchObject({ day })
    await db.collection('jobs').doc('metrics:settings').remove()
  })
})
