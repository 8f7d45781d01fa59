/**
 * The `levels` timer over 35 simulated days with the local cloud clock: dormancy of a newcomer,
 * demotion of 进阶 and 核心 at their 90% boundaries, the grace period, re-promotion above the
 * demotion floor, resumable batches, and only the timer may run the job.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { PointsSummary } from '../../cloudfunctions/core/contracts/points'
import { addDays, shanghaiDayStart } from '../../cloudfunctions/core/time'
import type { Database } from '../../cloudfunctions/runtime/cloud'
import { post } from '../../cloudfunctions/runtime/ledger'
import { verifyUrl } from '../../tools/verify-ledger'
import { startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'
import { addCommunity, addMember, data, dbOf, memberDoc } from './points-support'

jest.setTimeout(60_000)

let cloud: RunningCloud
let db: SdkDatabase

const DAY0 = '2027-03-01'
const DAY = 86_400_000
/** 03:00 Asia/Shanghai on DAY0 + n: when the timer runs. */
const at = (n: number, hour = 3) => new Date(shanghaiDayStart(DAY0).getTime() + n * DAY + hour * 3600_000)
const dayOf = (n: number) => addDays(DAY0, n)

interface JobOutcome {
  dayKey: string
  done: boolean
  processed: number
  demoted: number
  dormant: number
  runs: number
}

async function fireOn(n: number): Promise<JobOutcome> {
  await cloud.setClock(at(n).toISOString())
  const res = await cloud.control<{ ok: boolean; value: ActionResult<JobOutcome> }>('timers/levels')
  return data(res.value)
}

async function earn(openid: string, source: string, when: Date, delta = 5): Promise<void> {
  await post(db as unknown as Database, {
    communityId: 'c-lv',
    openid,
    // Amounts no rule pays (levels only need the totals): history brought in, as verify:ledger accepts.
    source: `seed:${source}`,
    kind: 'earn',
    delta,
    reason: '每日打卡',
    now: when,
  })
}

const levelOf = async (openid: string) => (await memberDoc(db, `c-lv_${openid}`)).level

beforeAll(async () => {
  cloud = await startCloud()
  db = dbOf(cloud)
  await addCommunity(db, 'c-lv', '成长营')
  const longAgo = new Date(at(-200).getTime())
  // 新手 who visited on DAY0 and then stopped.
  await addMember(db, 'c-lv', 'o-new', { joinedAt: at(-1), lastVisitAt: at(0, 10) })
  // 进阶 with 4 interactions on DAY0−5…DAY0−2: kept (4 ≥ 90% of 5) until the oldest leaves the window.
  await addMember(db, 'c-lv', 'o-adv', { level: 'advanced', joinedAt: longAgo, levelSince: longAgo })
  for (let i = 2; i <= 5; i++) await earn('o-adv', `checkin:${dayOf(-i)}`, at(-i, 9), 150)
  // 进阶 promoted on DAY0 with no interactions at all: protected by the 30-day grace.
  await addMember(db, 'c-lv', 'o-fresh', { level: 'advanced', joinedAt: longAgo, levelSince: at(0) })
  await earn('o-fresh', 'quality:q1', at(-1, 12), 600)
  // 核心 active on 30 days, DAY0−89…DAY0−60: 31−k of them remain in the window on day k.
  await addMember(db, 'c-lv', 'o-core', { level: 'core', joinedAt: longAgo, levelSince: longAgo })
  await earn('o-core', 'survey:big', at(-95, 12), 2400)
  for (let i = 60; i <= 89; i++) await earn('o-core', `checkin:${dayOf(-i)}`, at(-i, 9))
})

afterAll(() => cloud?.stop())

