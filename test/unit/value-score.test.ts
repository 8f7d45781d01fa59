/** The weekly value score (core/value-score): every formula, the weights, tier boundaries, silence, suggestions. */
import { addWeeks, shanghaiWeekKey } from '../../cloudfunctions/core/time'
import {
  DIMENSIONS,
  DIMENSION_WEIGHTS,
  HEALTHY_BANDS,
  SILENT_AFTER_DAYS,
  canWakeUp,
  checkinDaysOpen,
  countsOf,
  emptyCounts,
  isSilent,
  ramp,
  scoreOf,
  subScores,
  suggest,
  tierFor,
  weightedTotal,
  withinBand,
  type ActivityCounts,
  type Dimension,
} from '../../cloudfunctions/core/value-score'

const counts = (c: Partial<ActivityCounts>): ActivityCounts => ({ ...emptyCounts(), ...c })
const parts = (p: Partial<Record<Dimension, number>>) => ({
  frequency: 0,
  quality: 0,
  participation: 0,
  invites: 0,
  violations: 0,
  ...p,
})
const DAY = 86_400_000

describe('weights', () => {
  it('are the SPEC weights and sum to 100', () => {
    expect(DIMENSION_WEIGHTS).toEqual({
      frequency: 30,
      quality: 25,
      participation: 20,
      invites: 15,
      violations: 10,
    })
    expect(DIMENSIONS.reduce((sum, d) => sum + DIMENSION_WEIGHTS[d], 0)).toBe(100)
  })

  it('weigh each dimension alone by its weight', () => {
    for (const d of DIMENSIONS) expect(weightedTotal(parts({ [d]: 100 }))).toBe(DIMENSION_WEIGHTS[d])
    expect(
      weightedTotal(
        parts({ frequency: 100, quality: 100, participation: 100, invites: 100, violations: 100 }),
      ),
    ).toBe(100)
  })

  it('round to one decimal without float drift', () => {
    expect(weightedTotal(parts({ frequency: 33, quality: 17 }))).toBe(14.2) // 9.9 + 4.25 = 14.15 → 14.2
    expect(weightedTotal(parts({ frequency: 100, quality: 100, participation: 100, violations: 50 }))).toBe(
      80,
    )
  })
})

