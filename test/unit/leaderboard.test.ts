import {
  boardLabel,
  competitionRanks,
  countEarned,
  countsOnPeriodBoards,
  currentStreakValue,
  earnedInMonth,
  effectiveRankSettings,
  isRanked,
  periodKeys,
  streakFields,
  top3Month,
  top3Winners,
} from '../../cloudfunctions/core/leaderboard'
import { shanghaiMonthKey, shanghaiWeekKey } from '../../cloudfunctions/core/time'

/** An instant given in Shanghai local time. */
const sh = (local: string) => new Date(`${local}+08:00`)

describe('period keys', () => {
  it('a week starts on Monday 00:00 in Shanghai, whatever the UTC date', () => {
    expect(shanghaiWeekKey(sh('2026-11-22T23:59:59'))).toBe('2026-11-16') // Sunday night
    expect(shanghaiWeekKey(sh('2026-11-23T00:00:00'))).toBe('2026-11-23') // Monday 00:00 = Sunday 16:00 UTC
    expect(shanghaiWeekKey(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-16')
    expect(shanghaiWeekKey(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23')
    // A week across a month and a year boundary keeps its Monday.
    expect(shanghaiWeekKey(sh('2027-01-03T12:00:00'))).toBe('2026-12-28')
  })

  it('a month starts at 00:00 on the 1st in Shanghai', () => {
    expect(shanghaiMonthKey(sh('2026-11-30T23:59:59'))).toBe('2026-11')
    expect(shanghaiMonthKey(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12')
    expect(periodKeys(sh('2027-01-01T00:10:00'))).toEqual({
      today: '2027-01-01',
      yesterday: '2026-12-31',
      week: '2026-12-28',
      month: '2027-01',
    })
    expect(top3Month(sh('2027-01-01T01:00:00'))).toBe('2026-12')
    expect(top3Month(sh('2026-03-01T01:00:00'))).toBe('2026-02')
  })

  it('labels name the period', () => {
    expect(boardLabel('week', sh('2026-11-18T10:00:00'))).toBe('本周（11月16日–11月22日）获得的积分')
    expect(boardLabel('month', sh('2026-11-18T10:00:00'))).toBe('2026年11月获得的积分')
  })
})

describe('ties', () => {
  it('competition ranking: ties share a rank and the next skips', () => {
    expect(competitionRanks([100, 90, 90, 80, 80, 80, 10])).toEqual([1, 2, 2, 4, 4, 4, 7])
    expect(competitionRanks([5, 5, 5])).toEqual([1, 1, 1])
    expect(competitionRanks([])).toEqual([])
  })
})

describe('period counters', () => {
  it('adds within the period and starts from zero in a new week', () => {
    const first = countEarned({}, 20, sh('2026-11-18T10:00:00'))
    expect(first).toEqual({
      weekKey: '2026-11-16',
      weekEarned: 20,
      monthKey: '2026-11',
      monthEarned: 20,
      prevMonthKey: null,
      prevMonthEarned: 0,
    })
    const same = countEarned(first, 5, sh('2026-11-22T23:00:00'))
    expect(same).toMatchObject({ weekEarned: 25, monthEarned: 25 })
    const nextWeek = countEarned(same, 5, sh('2026-11-23T00:00:00'))
    expect(nextWeek).toMatchObject({ weekKey: '2026-11-23', weekEarned: 5, monthEarned: 30 })
  })

  it('keeps last month when a new one starts, so the Top 3 still sees it', () => {
    const nov = countEarned({}, 100, sh('2026-11-30T20:00:00'))
    const dec = countEarned(nov, 7, sh('2026-12-01T00:00:01'))
    expect(dec).toMatchObject({
      monthKey: '2026-12',
      monthEarned: 7,
      prevMonthKey: '2026-11',
      prevMonthEarned: 100,
    })
    expect(earnedInMonth(dec, '2026-11')).toBe(100)
    expect(earnedInMonth(dec, '2026-12')).toBe(7)
    expect(earnedInMonth(nov, '2026-11')).toBe(100)
    // Months without earning in between: prev is the last month they earned in, not last month.
    const feb = countEarned(dec, 3, sh('2027-02-10T10:00:00'))
    expect(feb).toMatchObject({ prevMonthKey: '2026-12', prevMonthEarned: 7 })
    expect(earnedInMonth(feb, '2027-01')).toBe(0)
  })
})

describe('streaks and staff', () => {
  it('the board streak is the latest run, alive only if it ended today or yesterday', () => {
    const fields = streakFields([
      { start: '2026-11-01', end: '2026-11-03' },
      { start: '2026-11-10', end: '2026-11-14' },
    ])
    expect(fields).toEqual({ streak: 5, streakDay: '2026-11-14' })
    expect(streakFields([])).toEqual({ streak: 0, streakDay: null })
    expect(currentStreakValue(fields, { today: '2026-11-15', yesterday: '2026-11-14' })).toBe(5)
    expect(currentStreakValue(fields, { today: '2026-11-14', yesterday: '2026-11-13' })).toBe(5)
    expect(currentStreakValue(fields, { today: '2026-11-16', yesterday: '2026-11-15' })).toBe(0)
  })

  it('hides owners, admins and organisers only when the community says so', () => {
    expect(isRanked('admin', false)).toBe(true)
    expect(isRanked('admin', true)).toBe(false)
    expect(isRanked('organiser', true)).toBe(false)
    expect(isRanked('volunteer', true)).toBe(true)
    expect(isRanked('member', true)).toBe(true)
    expect(effectiveRankSettings({ hideStaff: true })).toEqual({
      hideStaff: true,
      top3: { enabled: true, points: [500, 300, 100] },
    })
  })
})

describe('the monthly Top 3', () => {
  const points = [500, 300, 100]
  const pick = (values: number[]) =>
    top3Winners(
      values.map((value, i) => ({ id: i, value })),
      points,
    ).map((w) => [w.candidate.id, w.rank, w.points])

  it('pays 1st, 2nd and 3rd', () => {
    expect(pick([10, 300, 200, 100])).toEqual([
      [1, 1, 500],
      [2, 2, 300],
      [3, 3, 100],
    ])
  })

  it('pays everyone tied within the first three places the reward of their shared rank', () => {
    expect(pick([100, 90, 90, 80])).toEqual([
      [0, 1, 500],
      [1, 2, 300],
      [2, 2, 300],
    ])
    expect(pick([100, 100, 90])).toEqual([
      [0, 1, 500],
      [1, 1, 500],
      [2, 3, 100],
    ])
    expect(pick([100, 90, 80, 80, 80])).toEqual([
      [0, 1, 500],
      [1, 2, 300],
      [2, 3, 100],
      [3, 3, 100],
      [4, 3, 100],
    ])
    expect(pick([7, 7, 7, 7])).toEqual([
      [0, 1, 500],
      [1, 1, 500],
      [2, 1, 500],
      [3, 1, 500],
    ])
  })

  it('nobody with nothing earned wins', () => {
    expect(pick([0, 0, 5])).toEqual([[2, 1, 500]])
    expect(pick([])).toEqual([])
  })
})

describe('what counts on the period boards', () => {
  it('daily activity and staff rewards do, survey rewards and imported history do not', () => {
    expect(countsOnPeriodBoards('checkin:2026-12-05')).toBe(true)
    expect(countsOnPeriodBoards('challenge:c1')).toBe(true)
    expect(countsOnPeriodBoards('adjust:r1')).toBe(true)
    expect(countsOnPeriodBoards('survey:s1')).toBe(false)
    expect(countsOnPeriodBoards('seed-earned')).toBe(false)
  })
})
