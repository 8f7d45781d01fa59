/**
 * Sign-up and attendance figures for `npm run bench` (tools/bench/run.ts wires it):
 *   - a sign-up burst: 500 parallel sign-ups for a capacity of 50: exactly 50 confirmed and 450
 *     waitlisted in arrival order (seq 1–50 hold the places, 51–500 wait), 0 errors, p95 latency and
 *     database requests per sign-up (conflict retries included);
 *   - attendance: 300 check-ins (plus 30 doubled taps) within one minute with the rotating code staff
 *     show: 0 double payments, requests per check-in.
 * Works on any running local cloud: it adds its own community, members and activities.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { ActivityDoc, SignupDoc } from '../../cloudfunctions/core/activities'
import type { AttendanceCodeView } from '../../cloudfunctions/core/contracts/signups'
import { addActivity } from '../../test/support/activities'
import { addCommunity, addMember } from '../../test/support/fixtures'
import { databaseOf, now as clockNow, sdkFor, type RunningCloud } from '../../test/support/local-cloud'
import { databaseRequests } from './measure'
import { bulkAdd, inParallel, syntheticMember, syntheticOpenid } from './synthetic'
import { percentile, type BenchRow } from './table'

const COMMUNITY = 'c-bench-signup'
const BURST = 500
const CAPACITY = 50
const CHECK_INS = 300
const DOUBLED = 30
const POINTS = 20

export async function benchSignups(cloud: RunningCloud): Promise<BenchRow[]> {
  const db = databaseOf(sdkFor(cloud))
  const now = clockNow()
  await addCommunity(db, COMMUNITY, { name: '报名压测', inviteCode: 'SUBNCH', memberCount: BURST + 1 })
  const staff = 'bench-signup-organiser'
  await addMember(db, COMMUNITY, staff, { role: 'organiser', joinedAt: now })
  await bulkAdd(db, 'members', BURST, (i) => syntheticMember(COMMUNITY, i, now), {
    perRequest: 100,
    inFlight: 4,
  })
  const who = (i: number) => syntheticOpenid(COMMUNITY, i)
  const call = <T>(event: Record<string, unknown>, openid: string) =>
    cloud.call<ActionResult<T>>('signups', { ...event, _community: COMMUNITY }, openid)
  const rowsOf = async (activityId: string) =>
    (
      (await db.collection('activity_signups').where({ activityId }).limit(1000).get()) as unknown as {
        data: SignupDoc[]
      }
    ).data

  // ── The burst ──
  const start = new Date(now.getTime() + 86_400_000)
  await addActivity(db, 'bench-burst', { communityId: COMMUNITY, startAt: start, capacity: CAPACITY })
  // Warm every instance first, on another activity, so cold starts are not the figure.
  await addActivity(db, 'bench-warm', { communityId: COMMUNITY, startAt: start })
  await Promise.all(
    Array.from({ length: 8 }, (_, i) => call({ action: 'detail', activityId: 'bench-warm' }, who(i))),
  )
  const before = await databaseRequests(cloud)
  const latencies: number[] = []
  const started = performance.now()
  const results = await Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      const t = performance.now()
      const res = await call({ action: 'signUp', activityId: 'bench-burst', subscribed: true }, who(i))
      latencies.push(performance.now() - t)
      return res
    }),
  )
  const burstMs = performance.now() - started
  const perSignup = ((await databaseRequests(cloud)) - before) / BURST
  const errors = results.filter((r) => !r.ok).length
  const errorCodes = [...new Set(results.flatMap((r) => (r.ok ? [] : [r.error.code])))].join(' ')
  const docs = await rowsOf('bench-burst')
  const confirmed = docs.filter((d) => d.state === 'confirmed').map((d) => d.seq)
  const waitlisted = docs.filter((d) => d.state === 'waitlisted').map((d) => d.seq)
  const activity = (
    (await db.collection('activities').where({ _id: 'bench-burst' }).get()) as unknown as {
      data: ActivityDoc[]
    }
  ).data[0]
  const inOrder =
    confirmed.length === CAPACITY &&
    waitlisted.length === BURST - CAPACITY &&
    Math.max(...confirmed) === CAPACITY &&
    Math.min(...waitlisted) === CAPACITY + 1 &&
    new Set(docs.map((d) => d.seq)).size === BURST &&
    activity.confirmedCount === CAPACITY &&
    activity.waitlistCount === BURST - CAPACITY
  latencies.sort((a, b) => a - b)

  // ── Attendance ──
  await addActivity(db, 'bench-attend', {
    communityId: COMMUNITY,
    // Under way: check-in is open.
    startAt: new Date(now.getTime() - 10 * 60_000),
    signupDeadline: new Date(now.getTime() + 3_600_000),
    points: POINTS,
  })
  await inParallel(CHECK_INS, 8, (i) => call({ action: 'signUp', activityId: 'bench-attend' }, who(i)))
  // Staff keep the code on screen; members type what they see (refreshed as it rotates).
  const shown = async () =>
    (await call<AttendanceCodeView>({ action: 'attendanceCode', activityId: 'bench-attend' }, staff)) as {
      ok: true
      data: AttendanceCodeView
    }
  let code = (await shown()).data.code
  const refresher = setInterval(() => {
    void shown().then((r) => (code = r.data.code))
  }, 5_000)
  const beforeAttend = await databaseRequests(cloud)
  const attendStarted = performance.now()
  const taps = [
    ...Array.from({ length: CHECK_INS }, (_, i) => i),
    ...Array.from({ length: DOUBLED }, (_, i) => i * 7),
  ]
  const attendResults: ActionResult<unknown>[] = []
  await inParallel(taps.length, 16, async (k) => {
    attendResults.push(await call({ action: 'attend', activityId: 'bench-attend', code }, who(taps[k])))
  })
  clearInterval(refresher)
  const attendMs = performance.now() - attendStarted
  const attendRequests = ((await databaseRequests(cloud)) - beforeAttend) / taps.length
  const attendErrors = attendResults.filter((r) => !r.ok).length
  const attendCodes = [...new Set(attendResults.flatMap((r) => (r.ok ? [] : [r.error.code])))].join(' ')
  const ledgerRows = (
    (await db
      .collection('ledger')
      .where({ communityId: COMMUNITY, source: 'activity:bench-attend' })
      .count()) as {
      total: number
    }
  ).total
  const paid = (
    (await db
      .collection('members')
      .where({ communityId: COMMUNITY, balance: db.command.gt(POINTS) })
      .count()) as { total: number }
  ).total
  const doubles = Math.max(0, ledgerRows - CHECK_INS) + paid

  return [
    {
      bench: `sign-up burst: ${BURST} parallel, capacity ${CAPACITY}`,
      value: `${burstMs.toFixed(0)} ms`,
      detail: `${confirmed.length} confirmed, ${waitlisted.length} waitlisted, ${errors} errors ${errorCodes}`,
    },
    {
      bench: 'sign-up burst latency (p50 / p95 / max)',
      value: `${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 95).toFixed(0)} / ${latencies[latencies.length - 1].toFixed(0)} ms`,
    },
    {
      bench: 'sign-up database requests',
      value: perSignup.toFixed(2),
      detail: 'per sign-up, retries included',
    },
    {
      bench: 'sign-up burst invariants',
      value: inOrder && errors === 0 ? 'hold' : 'BROKEN',
      detail: 'seq 1–50 confirmed, 51–500 waitlisted, counters agree',
    },
    {
      bench: `attendance: ${CHECK_INS} check-ins + ${DOUBLED} doubled taps`,
      value: `${attendMs.toFixed(0)} ms`,
      goal: '≤ 60000 ms',
      detail: `${attendErrors} errors ${attendCodes}, ${ledgerRows} ledger rows`,
    },
    { bench: 'attendance double payments', value: String(doubles), goal: '0' },
    { bench: 'attendance database requests', value: attendRequests.toFixed(2), detail: 'per check-in' },
  ]
}