describe('sub-scores', () => {
  it('ramp: the first unit counts most, each further one less', () => {
    expect(ramp(0, 40, 10)).toBe(0)
    expect(ramp(1, 40, 10)).toBe(40)
    expect(ramp(7, 40, 10)).toBe(100)
  })

  it('frequency: first check-in day 40, each further day 10, 8 per note, capped at 100', () => {
    expect(subScores(counts({})).frequency).toBe(0)
    expect(subScores(counts({ checkinDays: 1 })).frequency).toBe(40)
    expect(subScores(counts({ checkinDays: 3 })).frequency).toBe(60) // 40 + 2·10
    expect(subScores(counts({ checkinDays: 3, notes: 2 })).frequency).toBe(76) // 60 + 2·8
    expect(subScores(counts({ checkinDays: 7 })).frequency).toBe(100) // 40 + 6·10
    expect(subScores(counts({ checkinDays: 6, notes: 6 })).frequency).toBe(100) // 90 + 48, capped
    expect(subScores(counts({ notes: 1 })).frequency).toBe(8) // a valued post without a check-in
  })

  it('quality: first like 25, each further like 10 up to 70, 50 per featured note, capped at 100', () => {
    expect(subScores(counts({ likesReceived: 1 })).quality).toBe(25)
    expect(subScores(counts({ likesReceived: 4 })).quality).toBe(55) // 25 + 3·10
    expect(subScores(counts({ likesReceived: 6 })).quality).toBe(70) // 25 + 5·10: the likes' ceiling
    expect(subScores(counts({ likesReceived: 30 })).quality).toBe(70)
    expect(subScores(counts({ featured: 1 })).quality).toBe(50)
    expect(subScores(counts({ likesReceived: 2, featured: 1 })).quality).toBe(85) // 35 + 50
    expect(subScores(counts({ likesReceived: 8, featured: 1 })).quality).toBe(100) // 70 + 50, capped
  })

  it('participation: first challenge day 25, each further 10, 25 per join or activity, 30 per completion', () => {
    expect(subScores(counts({ challengeDays: 1 })).participation).toBe(25)
    expect(subScores(counts({ challengeDays: 4 })).participation).toBe(55) // 25 + 3·10
    expect(subScores(counts({ challengeJoins: 1, challengeDays: 1 })).participation).toBe(50) // 25 + 25
    expect(subScores(counts({ activities: 2 })).participation).toBe(50)
    expect(subScores(counts({ challengeDays: 5, challengeCompletions: 1 })).participation).toBe(95) // 65 + 30
    expect(subScores(counts({ challengeDays: 7, challengeCompletions: 1 })).participation).toBe(100) // 85 + 30
  })

  it('invites: 50 per member who joined, capped', () => {
    expect(subScores(counts({ invitesJoined: 1 })).invites).toBe(50)
    expect(subScores(counts({ invitesJoined: 5 })).invites).toBe(100)
  })

  it('violations: 100 with none, half with one, nothing from two on', () => {
    expect(subScores(counts({})).violations).toBe(100)
    expect(subScores(counts({ violations: 1 })).violations).toBe(50)
    expect(subScores(counts({ violations: 2 })).violations).toBe(0)
    expect(subScores(counts({ violations: 9 })).violations).toBe(0)
  })

  it('an idle week scores only the clean record: 10, 观察', () => {
    expect(scoreOf(counts({}))).toMatchObject({ total: 10, tier: 'watch' })
  })

  it('contributions are weight × sub-score and add up to the total', () => {
    const s = scoreOf(counts({ checkinDays: 5, notes: 2, likesReceived: 3, challengeDays: 5 }))
    // 80 + 16 = 96; 25 + 20 = 45; 25 + 40 = 65
    expect(s.parts).toEqual({ frequency: 96, quality: 45, participation: 65, invites: 0, violations: 100 })
    expect(s.contributions).toEqual({
      frequency: 28.8,
      quality: 11.25,
      participation: 13,
      invites: 0,
      violations: 10,
    })
    expect(s.total).toBe(63.1) // 28.8 + 11.25 + 13 + 10 = 63.05 → 63.1
    expect(s.tier).toBe('active')
  })

  it('reads stored counters leniently', () => {
    expect(countsOf(null)).toEqual(emptyCounts())
    expect(countsOf({ checkinDays: 3, notes: -1, likesReceived: 'x' as unknown as number })).toMatchObject({
      checkinDays: 3,
      notes: 0,
      likesReceived: 0,
    })
  })
})

/**
 * The calibration targets (core/value-score header): where members of a healthy community land.
 * Each total is weight × sub-score by hand, frequency / quality / participation / invites / violations.
 */
