/**
 * The request budget (issue 10): each action's database requests, counted by the local cloud
 * (GET /_local/stats, as `npm run bench` counts them), stay within what its work needs. Counts are
 * deterministic, so a budget is an exact ceiling, unlike a time.
 *
 * A budget is the caller's membership (MEMBERSHIP_READS: one read of `members/<community>_<openid>`,
 * given `_community`) plus the action's own work, written as `own`. `settings` are reads of a
 * community's settings or rules that the per-instance caches answer once warm (SETTINGS_READS: 0
 * with the caches). Every action is called once before it is measured, so its instance is warm.
 * docs/API.md lists the same figures.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { ItemView } from '../../cloudfunctions/core/contracts/mall'
import type { SurveyView } from '../../cloudfunctions/core/contracts/survey'
import type { Database } from '../../cloudfunctions/runtime/cloud'
import { post } from '../../cloudfunctions/runtime/ledger'
import { databaseRequests } from '../../tools/bench/measure'
import { addCommunity, addMember, data } from '../support/fixtures'
import {
  databaseOf,
  now,
  sdkFor,
  startCloud,
  type RunningCloud,
  type SdkDatabase,
} from '../support/local-cloud'
import { question } from '../support/surveys'

jest.setTimeout(120_000)

/** The membership's cost: one read by id (the handler, given `_community`). */
const MEMBERSHIP_READS = 1
/** What a community settings or rules read costs once the per-instance caches are warm. */
const SETTINGS_READS = 0

const C = 'c-budget'

interface Budget {
  /** The action's own requests, beyond membership and cached settings. */
  own: number
  /** Settings or rules reads the per-instance caches answer. */
  settings?: number
  /**
   * The goal for the whole call, where it names one (docs/API.md shows both; where the
   * budget is above it, the work left is named there).
   */
  goal?: number
}

/** The budgets, in the order docs/API.md lists them. */
const BUDGETS = {
  'checkin.checkIn': { own: 7, settings: 1, goal: 6 },
  'checkin.today': { own: 1 },
  'checkin.feed': { own: 1 },
  'member.me': { own: 0, goal: 1 },
  'rank.board (total)': { own: 2, settings: 1, goal: 3 },
  'rank.board (streak)': { own: 2, settings: 1, goal: 3 },
  'mall.items': { own: 1 },
  'mall.redeem': { own: 10, goal: 6 },
  'mall.redeem (sold out)': { own: 2, goal: 3 },
  'survey.submit': { own: 12, goal: 8 },
  'points.summary': { own: 1 },
  'points.adjust': { own: 7, goal: 6 },
} satisfies Record<string, Budget>

type Named = keyof typeof BUDGETS

let cloud: RunningCloud
let db: SdkDatabase
const counted: Partial<Record<Named, number>> = {}

const call = async <T>(fn: string, event: Record<string, unknown>, openid: string): Promise<T> =>
  data(await cloud.call<ActionResult<T>>(fn, { ...event, _community: C }, openid))

/** The database requests `run` makes (nothing else talks to this cloud meanwhile). */
async function requestsOf(run: () => Promise<unknown>): Promise<number> {
  const before = await databaseRequests(cloud)
  await run()
  return (await databaseRequests(cloud)) - before
}

/** Record an action's count; `expectWithinBudgets` then holds every count of the test to its budget. */
function measured(name: Named, requests: number): void {
  counted[name] = requests
  pending.push(name)
}

const pending: Named[] = []

function expectWithinBudgets(): void {
  const over = pending.splice(0).flatMap((name) => {
    const budget: Budget = BUDGETS[name]
    const allowed = MEMBERSHIP_READS + budget.own + (budget.settings ?? 0) * SETTINGS_READS
    const requests = counted[name] ?? Infinity
    return requests > allowed ? [`${name}: ${requests} requests, budget ${allowed}`] : []
  })
  expect(over).toEqual([])
}

let seq = 0
const requestId = () => `budget-${(seq++).toString(36).padStart(6, '0')}`

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await cloud.setClock('2026-11-22T04:00:00.000Z') // 12:00 in Shanghai
  await addCommunity(db, C, { memberCount: 12 })
  await addMember(db, C, 'o-owner', { role: 'owner' })
  await addMember(db, C, 'o-admin', { role: 'admin' })
  await addMember(db, C, 'o-org', { role: 'organiser' })
  for (let i = 0; i < 8; i++) {
    await addMember(db, C, `o-m${i}`, { joinedAt: new Date('2026-10-01T00:00:00Z') })
    // Points to spend, through the ledger (an accepted source of verify:ledger).
    await post(db as unknown as Database, {
      communityId: C,
      openid: `o-m${i}`,
      source: 'seed-earned',
      kind: 'earn',
      delta: 500,
      reason: '历史积分',
      now: now(),
    })
  }
})

afterAll(async () => {
  console.log(`request counts: ${JSON.stringify(counted, null, 1)}`)
  await cloud?.stop()
})

