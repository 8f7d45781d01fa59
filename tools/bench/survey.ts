/**
 * Survey figures for `npm run bench` (tools/bench/run.ts wires it):
 *   - survey.results over 10,000 responses: latency and database requests (results read the
 *     running tallies, at most 16 shard documents, never the responses);
 *   - for comparison, what reading the 10,000 responses themselves costs (1000 per query);
 *   - survey.exportResponses, first file (2,000 rows): latency;
 *   - survey.submit latency and database requests (response, tally, ledger row in one transaction).
 * The 10k responses are written through the real SDK as the submit path writes them, and their tallies
 * are built with the same core functions (addResponse, tallyShard), so the figures are honest. That
 * survey pays no reward (no ledger rows to fake); the submit bench pays through the ledger, so the
 * cloud still verifies clean.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { SurveyResults, SurveyView } from '../../cloudfunctions/core/contracts/survey'
import {
  addResponse,
  emptyTally,
  tallyShard,
  type Answers,
  type SurveyQuestion,
  type Tally,
} from '../../cloudfunctions/core/survey'
import { responseHash, tallyId, type SurveyDoc } from '../../cloudfunctions/runtime/surveys'
import { addCommunity, addMember } from '../../test/support/fixtures'
import { databaseOf, now as clockNow, sdkFor, type RunningCloud } from '../../test/support/local-cloud'
import { databaseRequests, measureCalls } from './measure'
import { inParallel } from './synthetic'
import type { BenchRow } from './table'
import { question as q } from '../../test/support/surveys'

const COMMUNITY = 'c-bench-survey'
const RESPONSES = 10_000
const SUBMITTERS = 100
const PARALLEL = 64
const ORGANISER = 'bench-survey-org'

const QUESTIONS: SurveyQuestion[] = [
  q({ id: 'book', type: 'single', options: ['甲', '乙', '丙', '丁'] }),
  q({ id: 'time', type: 'multiple', options: ['早', '中', '晚', '周末'], minChoices: 1, maxChoices: 3 }),
  q({ id: 'rate', type: 'rating' }),
  q({ id: 'nps', type: 'nps' }),
  q({ id: 'say', type: 'text', required: false }),
]

const answersOf = (i: number): Answers => ({
  book: i % 4,
  time: [i % 4, (i + 1) % 4].sort((a, b) => a - b),
  rate: 1 + (i % 5),
  nps: i % 11,
})

function ok<T>(res: ActionResult<T>): T {
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data
}

export async function benchSurvey(cloud: RunningCloud): Promise<BenchRow[]> {
  const db = databaseOf(sdkFor(cloud))
  const now = clockNow()
  await addCommunity(db, COMMUNITY, { name: '问卷压测', inviteCode: 'SVBNCH', memberCount: SUBMITTERS + 1 })
  const join = (who: string, role: string) => addMember(db, COMMUNITY, who, { role, joinedAt: now })
  await join(ORGANISER, 'organiser')
  const submitter = (i: number) => `bench-survey-m${String(i).padStart(4, '0')}`
  await inParallel(SUBMITTERS, PARALLEL, (i) => join(submitter(i), 'member'))

  const call = <T>(event: Record<string, unknown>, who = ORGANISER) =>
    cloud.call<ActionResult<T>>('survey', { ...event, _community: COMMUNITY }, who).then(ok)
  const create = async (reward: number) => {
    const saved = await call<SurveyView>({
      action: 'save',
      title: `压测问卷 ${reward}`,
      intro: '',
      questions: QUESTIONS,
      deadline: null,
      anonymous: false,
      reward,
    })
    return (await call<SurveyView>({ action: 'publish', surveyId: saved.id })).id
  }

  // 10k responses, written as the submit path writes them; tallies from the same core functions.
  const big = await create(0)
  // The survey's own response secret, as the submit path uses it.
  const bigDoc = ((await db.collection('surveys').doc(big).get()) as unknown as { data: SurveyDoc }).data
  const shards = new Map<number, Tally>()
  const written = performance.now()
  await inParallel(RESPONSES, PARALLEL, async (i) => {
    const who = `bench-survey-r${String(i).padStart(5, '0')}`
    const hash = responseHash(Array.isArray(bigDoc) ? bigDoc[0] : { ...bigDoc, _id: big }, who)
    const answers = answersOf(i)
    const shard = tallyShard(hash)
    shards.set(shard, addResponse(shards.get(shard) ?? emptyTally(), answers))
    const at = new Date(now.getTime() - (RESPONSES - i) * 1000)
    await db
      .collection('survey_responses')
      .doc(`${big}:${hash}`)
      .set({
        data: {
          communityId: COMMUNITY,
          surveyId: big,
          round: 0,
          openid: who,
          nickname: `成员${i}`,
          answers,
          points: 0,
          createdAt: at,
          updatedAt: at,
        },
      })
  })
  for (const [shard, tally] of shards)
    await db
      .collection('survey_tallies')
      .doc(tallyId(big, 0, shard))
      .set({ data: { surveyId: big, round: 0, responses: tally.responses, q: tally.q } })
  const writeMs = performance.now() - written

  const check = await call<SurveyResults>({ action: 'results', surveyId: big })
  if (check.responses !== RESPONSES) throw new Error(`results counted ${check.responses} responses`)
  const resultsRows = await measureCalls(
    cloud,
    'survey.results (10k responses)',
    50,
    async () => {
      await call({ action: 'results', surveyId: big })
    },
    {
      latency: '50 sequential calls; tallies in 16 shards',
      requests: 'per call, whatever the response count',
    },
  )

  // What results would cost if they read the responses instead.
  const scanStart = performance.now()
  const before = await databaseRequests(cloud)
  let scanned = 0
  for (let offset = 0; ; offset += 1000) {
    const page = (await db
      .collection('survey_responses')
      .where({ surveyId: big })
      .skip(offset)
      .limit(1000)
      .get()) as unknown as {
      data: unknown[]
    }
    scanned += page.data.length
    if (page.data.length < 1000) break
  }
  const scanMs = performance.now() - scanStart
  const scanRequests = (await databaseRequests(cloud)) - before

  const exportRows = await measureCalls(
    cloud,
    'survey.exportResponses (first 2,000 rows)',
    5,
    async () => {
      await call({ action: 'exportResponses', surveyId: big })
    },
    { latency: '5 sequential calls, one CSV file each' },
  )

  const paid = await create(300)
  const submitRows = await measureCalls(
    cloud,
    'survey.submit',
    SUBMITTERS,
    async (i) => {
      await call(
        { action: 'submit', surveyId: paid, answers: { ...answersOf(i), say: '很好，下次还来' } },
        submitter(i),
      )
    },
    {
      latency: `${SUBMITTERS} members one after another (content check, response, tally, ledger)`,
      goal: { requests: '≤ 8' },
    },
  )

  return [
    {
      bench: 'survey: write 10k responses (SDK)',
      value: `${Math.round(writeMs)} ms`,
      detail: `${Math.round(RESPONSES / (writeMs / 1000))} rows/s, ${PARALLEL} in flight`,
    },
    ...resultsRows,
    {
      bench: 'survey: reading the 10k responses instead',
      value: `${Math.round(scanMs)} ms`,
      detail: `${scanned} rows, ${scanRequests} database requests (why results read tallies)`,
    },
    ...exportRows,
    ...submitRows,
  ]
}