describe('calibration', () => {
  const profile = (c: Partial<ActivityCounts>) => scoreOf(counts(c))

  it('the inactive are on the watch list', () => {
    expect(profile({})).toMatchObject({ total: 10, tier: 'watch' })
    expect(profile({ checkinDays: 1 })).toMatchObject({ total: 22, tier: 'watch' }) // 40·.3 + 10
    expect(profile({ checkinDays: 3 })).toMatchObject({ total: 28, tier: 'watch' }) // 60·.3 + 10
    // 3 days, a note, one like: 68·.3 + 25·.25 + 10 = 20.4 + 6.25 + 10 = 36.65
    expect(profile({ checkinDays: 3, notes: 1, likesReceived: 1 })).toMatchObject({
      total: 36.7,
      tier: 'watch',
    })
  })

  it('checking in every day and nothing else is exactly the floor of 普通', () => {
    expect(profile({ checkinDays: 7 })).toMatchObject({ total: 40, tier: 'normal' }) // 100·.3 + 10
  })

  it.each([
    // days, notes, likes, challenge days → total
    [2, 1, 2, 2, 43.2], // 58·.3 + 35·.25 + 35·.2 + 10 = 17.4 + 8.75 + 7 + 10
    [3, 1, 3, 3, 50.7], // 68·.3 + 45·.25 + 45·.2 + 10 = 20.4 + 11.25 + 9 + 10 = 50.65
    [4, 1, 4, 4, 58.2], // 78·.3 + 55·.25 + 55·.2 + 10 = 23.4 + 13.75 + 11 + 10 = 58.15
    [2, 1, 4, 4, 52.2], // 58·.3 + 55·.25 + 55·.2 + 10 = 17.4 + 13.75 + 11 + 10 = 52.15
    [4, 1, 2, 2, 49.2], // 78·.3 + 35·.25 + 35·.2 + 10 = 23.4 + 8.75 + 7 + 10
  ])(
    'a typical engaged member (%s days, %s note, %s likes, %s challenge days) is 普通: %s',
    (checkinDays, notes, likesReceived, challengeDays, total) => {
      const s = profile({ checkinDays, notes, likesReceived, challengeDays })
      expect(s).toMatchObject({ total, tier: 'normal' })
      expect(s.total).toBeGreaterThanOrEqual(40)
      expect(s.total).toBeLessThan(60)
    },
  )

  it('a strongly engaged member is 活跃', () => {
    // 6 days + 2 notes = 106 → 100; 6 likes 70; 6 challenge days 75: 30 + 17.5 + 15 + 10
    expect(profile({ checkinDays: 6, notes: 2, likesReceived: 6, challengeDays: 6 })).toMatchObject({
      total: 72.5,
      tier: 'active',
    })
    // Joining a challenge that week: 4 days + 2 notes 86; 5 likes 65; 25 + 3·10 + 25 = 80
    expect(
      profile({ checkinDays: 4, notes: 2, likesReceived: 5, challengeJoins: 1, challengeDays: 4 }),
    ).toMatchObject({ total: 68.1, tier: 'active' }) // 25.8 + 16.25 + 16 + 10 = 68.05
  })

  it('only exceptional, all-round weeks are 核心', () => {
    // Every day, 3 notes, 8 likes, every challenge day: 30 + 70·.25 + 85·.2 + 10 = 74.5, still 活跃 …
    expect(profile({ checkinDays: 7, notes: 3, likesReceived: 8, challengeDays: 7 })).toMatchObject({
      total: 74.5,
      tier: 'active',
    })
    // … and 核心 once a note is featured: 30 + 100·.25 + 17 + 10 = 82
    expect(
      profile({ checkinDays: 7, notes: 3, likesReceived: 8, featured: 1, challengeDays: 7 }),
    ).toMatchObject({ total: 82, tier: 'core' })
    // A featured note and an invite on top of a strong week: 30 + 25 + 15 + 7.5 + 10
    expect(
      profile({
        checkinDays: 6,
        notes: 2,
        likesReceived: 6,
        featured: 1,
        challengeDays: 6,
        invitesJoined: 1,
      }),
    ).toMatchObject({ total: 87.5, tier: 'core' })
    // Maxing the counters on one side is not even 活跃: every day, 10 notes, 20 likes, no activity
    expect(profile({ checkinDays: 7, notes: 10, likesReceived: 20 })).toMatchObject({
      total: 57.5, // 30 + 70·.25 + 0 + 0 + 10
      tier: 'normal',
    })
  })
})

describe('tiers', () => {
  it.each([
    [100, 'core'],
    [80.1, 'core'],
    [80, 'active'],
    [60, 'active'],
    [59.9, 'normal'],
    [40, 'normal'],
    [39.9, 'watch'],
    [0, 'watch'],
  ] as const)('%s → %s', (total, tier) => {
    expect(tierFor(total)).toBe(tier)
  })

  it('exact boundary totals from real counters', () => {
    // 30 + 25 + 20 + 0 + 5 = 80 → 活跃, not 核心
    expect(
      scoreOf(counts({ checkinDays: 7, likesReceived: 10, featured: 1, challengeDays: 10, violations: 1 })),
    ).toMatchObject({
      total: 80,
      tier: 'active',
    })
    // 30 + 0 + 20 + 0 + 10 = 60 → 活跃
    expect(scoreOf(counts({ checkinDays: 7, challengeDays: 10 }))).toMatchObject({
      total: 60,
      tier: 'active',
    })
    // 30 + 0 + 0 + 0 + 10 = 40 → 普通
    expect(scoreOf(counts({ checkinDays: 7 }))).toMatchObject({ total: 40, tier: 'normal' })
    // 4 days 70·.3 + 3 likes 45·.25 + 10 = 21 + 11.25 + 10 = 42.25; one like fewer: 39.75 → 观察
    expect(scoreOf(counts({ checkinDays: 4, likesReceived: 2 }))).toMatchObject({
      total: 39.8,
      tier: 'watch',
    })
  })
})