describe('check-in', () => {
  it('a first check-in of the day, and the reads of the check-in page', async () => {
    await call('checkin', { action: 'checkIn' }, 'o-m0')
    // The common case: a member who checked in yesterday, in the same week (the 22nd is a Sunday).
    await cloud.setClock('2026-11-21T04:00:00.000Z')
    await call('checkin', { action: 'checkIn' }, 'o-m1')
    await cloud.setClock('2026-11-22T04:00:00.000Z')
    measured('checkin.checkIn', await requestsOf(() => call('checkin', { action: 'checkIn' }, 'o-m1')))
    await call('checkin', { action: 'today' }, 'o-m0')
    measured('checkin.today', await requestsOf(() => call('checkin', { action: 'today' }, 'o-m1')))
    await call('checkin', { action: 'feed' }, 'o-m0')
    measured('checkin.feed', await requestsOf(() => call('checkin', { action: 'feed' }, 'o-m1')))
    expectWithinBudgets()
  })
})

describe('member and boards', () => {
  it('member.me is the membership read alone', async () => {
    await call('member', { action: 'me' }, 'o-m2')
    measured('member.me', await requestsOf(() => call('member', { action: 'me' }, 'o-m1')))
    expectWithinBudgets()
  })

  it('a board, total and streak, for a member on it', async () => {
    await call('rank', { action: 'board', kind: 'total' }, 'o-m2')
    measured(
      'rank.board (total)',
      await requestsOf(() => call('rank', { action: 'board', kind: 'total' }, 'o-m1')),
    )
    await call('rank', { action: 'board', kind: 'streak' }, 'o-m2')
    measured(
      'rank.board (streak)',
      await requestsOf(() => call('rank', { action: 'board', kind: 'streak' }, 'o-m1')),
    )
    expectWithinBudgets()
  })

  it('points.summary', async () => {
    // The first call of the day records the visit; the budget is a later open of the app.
    await call('points', { action: 'summary' }, 'o-m3')
    measured('points.summary', await requestsOf(() => call('points', { action: 'summary' }, 'o-m3')))
    expectWithinBudgets()
  })
})

describe('mall', () => {
  // A physical gift needs a delivery; it is stored on the order in the same write.
  const PICKUP = { method: 'pickup', place: '' }

  it('a redemption, and a sold-out item refused within its budget', async () => {
    const save = (name: string, stock: number) =>
      call<ItemView>(
        'mall',
        {
          action: 'saveItem',
          requestId: requestId(),
          item: {
            kind: 'physical',
            name,
            description: '',
            images: [],
            price: 10,
            stock,
            limit: null,
            minLevel: 'newcomer',
            onShelf: true,
          },
        },
        'o-admin',
      )
    const roomy = await save('书签', 100)
    const scarce = await save('签名书', 1)
    await call('mall', { action: 'items' }, 'o-m0')
    measured('mall.items', await requestsOf(() => call('mall', { action: 'items' }, 'o-m1')))
    await call(
      'mall',
      { action: 'redeem', delivery: PICKUP, itemId: roomy.id, requestId: requestId() },
      'o-m0',
    )
    measured(
      'mall.redeem',
      await requestsOf(() =>
        call(
          'mall',
          { action: 'redeem', delivery: PICKUP, itemId: roomy.id, requestId: requestId() },
          'o-m1',
        ),
      ),
    )
    await call(
      'mall',
      { action: 'redeem', delivery: PICKUP, itemId: scarce.id, requestId: requestId() },
      'o-m2',
    )
    const refused = await requestsOf(async () => {
      const res = await cloud.call<ActionResult<unknown>>(
        'mall',
        { action: 'redeem', delivery: PICKUP, itemId: scarce.id, requestId: requestId(), _community: C },
        'o-m3',
      )
      expect(res).toMatchObject({ ok: false, error: { code: 'SOLD_OUT' } })
    })
    measured('mall.redeem (sold out)', refused)
    expectWithinBudgets()
  })
})

describe('survey and points', () => {
  it('a survey answer that pays, with a text answer', async () => {
    const saved = await call<SurveyView>(
      'survey',
      {
        action: 'save',
        title: '读书会时间',
        intro: '',
        questions: [
          question({ id: 'when', type: 'single', options: ['周六', '周日'] }),
          question({ id: 'say', type: 'text', required: false }),
        ],
        deadline: null,
        anonymous: false,
        reward: 5,
      },
      'o-org',
    )
    const surveyId = (await call<SurveyView>('survey', { action: 'publish', surveyId: saved.id }, 'o-org')).id
    const answer = (openid: string) =>
      call('survey', { action: 'submit', surveyId, answers: { when: 1, say: '周日下午好' } }, openid)
    await answer('o-m4')
    measured('survey.submit', await requestsOf(() => answer('o-m5')))
    expectWithinBudgets()
  })

  it('an adjustment by an admin', async () => {
    const adjust = (memberId: string) =>
      call(
        'points',
        { action: 'adjust', memberId, delta: 20, reason: '活动奖励', requestId: requestId() },
        'o-admin',
      )
    await adjust(`${C}_o-m6`)
    measured('points.adjust', await requestsOf(() => adjust(`${C}_o-m7`)))
    expectWithinBudgets()
  })
})
