/**
 * Charts in the real mini-program build: the admin tier dashboard (a subpackage page) draws its
 * distribution with components/BarChart, from the seeded community's last weekly score run. Checks
 * that the bars render in WeChat's own template compiler with widths taken from the cloud's figures.
 */
import { percent } from '../../cloudfunctions/core/survey'
import { TIER_NAMES } from '../../cloudfunctions/core/value-score'
import { databaseOf, sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'
import { DEMO_COMMUNITY, PERSONAS } from '../../tools/local-cloud/demo'
import { bootWeapp, eventually } from './mini-host'

const admin = PERSONAS.find((p) => p.role === 'admin')!

let cloud: RunningCloud
/** Who the platform says is calling. */
let caller = admin.openid
const host = bootWeapp((name, data) => cloud.call(name, data, caller))

beforeAll(async () => {
  cloud = await startCloud({ seed: true })
}, 60_000)

afterAll(async () => {
  await cloud?.stop()
})

test('the tier dashboard draws one bar per group, sized by the share of members', async () => {
  const db = databaseOf(sdkFor(cloud))
  const latest = (await db
    .collection('score_distributions')
    .where({ communityId: DEMO_COMMUNITY._id })
    .orderBy('weekKey', 'desc')
    .limit(1)
    .get()) as unknown as {
    data: (Record<'core' | 'active' | 'normal' | 'watch' | 'silent', number> & { total: number })[]
  }
  const dist = latest.data[0]
  expect(dist.total).toBeGreaterThan(0)

  const page = host.renderPage('packages/admin/tiers/index')
  await eventually(
    () => expect(page.querySelectorAll('.qh-bars__row').length).toBeGreaterThanOrEqual(4),
    15_000,
  )
  const text = page.dom!.textContent ?? ''
  for (const name of Object.values(TIER_NAMES)) expect(text).toContain(name)
  expect(text).toContain(String(dist.total))

  // Each group's bar, in the page's order, is as wide as its share of the members rounded to 0.1% the
  // way the cloud rounds it (the rendered width only carries float noise from the % scale).
  const widths = page
    .querySelectorAll('.qh-bars__fill')
    .map((bar) => Number(/width:\s*([\d.]+)%/.exec(bar.dom!.getAttribute('style') ?? '')?.[1]))
  const groups = ['core', 'active', 'normal', 'watch', 'silent'] as const
  expect(widths).toHaveLength(groups.length)
  groups.forEach((group, i) => expect(widths[i]).toBeCloseTo(percent(dist[group], dist.total), 9))
  page.detach()
}, 30_000)

test('survey results draw each option as a bar in proportion to the answers given', async () => {
  const organiser = PERSONAS.find((p) => p.role === 'organiser')!
  const db = databaseOf(sdkFor(cloud))
  const found = (await db
    .collection('surveys')
    .where({ communityId: DEMO_COMMUNITY._id, title: '十一月读书会反馈' })
    .get()) as unknown as { data: { _id: string; questions: { id: string; options: string[] }[] }[] }
  const survey = found.data[0]
  const first = survey.questions[0]
  const responses = (await db
    .collection('survey_responses')
    .where({ surveyId: survey._id })
    .limit(1000)
    .get()) as unknown as { data: { answers: Record<string, number> }[] }
  const counts = first.options.map((_o, i) => responses.data.filter((r) => r.answers[first.id] === i).length)
  expect(Math.max(...counts)).toBeGreaterThan(0)

  caller = organiser.openid
  const page = host.renderPage('packages/admin/survey/results/index', { id: survey._id })
  await eventually(() => expect(page.querySelectorAll('.qh-bars').length).toBeGreaterThan(0), 15_000)
  // The first chart is the first question's; its bars come first in the page.
  const widths = page
    .querySelectorAll('.qh-bars__fill')
    .slice(0, first.options.length)
    .map((bar) => Number(/width:\s*([\d.]+)%/.exec(bar.dom!.getAttribute('style') ?? '')?.[1]))
  expect(widths).toHaveLength(first.options.length)
  // Whatever the scale, bar lengths keep the ratios of the counts.
  const top = counts.indexOf(Math.max(...counts))
  counts.forEach((count, i) => expect(widths[i] / widths[top]).toBeCloseTo(count / counts[top], 2))
  page.detach()
}, 30_000)