describe('silence', () => {
  const asOf = new Date('2026-11-23T00:00:00+08:00')
  const joined = new Date('2025-01-01T00:00:00+08:00')
  it(`is ${SILENT_AFTER_DAYS} days without recorded activity`, () => {
    expect(isSilent(new Date(asOf.getTime() - 90 * DAY), joined, asOf)).toBe(true)
    expect(isSilent(new Date(asOf.getTime() - 90 * DAY + 1), joined, asOf)).toBe(false)
    expect(isSilent(null, joined, asOf)).toBe(true)
  })
  it('counts from the join for members who never did anything', () => {
    expect(isSilent(null, new Date(asOf.getTime() - 10 * DAY), asOf)).toBe(false)
  })
  it('wake-ups are at least 30 days apart', () => {
    expect(canWakeUp(null, asOf)).toBe(true)
    expect(canWakeUp(new Date(asOf.getTime() - 30 * DAY + 1), asOf)).toBe(false)
    expect(canWakeUp(new Date(asOf.getTime() - 30 * DAY), asOf)).toBe(true)
  })
})

describe('healthy distribution', () => {
  it('has the SPEC bands and none for 观察', () => {
    expect(HEALTHY_BANDS).toEqual({ core: [5, 8], active: [15, 20], normal: [60, 70], silent: [10, 15] })
    expect(withinBand('core', 5)).toBe(true)
    expect(withinBand('core', 8.1)).toBe(false)
    expect(withinBand('normal', 59.9)).toBe(false)
    expect(withinBand('watch', 3)).toBeNull()
  })
})

