/**
 * The demo seed's month of activities, read through the `activities` function: members see past
 * activities finished and coming ones published; every published one has its SOP tasks; the
 * planner has a month to compare.
 */
import type { ActivitiesOutputs } from '../../cloudfunctions/core/contracts/activities'
import type { ActionResult } from '../../cloudfunctions/core/errors'
import { addMonths, shanghaiMonthKey } from '../../cloudfunctions/core/time'
import { DEMO_COMMUNITY } from '../../tools/local-cloud/demo'
import { data } from '../support/fixtures'
import {
  databaseOf,
  now,
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

const act = async <A extends keyof ActivitiesOutputs>(action: A, input: object, openid: string) =>
  data(
    await cloud.call<ActionResult<ActivitiesOutputs[A]>>(
      'activities',
      { action, _community: DEMO_COMMUNITY._id, ...input },
      openid,
    ),
  )

it('seeds a month of past (finished) and coming (published) activities of every kind, with their tasks', async () => {
  const at = now()
  const month = shanghaiMonthKey(at)
  const months = [addMonths(month, -1), month, addMonths(month, 1)]
  const all = (await Promise.all(months.map((m) => act('calendar', { month: m }, 'demo-organiser')))).flatMap(
    (c) => c.activities,
  )
  expect(all.length).toBeGreaterThan(40)
  for (const a of all) {
    const over = new Date(a.endAt).getTime() <= at.getTime()
    expect([a.title, a.stage]).toEqual([a.title, over ? 'finished' : 'published'])
  }
  expect(new Set(all.map((a) => a.kind))).toEqual(
    new Set(['lecture', 'interaction', 'benefit', 'challenge', 'offline', 'live']),
  )
  expect(new Set(all.map((a) => a.size))).toEqual(new Set(['small', 'medium', 'large']))
  const meetup = all.find((a) => a.title === '城南读书见面会')!
  expect(meetup.minLevel).toBe('core')
  const tasks = (await db.collection('activity_tasks').where({ activityId: meetup.id }).count()) as {
    total: number
  }
  expect(tasks.total).toBe(6)
  expect((await act('series', {}, 'demo-organiser')).items).toHaveLength(5)
  const plan = await act('planner', { month }, 'demo-organiser')
  expect(plan.weeks.length).toBeGreaterThanOrEqual(4)
  expect(plan.weeks.some((w) => w.small >= 2)).toBe(true)
})
