/** The dashboard's rules (core/metrics): every formula and band, cohorts, each alert rule, with the edges. */
import {
  ALERTING_METRICS,
  METRICS,
  METRIC_KEYS,
  PLAYS,
  bandOf,
  dayWindows,
  droppedBelow,
  evaluateAlerts,
  readMetric,
  readMetrics,
  weeklyMeans,
} from '../../cloudfunctions/core/metrics'
import { alertYear, replayAlerts, steadyHistory } from '../../cloudfunctions/core/metrics-history'
import { contentMix } from '../../cloudfunctions/core/square'
import { shanghaiDayStart } from '../../cloudfunctions/core/time'

const steady = (days: number, shape?: Parameters<typeof steadyHistory>[3]['shape'], first = '2026-06-01') =>
  steadyHistory('c1', first, days, { members: 1000, dau: 300, posters30: 300, retained: 0.6, shape })

describe('formulas', () => {
  const h = steady(40, (i) =>
    i === 39
      ? {
          patch: {
            members: 1000,
            dau: 150,
            mau: 600,
            checkins: 120,
            posters30: 250,
            base30: 800,
            retained30: 320,
            cohort7: { week: '2026-06-29', size: 20, retained: 9 },
          },
        }
      : undefined,
  )
  it('reads each metric at the last day', () => {
    expect(readMetric('dailyActiveRate', h)).toBe(15)
    expect(readMetric('dauMau', h)).toBe(25)
    expect(readMetric('checkinRate', h)).toBe(12)
    expect(readMetric('postingShare', h)).toBe(25)
    expect(readMetric('monthlyRetention', h)).toBe(40)
    expect(readMetric('retention7', h)).toBe(45)
    // Churn: 30 days of 1 leaving, against the members before the window's first day.
    expect(readMetric('churn', h)).toBe(Math.round((30 / (1000 - 3 + 1)) * 1000) / 10)
    // (40+30) a day for 7 days.
    expect(readMetric('postsPerDay', h)).toBe(70)
    expect(readMetric('surveyCompletion', h)).toBe(6)
  })
  it('every metric has a name and a one-line formula, and trends cover 30 days', () => {
    for (const key of METRIC_KEYS) {
      expect(METRICS[key].name).toBeTruthy()
      expect(METRICS[key].formula).not.toMatch(/\n/)
    }
    const readings = readMetrics(h)
    expect(readings).toHaveLength(METRIC_KEYS.length)
    expect(readings[0].trend).toHaveLength(30)
    expect(readings[0].trend[29]).toBe(15)
  })
  it('content mix against 3:5:2 through core/square', () => {
    expect(contentMix({ practical: 3, interaction: 5, life: 2 }).distance).toBeCloseTo(0)
    expect(contentMix({ practical: 0, interaction: 0, life: 0 })).toMatchObject({
      total: 0,
      shares: { practical: 0, interaction: 0, life: 0 },
      distance: 0,
    })
    const mix = contentMix({ practical: 6, interaction: 2, life: 2 })
    expect(mix.distance).toBeCloseTo(0.3)
    expect(readMetric('contentMix', steady(7))).toBe(0)
  })
})

describe('bands, with their edges', () => {
  it.each([
    ['dailyActiveRate', 14.9, 'warning'],
    ['dailyActiveRate', 15, 'target'],
    ['dailyActiveRate', 25, 'target'],
    ['dailyActiveRate', 25.1, 'excellent'],
    ['monthlyRetention', 29.9, 'warning'],
    ['monthlyRetention', 30, 'target'],
    ['monthlyRetention', 50.1, 'excellent'],
    ['postingShare', 19.9, 'warning'],
    ['postingShare', 20, 'target'],
    ['postingShare', 35, 'target'],
    ['postingShare', 35.1, 'excellent'],
    ['churn', 8, 'target'],
    ['churn', 8.1, 'warning'],
    ['postsPerDay', 49.9, 'warning'],
    ['postsPerDay', 50, 'target'],
  ] as const)('%s %s → %s', (key, value, band) => {
    expect(bandOf(key, value)).toBe(band)
  })
  it('no value, no band', () => expect(bandOf('dailyActiveRate', null)).toBeNull())
})

describe('a community younger than 7 days', () => {
  const young = steady(5, () => ({ patch: { posters30: 50, dau: 50 } }))
  it('shows what a day can tell, and nothing that needs a month', () => {
    expect(readMetric('dailyActiveRate', young)).toBe(5)
    expect(readMetric('monthlyRetention', young)).toBeNull()
    expect(readMetric('postingShare', young)).toBeNull()
    expect(readMetric('retention7', young)).toBeNull()
  })
  it('raises no alert even with a metric in warning', () => {
    expect(evaluateAlerts(young, [], { communityAgeDays: 5 })).toEqual({ raise: [], resolve: [] })
    expect(
      evaluateAlerts(
        steady(20, () => ({ patch: { dau: 50 } })),
        [],
        { communityAgeDays: 6 },
      ).raise,
    ).toEqual([])
  })
})