describe('suggestions', () => {
  it('go where one concrete step adds most to the total, with the gain', () => {
    // Idle: 7 days (40 + 6·10 = 100) adds 30, more than any other step.
    expect(suggest(counts({}))).toEqual({
      dimension: 'frequency',
      text: '本周再打卡 7 天，发言频率分可加 100 分（总分约 +30）',
      gain: 30,
    })
    // 4 days (70): 3 more days add 30 → +9; joining a challenge for 3 days adds 25 + 45 = 70 → +14.
    expect(suggest(counts({ checkinDays: 4 })).text).toBe(
      '参加一个打卡挑战并坚持 3 天，活动参与分可加 70 分（总分约 +14）',
    )
    // The typical member (68): 3 more days make 98, 4 fill it (+32 → +9.6); 3 likes add 30 → +7.5.
    expect(suggest(counts({ checkinDays: 3, notes: 1, likesReceived: 3, challengeDays: 3 }))).toEqual({
      dimension: 'frequency',
      text: '本周再打卡 4 天，发言频率分可加 32 分（总分约 +9.6）',
      gain: 9.6,
    })
  })

  it('turn to the next best step once frequency is full', () => {
    const s = suggest(counts({ checkinDays: 7 }))
    expect(s.dimension).toBe('participation')
    expect(s.text).toBe('参加一个打卡挑战并坚持 3 天，活动参与分可加 70 分（总分约 +14）')
    // 3 likes: 25 + 2·10 = 45 → 11.25, shown to one decimal
    expect(suggest(counts({ checkinDays: 7, challengeDays: 10 })).text).toBe(
      '写一篇用心的打卡日记并收到 3 个赞，内容质量分可加 45 分（总分约 +11.3）',
    )
  })

  it('tell a member already in a challenge to keep at it', () => {
    // 2 challenge days (35): the 5 days left make 85 (+50 → +10), not yet 100.
    const s = suggest(counts({ checkinDays: 7, likesReceived: 10, featured: 1, challengeDays: 2 }))
    expect(s.text).toBe('挑战打卡再坚持 5 天，活动参与分可加 50 分（总分约 +10）')
  })

  it('fill the last gap of frequency with the days it needs', () => {
    const s = suggest(
      counts({ checkinDays: 6, likesReceived: 10, featured: 1, challengeDays: 10, invitesJoined: 2 }),
    )
    expect(s.dimension).toBe('frequency')
    expect(s.text).toBe('本周再打卡 1 天，发言频率分可加 10 分（总分约 +3）')
  })

  it('point to a featured note once likes are at their ceiling', () => {
    // 6+ likes are 70 already; a featured note adds the last 30 → +7.5 (ties with an invite: heavier first).
    expect(suggest(counts({ checkinDays: 7, likesReceived: 9, challengeDays: 10 }))).toEqual({
      dimension: 'quality',
      text: '写一篇用心的读书日记，争取被设为精选，内容质量分可加 30 分（总分约 +7.5）',
      gain: 7.5,
    })
  })

  it('name violations when they are what is missing', () => {
    const s = suggest(
      counts({
        checkinDays: 7,
        likesReceived: 10,
        featured: 1,
        challengeDays: 10,
        invitesJoined: 2,
        violations: 2,
      }),
    )
    expect(s).toMatchObject({ dimension: 'violations', gain: 10 })
    expect(s.text).toContain('遵守群规')
  })

  it('never ask for more check-in days than the Asia/Shanghai week has left', () => {
    // 2027-03-06 is a Saturday: 10:00 in Shanghai is 02:00 UTC.
    const saturday = new Date('2027-03-06T02:00:00Z')
    expect(checkinDaysOpen(saturday, false)).toBe(2)
    expect(checkinDaysOpen(saturday, true)).toBe(1)
    // Sunday 23:59 in Shanghai is still Sunday (15:59 UTC); Monday 00:30 starts a whole week.
    expect(checkinDaysOpen(new Date('2027-03-07T15:59:00Z'), true)).toBe(0)
    expect(checkinDaysOpen(new Date('2027-03-07T15:59:00Z'), false)).toBe(1)
    expect(checkinDaysOpen(new Date('2027-03-07T16:30:00Z'), false)).toBe(7)
    expect(checkinDaysOpen(new Date('2027-03-07T16:30:00Z'), true)).toBe(6)

    // Checked in today, a Saturday, for the first time this week: Sunday is the only day left.
    const one = counts({
      checkinDays: 1,
      likesReceived: 10,
      featured: 1,
      challengeDays: 10,
      invitesJoined: 2,
    })
    expect(suggest(one, checkinDaysOpen(saturday, true)).text).toBe(
      '本周再打卡 1 天，发言频率分可加 10 分（总分约 +3）',
    )
    // What the advice said before: a whole week's worth, on a Saturday.
    expect(suggest(one).text).toBe('本周再打卡 6 天，发言频率分可加 60 分（总分约 +18）')
    // A challenge step fits the days left too.
    expect(
      suggest(counts({ checkinDays: 6, likesReceived: 10, featured: 1 }), 1).text.startsWith(
        '参加一个打卡挑战并坚持 1 天',
      ),
    ).toBe(true)
    // Sunday night, checked in: nothing that needs a check-in is offered.
    const s = suggest(counts({ checkinDays: 1 }), 0)
    expect(s.dimension).toBe('invites')
    expect(s.text).toBe('邀请 1 位朋友入群，邀请新人分可加 50 分（总分约 +7.5）')
  })

  it('say so when everything is full', () => {
    const s = suggest(
      counts({ checkinDays: 7, likesReceived: 10, featured: 1, challengeDays: 10, invitesJoined: 2 }),
    )
    expect(s).toEqual({ dimension: null, text: '五项都拿满了，保持这个节奏！', gain: 0 })
  })
})

describe('week keys', () => {
  it('are the Asia/Shanghai Monday', () => {
    expect(shanghaiWeekKey(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-16') // Sun 23:59 Shanghai
    expect(shanghaiWeekKey(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23') // Mon 00:00 Shanghai
    expect(addWeeks('2026-11-23', -1)).toBe('2026-11-16')
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04')
  })
})
