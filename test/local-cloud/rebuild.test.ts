/**
 * `npm run rebuild` (tools/rebuild.ts) against a seeded local cloud: the demo, whose derived state the
 * seed itself rebuilt, checks clean; drift planted by hand in every kind of derived field is reported
 * by `--check` (exit 1) and put back by a rebuild, after which the check is clean again.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { memberId } from '../../cloudfunctions/core/community'
import { memberWeekId } from '../../cloudfunctions/core/value-score'
import { DEMO_COMMUNITY } from '../../tools/local-cloud/demo'
import { checkDataDir, rebuildDerived } from '../../tools/rebuild'
import {
  databaseOf,
  REPO_ROOT,
  sdkFor,
  startCloud,
  type RunningCloud,
  type SdkDatabase,
} from '../support/local-cloud'

jest.setTimeout(240_000)

let cloud: RunningCloud
let db: SdkDatabase

beforeAll(async () => {
  cloud = await startCloud({ seed: true })
  db = databaseOf(sdkFor(cloud))
}, 240_000)

afterAll(() => cloud?.stop())

const run = (args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'tools/rebuild.ts', ...args], {
    cwd: REPO_ROOT,
  }).then(
    (ok) => ({ code: 0, stdout: ok.stdout }),
    (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
  )

async function get<T>(collection: string, id: string): Promise<T> {
  const res = (await db.collection(collection).doc(id).get()) as unknown as { data: T | T[] }
  return (Array.isArray(res.data) ? res.data[0] : res.data) as T
}

it('finds the seeded demo clean, through the SDK and from the data folder', async () => {
  expect((await rebuildDerived(db as never, { check: true })).drift).toEqual([])
  const fromData = checkDataDir(cloud.dataDir, cloud.envId)
  expect(fromData.ledger.differences).toEqual([])
  expect(fromData.drift).toEqual([])
  const checked = await run(['--check', '--url', cloud.url, '--env', cloud.envId])
  expect(checked.stdout).toMatch(/0 derived field\(s\) differ/)
  expect(checked.code).toBe(0)
})

it('reports drift planted by hand and a rebuild puts it back', async () => {
  const cid = DEMO_COMMUNITY._id
  // A member with a streak and points this month, and one of their activity weeks.
  const _ = db.command
  const found = (await db
    .collection('members')
    .where({ communityId: cid, streak: _.gt(0), monthEarned: _.gt(0) })
    .orderBy('_id', 'asc')
    .limit(1)
    .get()) as unknown as { data: { openid: string }[] }
  const openid = found.data[0].openid
  const activity = (await db
    .collection('member_activity')
    .where({ communityId: cid, openid, checkinDays: _.gt(0) })
    .orderBy('_id', 'asc')
    .limit(1)
    .get()) as unknown as { data: { _id: string; openid: string; weekKey: string; checkinDays: number }[] }
  const week = activity.data[0]
  const mid = memberId(cid, week.openid)
  type Member = { balance: number; totalEarned: number; monthEarned: number; streak: number }
  const before = await get<Member>('members', mid)
  const stats = (await get<{ checkinState: { longest: number; total: number } }>('members', mid)).checkinState

  await db
    .collection('members')
    .doc(mid)
    .update({
      data: {
        balance: before.balance + 7,
        totalEarned: before.totalEarned + 7,
        monthEarned: before.monthEarned + 7,
        streak: before.streak + 3,
      },
    })
  await db
    .collection('members')
    .doc(mid)
    .update({ data: { 'checkinState.longest': stats.longest + 1 } })
  await db
    .collection('member_activity')
    .doc(week._id)
    .update({ data: { checkinDays: week.checkinDays + 2 } })
  const ghost = memberWeekId(cid, week.openid, '2020-01-06')
  await db
    .collection('member_activity')
    .doc(ghost)
    .set({ data: { communityId: cid, openid: week.openid, weekKey: '2020-01-06', notes: 4 } })

  const { drift } = await rebuildDerived(db as never, { check: true })
  expect(drift.map((d) => `${d.collection}/${d.id}.${d.field}: ${d.stored} -> ${d.derived}`).sort()).toEqual(
    [
      `members/${mid}.checkinState.longest: ${stats.longest + 1} -> ${stats.longest}`,
      `member_activity/${ghost}.notes: 4 -> 0`,
      `member_activity/${week._id}.checkinDays: ${week.checkinDays + 2} -> ${week.checkinDays}`,
      `members/${mid}.balance: ${before.balance + 7} -> ${before.balance}`,
      `members/${mid}.monthEarned: ${before.monthEarned + 7} -> ${before.monthEarned}`,
      `members/${mid}.streak: ${before.streak + 3} -> ${before.streak}`,
      `members/${mid}.totalEarned: ${before.totalEarned + 7} -> ${before.totalEarned}`,
    ].sort(),
  )
  // The check mode of the command (and so `npm run verify:ledger`) fails on it, from the data folder too.
  const checked = await run(['--check', '--data', cloud.dataDir, '--env', cloud.envId])
  expect(checked.code).toBe(1)
  expect(checked.stdout).toMatch(
    `members/${mid}: streak stored ${before.streak + 3}, sources say ${before.streak}`,
  )
  expect(checked.stdout).toMatch(/7 derived field\(s\) differ/)

  const rebuilt = await run(['--url', cloud.url, '--env', cloud.envId])
  expect(rebuilt.code).toBe(0)
  expect(rebuilt.stdout).toMatch(/7 derived field\(s\) differed; 4 document\(s\) rewritten/)
  expect(await get<Member>('members', mid)).toMatchObject(before)
  expect((await get<{ checkinState: object }>('members', mid)).checkinState).toMatchObject({
    longest: stats.longest,
    total: stats.total,
  })
  expect(await get('member_activity', week._id)).toMatchObject({ checkinDays: week.checkinDays })
  expect(await get('member_activity', ghost)).toMatchObject({ notes: 0 })
  expect((await rebuildDerived(db as never, { check: true })).drift).toEqual([])
  expect((await run(['--check', '--url', cloud.url, '--env', cloud.envId])).code).toBe(0)
})