describe('activity down 15% three days in a row', () => {
  it('exactly 15% counts as a drop; 14.9% does not', () => {
    expect(droppedBelow(85, 100)).toBe(true)
    expect(droppedBelow(86, 100)).toBe(false)
    expect(droppedBelow(0, 0)).toBe(false)
  })
  const drop = (factor: number, days: number[]) =>
    steady(20, (i) => (days.includes(i) ? { dauFactor: factor } : undefined))
  it('raises on the third day at exactly 15% down, says since when and who moved it', () => {
    const h = drop(0.85, [17, 18, 19])
    const { raise } = evaluateAlerts(h, [], { communityAgeDays: 100 })
    expect(raise.map((a) => a.key)).toEqual(['activityDrop'])
    expect(raise[0].since).toBe(h[17].day)
    expect(raise[0].change).toBe(-15)
    expect(raise[0].movers.length).toBeGreaterThan(0)
    expect(raise[0].summary).toContain('主要来自')
    expect(raise[0].plays.length).toBeGreaterThan(0)
  })
  it('two days down is not yet an alert, nor 14% down', () => {
    expect(evaluateAlerts(drop(0.8, [18, 19]), [], { communityAgeDays: 100 }).raise).toEqual([])
    expect(evaluateAlerts(drop(0.86, [17, 18, 19]), [], { communityAgeDays: 100 }).raise).toEqual([])
  })
  it('once per episode, and resolves when the metric recovers', () => {
    const h = drop(0.8, [15, 16, 17, 18])
    const events = replayAlerts(h)
    expect(events.map((e) => [e.day, e.raised.map((a) => a.key), e.resolved])).toEqual([
      [h[17].day, ['activityDrop'], []],
      [h[19].day, [], ['activityDrop']],
    ])
  })
  it('newcomers driving the drop suggest newcomer care', () => {
    const h = steady(20, (i) => (i >= 17 ? { patch: { dau: 200, dauNew: 0 } } : undefined))
    const [alert] = evaluateAlerts(h, [], { communityAgeDays: 100 }).raise
    expect(alert.movers[0].segment).toBe('new')
    expect(alert.plays).toContain('newcomerCare')
  })
})

describe('decline three weeks in a row (衰退期)', () => {
  // 2026-06-01 is a Monday.
  const weeksOf = (factors: number[]) =>
    steady(factors.length * 7, (i) => ({ dauFactor: factors[Math.floor(i / 7)] }))
  it('complete weeks only', () => {
    expect(weeklyMeans(steady(10)).map((w) => w.week)).toEqual(['2026-06-01'])
    expect(weeklyMeans(steady(14, undefined, '2026-06-03')).map((w) => w.week)).toEqual(['2026-06-08'])
  })
  it('three falling weeks raise it; two do not', () => {
    const alerts = (f: number[]) =>
      evaluateAlerts(weeksOf(f), [], { communityAgeDays: 100 }).raise.map((a) => a.key)
    expect(alerts([1, 0.97, 0.94, 0.91])).toEqual(['decline3w'])
    expect(alerts([1, 1, 0.97, 0.94])).toEqual([])
    expect(alerts([1, 0.97, 0.98, 0.95])).toEqual([])
  })
  it('a recovered week resolves it', () => {
    const open = [{ key: 'decline3w', rule: 'decline3w' as const, metric: 'dau', baseline: 270 }]
    expect(
      evaluateAlerts(weeksOf([1, 0.97, 0.94, 0.91, 0.95]), open, { communityAgeDays: 100 }).resolve,
    ).toEqual(['decline3w'])
    expect(
      evaluateAlerts(weeksOf([1, 0.97, 0.94, 0.91, 0.9]), open, { communityAgeDays: 100 }).resolve,
    ).toEqual([])
  })
})

describe('a band falling to warning', () => {
  it('raises for each alerting metric, once, and resolves on recovery', () => {
    const h = steady(40, (i) => (i >= 30 && i < 35 ? { patch: { posters30: 150 } } : undefined))
    const events = replayAlerts(h)
    expect(events.map((e) => [e.day, e.raised.map((a) => a.key), e.resolved])).toEqual([
      [h[30].day, ['band:postingShare'], []],
      [h[35].day, [], ['band:postingShare']],
    ])
    expect(events[0].raised[0].plays).toEqual(['topicDay'])
    expect(ALERTING_METRICS).toEqual(['dailyActiveRate', 'monthlyRetention', 'postingShare', 'churn'])
  })
  it('a metric at exactly its edge (15% daily active) raises nothing', () => {
    const h = steady(10, () => ({ patch: { dau: 150, dauNew: 30 } }))
    expect(evaluateAlerts(h, [], { communityAgeDays: 100 }).raise).toEqual([])
  })
})

describe('a year of history', () => {
  it('trips each rule exactly once, and each recovers', () => {
    const events = replayAlerts(alertYear('c1', '2026-01-05'))
    const raised = events.flatMap((e) => e.raised.map((a) => a.key))
    const resolved = events.flatMap((e) => e.resolved)
    expect(raised).toEqual(['activityDrop', 'decline3w', 'band:postingShare'])
    expect(resolved).toEqual(['activityDrop', 'decline3w', 'band:postingShare'])
  })
})

describe('plays and windows', () => {
  it('each play links to a tool of the admin package', () => {
    for (const play of Object.values(PLAYS)) {
      expect(play.links.length).toBeGreaterThan(0)
      for (const link of play.links) expect(link.url).toMatch(/^\/packages\/admin\//)
    }
  })
  it('cohorts are measured on Sundays, in Shanghai days', () => {
    const sunday = dayWindows('2026-06-14')
    expect(sunday.cohort7?.week).toBe('2026-06-01')
    expect(sunday.cohort7?.activeFrom).toEqual(shanghaiDayStart('2026-06-08'))
    expect(sunday.cohort30?.week).toBe('2026-05-11')
    expect(dayWindows('2026-06-15').cohort7).toBeNull()
    expect(dayWindows('2028-02-29').end).toEqual(shanghaiDayStart('2028-03-01'))
    expect(dayWindows('2026-12-31').end).toEqual(new Date('2026-12-31T16:00:00Z'))
  })
})
