/**
 * Every action that takes a `cursor`, through the local cloud and the real wx-server-sdk: a cursor
 * the action did not hand out gets a typed error (INVALID_CURSOR, or INVALID_INPUT for the empty
 * string), never the first page read silently and never INTERNAL.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { SurveyView } from '../../cloudfunctions/core/contracts/survey'
import { addCommunity, addMember, data } from '../support/fixtures'
import { databaseOf, sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'
import { question } from '../support/surveys'

jest.setTimeout(120_000)

let cloud: RunningCloud
let surveyId = ''

const call = <T>(fn: string, event: Record<string, unknown>) =>
  cloud.call<ActionResult<T>>(fn, event, 'o-owner')

beforeAll(async () => {
  cloud = await startCloud()
  const db = databaseOf(sdkFor(cloud))
  await addCommunity(db, 'c-cur', { memberCount: 2 })
  await addMember(db, 'c-cur', 'o-owner', { role: 'owner' })
  await addMember(db, 'c-cur', 'o-member')
  const saved = data(
    await call<SurveyView>('survey', {
      action: 'save',
      title: '读书偏好',
      intro: '',
      questions: [question({ id: 'say', type: 'text', required: false })],
      deadline: null,
      anonymous: false,
      reward: null,
    }),
  )
  surveyId = saved.id
})

afterAll(() => cloud?.stop())

/** Every paged action, with the rest of its input. */
const PAGED: [fn: string, event: () => Record<string, unknown>][] = [
  ['checkin', () => ({ action: 'feed' })],
  ['checkin', () => ({ action: 'challenges' })],
  ['community', () => ({ action: 'intros' })],
  ['community', () => ({ action: 'ackStatus' })],
  ['community', () => ({ action: 'joinRequests' })],
  ['moderation', () => ({ action: 'heldList' })],
  ['mall', () => ({ action: 'items' })],
  ['mall', () => ({ action: 'myOrders' })],
  ['mall', () => ({ action: 'inventory' })],
  ['mall', () => ({ action: 'adminItems' })],
  ['mall', () => ({ action: 'orders' })],
  ['member', () => ({ action: 'invitees' })],
  ['points', () => ({ action: 'ledger' })],
  ['points', () => ({ action: 'members' })],
  ['points', () => ({ action: 'auditLog' })],
  ['rank', () => ({ action: 'monthlyResults' })],
  ['score', () => ({ action: 'tierMembers', group: 'silent' })],
  ['score', () => ({ action: 'tierMembers', group: 'core' })],
  ['survey', () => ({ action: 'list' })],
  ['survey', () => ({ action: 'textAnswers', surveyId, questionId: 'say' })],
  ['survey', () => ({ action: 'exportResponses', surveyId })],
]

/** Cursors no action hands out: fractions, negatives, exponents, padding, JSON of the wrong shape, too far. */
const GARBAGE = ['1.5', '-1', '1e3', ' 5', 'abc', '00', '99999999', 'eyJ4IjoxfQ', 'W10']

test.each(PAGED.map(([fn, event]) => [`${fn}.${event().action as string}`, fn, event] as const))(
  '%s answers a garbage cursor with a typed error',
  async (_name, fn, event) => {
    const first = await call<{ nextCursor: string | null }>(fn, event())
    expect(first).toMatchObject({ ok: true })
    for (const cursor of GARBAGE) {
      const answer = await call(fn, { ...event(), cursor })
      expect({ cursor, answer }).toMatchObject({
        cursor,
        answer: { ok: false, error: { code: 'INVALID_CURSOR', message: '列表已过期，请刷新后重试' } },
      })
    }
    expect(await call(fn, { ...event(), cursor: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  },
)