describe('the levels timer', () => {
  it('refuses to run for a caller', async () => {
    const res = await cloud.call<ActionResult<unknown>>('levels', { Type: 'Timer' }, 'o-adv')
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('runs in resumable batches that continue on the next tick', async () => {
    await db
      .collection('jobs')
      .doc('levels:settings')
      .set({ data: { batchSize: 1, batchesPerRun: 2 } })
    const first = await fireOn(0)
    expect(first).toMatchObject({ dayKey: DAY0, done: false, processed: 2, runs: 1 })
    const second = await fireOn(0)
    expect(second).toMatchObject({ done: false, processed: 4, runs: 2 })
    const third = await fireOn(0)
    expect(third).toMatchObject({ done: true, processed: 4, runs: 3 })
    // A finished day does nothing more.
    expect(await fireOn(0)).toMatchObject({ done: true, processed: 4, runs: 3 })
    await db.collection('jobs').doc('levels:settings').remove()
    expect(await levelOf('o-adv')).toBe('advanced')
    expect(await levelOf('o-core')).toBe('core')
  })

  it('applies every rule on its boundary day over 35 simulated days', async () => {
    const changedOn: Record<string, number> = {}
    for (let n = 1; n <= 35; n++) {
      const job = await fireOn(n)
      expect(job).toMatchObject({ dayKey: dayOf(n), done: true, processed: 4 })
      for (const openid of ['o-new', 'o-adv', 'o-fresh', 'o-core']) {
        const m = await memberDoc(db, `c-lv_${openid}`)
        const state = `${m.level}${m.dormantSince ? '+dormant' : ''}`
        if (changedOn[`${openid}:${state}`] === undefined) changedOn[`${openid}:${state}`] = n
      }
    }
    // 新手: last visit DAY0 → 14 whole days missed on the run of day 15.
    expect(changedOn['o-new:newcomer+dormant']).toBe(15)
    // 进阶 keeps 4 interactions until day 25; on day 26 only 3 remain in the 30-day window.
    expect(changedOn['o-adv:newcomer']).toBe(26)
    // Grace: promoted at DAY0 03:00, judged from day 30.
    expect(changedOn['o-fresh:newcomer']).toBe(30)
    // 核心: 31 − k active days on day k; 24 kept (k = 7), 23 demoted (k = 8).
    expect(changedOn['o-core:advanced']).toBe(8)
    // The demoted 核心 is a fresh 进阶 with its own grace: not demoted again within 30 days.
    expect(await levelOf('o-core')).toBe('advanced')
  })

  it('explains each change to the member, and a visit ends dormancy', async () => {
    await cloud.setClock(at(36, 9).toISOString())
    const adv = data(await cloud.call<ActionResult<PointsSummary>>('points', { action: 'summary' }, 'o-adv'))
    expect(adv).toMatchObject({ level: 'newcomer', levelName: '新手', celebration: null })
    expect(adv.lastChange).toMatchObject({ kind: 'demote', fromName: '进阶', toName: '新手' })
    expect(adv.lastChange?.reason).toContain('近 30 天互动 3 次')
    const core = data(
      await cloud.call<ActionResult<PointsSummary>>('points', { action: 'summary' }, 'o-core'),
    )
    expect(core.lastChange?.reason).toContain('近 90 天有 23 天活跃')

    const before = await memberDoc(db, 'c-lv_o-new')
    expect(before.dormantSince).toBeInstanceOf(Date)
    const dormant = data(
      await cloud.call<ActionResult<PointsSummary>>('points', { action: 'summary' }, 'o-new'),
    )
    expect(dormant.lastChange).toMatchObject({ kind: 'dormant' })
    expect(dormant.lastChange?.reason).toContain('流失预警')
    expect((await memberDoc(db, 'c-lv_o-new')).dormantSince).toBeNull()
  })

  it('re-promotes only with fresh points above the demotion floor', async () => {
    const m = await memberDoc(db, 'c-lv_o-adv')
    expect(m.demotionFloor).toEqual({ earned: 600, level: 'newcomer' })
    const summary = data(
      await cloud.call<ActionResult<PointsSummary>>('points', { action: 'summary' }, 'o-adv'),
    )
    expect(summary.next).toMatchObject({ name: '进阶', at: 700, toGo: 100 })
    await earn('o-adv', 'post:p1', at(36, 10), 95)
    expect(await levelOf('o-adv')).toBe('newcomer')
    await earn('o-adv', 'post:p2', at(36, 11), 5)
    expect(await levelOf('o-adv')).toBe('advanced')
    const after = data(
      await cloud.call<ActionResult<PointsSummary>>('points', { action: 'summary' }, 'o-adv'),
    )
    expect(after.celebration).toMatchObject({ kind: 'promote', toName: '进阶' })
    expect((await verifyUrl(cloud.url, cloud.envId)).differences).toEqual([])
  })
})
