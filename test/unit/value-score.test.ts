/** The weekly value score (core/value-score): every formula, the weights, tier boundaries, silence, suggestions. */
import { addWeeks, shanghaiWeekKey } from '../../cloudfunctions/core/time'
import {
  DIMENSIONS,
  DIMENSION_WEIGHTS,
  HEALTHY_BANDS,
  SILENT_AFTER_DAYS,
  canWakeUp,
  countsOf,
  emptyCounts,
  isSilent,
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
  it('frequency: 15 per check-in day, 5 per note, capped at 100', () => {
    expect(subScores(counts({})).frequency).toBe(0)
    expect(subScores(counts({ checkinDays: 3 })).frequency).toBe(45)
    expect(subScores(counts({ checkinDays: 3, notes: 2 })).frequency).toBe(55)
    expect(subScores(counts({ checkinDays: 7 })).frequency).toBe(100)
    expect(subScores(counts({ checkinDays: 6, notes: 6 })).frequency).toBe(100)
  })

  it('quality: 10 per like received, 40 per featured item, capped at 100', () => {
    expect(subScores(counts({ likesReceived: 4 })).quality).toBe(40)
    expect(subScores(counts({ likesReceived: 2, featured: 1 })).quality).toBe(60)
    expect(subScores(counts({ likesReceived: 30 })).quality).toBe(100)
  })

  it('participation: 10 per challenge day, 30 per join or activity, 40 per completion, capped', () => {
    expect(subScores(counts({ challengeDays: 4 })).participation).toBe(40)
    expect(subScores(counts({ challengeJoins: 1, challengeDays: 1 })).participation).toBe(40)
    expect(subScores(counts({ activities: 2 })).participation).toBe(60)
    expect(subScores(counts({ challengeDays: 5, challengeCompletions: 1 })).participation).toBe(90)
    expect(subScores(counts({ challengeDays: 7, challengeCompletions: 1 })).participation).toBe(100)
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
    expect(s.parts).toEqual({ frequency: 85, quality: 30, participation: 50, invites: 0, violations: 100 })
    expect(s.contributions).toEqual({
      frequency: 25.5,
      quality: 7.5,
      participation: 10,
      invites: 0,
      violations: 10,
    })
    expect(s.total).toBe(53)
    expect(s.tier).toBe('normal')
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
      scoreOf(counts({ checkinDays: 7, likesReceived: 10, challengeDays: 10, violations: 1 })),
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
    // Idle: 7 more days adds 30, more than any other step.
    expect(suggest(counts({}))).toEqual({
      dimension: 'frequency',
      text: '本周再打卡 7 天，发言频率分可加 100 分（总分约 +30）',
      gain: 30,
    })
    // 3 more days (+12) ties with a challenge (+12): the heavier dimension wins.
    expect(suggest(counts({ checkinDays: 4 })).text).toBe(
      '本周再打卡 3 天，发言频率分可加 40 分（总分约 +12）',
    )
  })

  it('turn to the next best step once frequency is full', () => {
    const s = suggest(counts({ checkinDays: 7 }))
    expect(s.dimension).toBe('participation')
    expect(s.text).toBe('参加一个打卡挑战并坚持 3 天，活动参与分可加 60 分（总分约 +12）')
    expect(suggest(counts({ checkinDays: 7, challengeDays: 10 })).text).toBe(
      '写一篇用心的打卡日记并收到 3 个赞，内容质量分可加 30 分（总分约 +7.5）',
    )
  })

  it('tell a member already in a challenge to keep at it', () => {
    const s = suggest(counts({ checkinDays: 7, likesReceived: 10, challengeDays: 2 }))
    expect(s.text).toBe('挑战打卡再坚持 5 天，活动参与分可加 50 分（总分约 +10）')
  })

  it('fill the last gap of frequency with the days it needs', () => {
    const s = suggest(counts({ checkinDays: 6, likesReceived: 10, challengeDays: 10, invitesJoined: 2 }))
    expect(s.dimension).toBe('frequency')
    expect(s.text).toBe('本周再打卡 1 天，发言频率分可加 10 分（总分约 +3）')
  })

  it('name violations when they are what is missing', () => {
    const s = suggest(
      counts({ checkinDays: 7, likesReceived: 10, challengeDays: 10, invitesJoined: 2, violations: 2 }),
    )
    expect(s).toMatchObject({ dimension: 'violations', gain: 10 })
    expect(s.text).toContain('遵守群规')
  })

  it('say so when everything is full', () => {
    const s = suggest(counts({ checkinDays: 7, likesReceived: 10, challengeDays: 10, invitesJoined: 2 }))
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
