/** Check-in rules (core/checkin): streaks, make-ups, the calendar and challenges, in Shanghai days. */
import {
  calendarMonth,
  CHALLENGE_START_MAX_DAYS_AHEAD,
  challengeStartRefusal,
  challengeEndDay,
  challengePhase,
  challengeProgress,
  challengeReachable,
  continuedSince,
  EMPTY_STREAK_STATE,
  makeupRefusal,
  makeupWindow,
  percentage,
  recordDay,
  runsFromDays,
  stateFromLatestRun,
  statsOf,
  streakStats,
  type StreakState,
} from '../../cloudfunctions/core/checkin'
import { addDays, shanghaiDayKey } from '../../cloudfunctions/core/time'

const range = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i))

describe('day arithmetic', () => {
  test('a calendar month ends after its days, even at the end of the four-digit years', () => {
    // Past 9999-12-31 the ISO form turns into '+010000-01-01', which sorts before every day key.
    const month = calendarMonth('9999-12', [], '2026-12-05', '2026-01-01')
    expect(month.days).toHaveLength(31)
    expect(month.days.at(-1)!.day).toBe('9999-12-31')
    expect(calendarMonth('2028-02', [], '2028-02-29', '2028-01-01').days).toHaveLength(29)
  })

  test('a challenge starts today or within 90 days', () => {
    expect(challengeStartRefusal('2026-12-04', '2026-12-05')).toBe('挑战开始日期不能早于今天')
    expect(challengeStartRefusal('2026-12-05', '2026-12-05')).toBeNull()
    expect(
      challengeStartRefusal(addDays('2026-12-05', CHALLENGE_START_MAX_DAYS_AHEAD), '2026-12-05'),
    ).toBeNull()
    expect(
      challengeStartRefusal(addDays('2026-12-05', CHALLENGE_START_MAX_DAYS_AHEAD + 1), '2026-12-05'),
    ).toBe('挑战开始日期最晚为 90 天后')
  })

  test('Shanghai midnight: 23:59:59 and 00:00:00 are two days, though UTC says one', () => {
    const before = new Date('2026-11-22T15:59:59.000Z') // 23:59:59 in Shanghai
    const after = new Date('2026-11-22T16:00:00.000Z') // 00:00:00 next day in Shanghai
    expect(shanghaiDayKey(before)).toBe('2026-11-22')
    expect(shanghaiDayKey(after)).toBe('2026-11-23')
    const stats = streakStats([shanghaiDayKey(before), shanghaiDayKey(after)], '2026-11-23')
    expect(stats).toEqual({ current: 2, longest: 2, total: 2, lastDay: '2026-11-23' })
  })
})

describe('streaks', () => {
  test('nothing checked in is all zero', () => {
    expect(streakStats([], '2026-11-22')).toEqual({ current: 0, longest: 0, total: 0, lastDay: null })
  })

  test('the current streak survives until today is over, and breaks on a missed day', () => {
    const days = range('2026-11-15', 7) // 15..21
    expect(streakStats(days, '2026-11-21').current).toBe(7) // checked in today
    expect(streakStats(days, '2026-11-22').current).toBe(7) // today still open
    expect(streakStats(days, '2026-11-23').current).toBe(0) // the 22nd was missed
    expect(streakStats(days, '2026-11-23').longest).toBe(7)
  })

  test('gaps split runs; longest and total count all of them', () => {
    const days = [...range('2026-10-01', 10), ...range('2026-10-15', 3), '2026-10-20', '2026-10-20']
    expect(runsFromDays(days)).toEqual([
      { start: '2026-10-01', end: '2026-10-10' },
      { start: '2026-10-15', end: '2026-10-17' },
      { start: '2026-10-20', end: '2026-10-20' },
    ])
    expect(streakStats(days, '2026-10-21')).toEqual({
      current: 1,
      longest: 10,
      total: 14,
      lastDay: '2026-10-20',
    })
  })

  test('runs cross month boundaries', () => {
    const days = range('2026-01-28', 8) // 28 Jan .. 4 Feb
    expect(streakStats(days, '2026-02-04')).toMatchObject({ current: 8, longest: 8 })
  })

  test('incremental recording agrees with computing from all days', () => {
    const days = [
      '2026-09-03',
      '2026-09-01',
      '2026-09-02',
      '2026-09-07',
      '2026-09-05',
      '2026-09-06',
      '2026-09-10',
    ]
    let state: StreakState = EMPTY_STREAK_STATE
    for (const day of days) state = recordDay(state, day)
    expect(statsOf(state, '2026-09-10')).toEqual(streakStats(days, '2026-09-10'))
    expect(state.runs).toEqual(runsFromDays(days))
  })

  test('a make-up that fills a gap joins two runs into one', () => {
    let state: StreakState = EMPTY_STREAK_STATE
    for (const day of [...range('2026-11-01', 10), ...range('2026-11-12', 5)]) state = recordDay(state, day)
    expect(statsOf(state, '2026-11-16')).toMatchObject({ current: 5, longest: 10, total: 15 })
    state = recordDay(state, '2026-11-11')
    expect(state.runs).toEqual([{ start: '2026-11-01', end: '2026-11-16' }])
    expect(statsOf(state, '2026-11-16')).toEqual({
      current: 16,
      longest: 16,
      total: 16,
      lastDay: '2026-11-16',
    })
  })

  test('a make-up that extends the live run brings a broken streak back', () => {
    let state: StreakState = EMPTY_STREAK_STATE
    for (const day of range('2026-11-10', 5)) state = recordDay(state, day) // 10..14
    expect(statsOf(state, '2026-11-16').current).toBe(0) // missed the 15th
    state = recordDay(state, '2026-11-15')
    expect(statsOf(state, '2026-11-16').current).toBe(6)
  })

  test('keeps a bounded number of runs, and longest remembers older ones', () => {
    let state: StreakState = EMPTY_STREAK_STATE
    for (const day of range('2026-01-01', 30)) state = recordDay(state, day)
    for (let i = 0; i < 40; i++) state = recordDay(state, addDays('2026-03-01', i * 2))
    expect(state.runs.length).toBe(20)
    expect(state.longest).toBe(30)
    expect(state.total).toBe(70)
  })

  it('a member stored before the state had a home keeps the latest run from the board’s fields', () => {
    const state = stateFromLatestRun(3, '2026-11-22')
    expect(state.runs).toEqual([{ start: '2026-11-20', end: '2026-11-22' }])
    // Today is known as checked, and tomorrow carries the streak on.
    expect(statsOf(recordDay(state, '2026-11-23'), '2026-11-23').current).toBe(4)
    expect(stateFromLatestRun(0, null)).toEqual(EMPTY_STREAK_STATE)
  })
})

describe('make-up cards', () => {
  const today = '2026-11-22'
  test('the window is the 7 days before today', () => {
    expect(makeupWindow(today)).toEqual(range('2026-11-15', 7).reverse())
  })

  test('refuses today, the future, older than 7 days, before joining and checked days', () => {
    expect(makeupRefusal('2026-11-21', today, '2026-01-01', false)).toBeNull()
    expect(makeupRefusal('2026-11-15', today, '2026-01-01', false)).toBeNull()
    expect(makeupRefusal('2026-11-14', today, '2026-01-01', false)).toBe('too_old')
    expect(makeupRefusal(today, today, '2026-01-01', false)).toBe('today_or_future')
    expect(makeupRefusal('2026-11-23', today, '2026-01-01', false)).toBe('today_or_future')
    expect(makeupRefusal('2026-11-19', today, '2026-11-20', false)).toBe('before_joining')
    expect(makeupRefusal('2026-11-20', today, '2026-11-20', false)).toBeNull()
    expect(makeupRefusal('2026-11-20', today, '2026-01-01', true)).toBe('already_checked_in')
    expect(makeupRefusal('2026-11-31', today, '2026-01-01', false)).toBe('not_a_day')
  })
})

describe('calendar', () => {
  test('marks checked, made-up, missable, today and future days of the month', () => {
    const month = calendarMonth(
      '2026-11',
      [
        { day: '2026-11-01', madeUp: false },
        { day: '2026-11-16', madeUp: true },
        { day: '2026-11-20', madeUp: false },
      ],
      '2026-11-20',
      '2026-11-10',
    )
    expect(month.days).toHaveLength(30)
    expect(month.checkedCount).toBe(3)
    expect(month.madeUpCount).toBe(1)
    const byDay = new Map(month.days.map((d) => [d.day, d]))
    expect(byDay.get('2026-11-01')).toMatchObject({ date: 1, weekday: 0, checked: true, missable: false })
    expect(byDay.get('2026-11-16')).toMatchObject({ checked: true, madeUp: true, missable: false })
    expect(byDay.get('2026-11-20')).toMatchObject({ today: true, checked: true })
    expect(byDay.get('2026-11-21')).toMatchObject({ future: true, missable: false })
    expect(month.days.filter((d) => d.missable).map((d) => d.day)).toEqual([
      '2026-11-13',
      '2026-11-14',
      '2026-11-15',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
    ])
  })

  test('the make-up window reaches back into the previous month', () => {
    const month = calendarMonth('2026-11', [], '2026-12-03', '2026-01-01')
    expect(month.days.filter((d) => d.missable).map((d) => d.day)).toEqual(range('2026-11-26', 5))
  })
})

describe('challenges', () => {
  const challenge = { startDay: '2026-11-01', endDay: challengeEndDay('2026-11-01', 21) }

  test('a 21-day challenge ends on its 21st day', () => {
    expect(challenge.endDay).toBe('2026-11-21')
    expect(challengePhase(challenge.startDay, challenge.endDay, '2026-10-31')).toBe('upcoming')
    expect(challengePhase(challenge.startDay, challenge.endDay, '2026-11-21')).toBe('running')
    expect(challengePhase(challenge.startDay, challenge.endDay, '2026-11-22')).toBe('ended')
  })

  test('progress counts check-in days since joining within the window', () => {
    const days = [...range('2026-10-28', 10), '2026-11-21', '2026-11-22']
    expect(challengeProgress(days, challenge, '2026-10-20')).toBe(7) // 1..6 Nov and 21 Nov
    expect(challengeProgress(days, challenge, '2026-11-03')).toBe(5) // 3..6 and 21
  })

  test('reachable while every remaining day could still make the target', () => {
    expect(challengeReachable(0, 21, challenge, '2026-10-30', false)).toBe(true)
    expect(challengeReachable(0, 21, challenge, '2026-11-01', false)).toBe(true)
    expect(challengeReachable(1, 21, challenge, '2026-11-01', true)).toBe(true)
    expect(challengeReachable(0, 21, challenge, '2026-11-02', false)).toBe(false)
    expect(challengeReachable(0, 20, challenge, '2026-11-02', false)).toBe(true)
    expect(challengeReachable(21, 21, challenge, '2026-11-30', true)).toBe(true)
    expect(challengeReachable(3, 21, challenge, '2026-11-22', false)).toBe(false)
  })

  test('participation rates and the 3-day window', () => {
    expect(percentage(2, 3)).toBe(66.7)
    expect(percentage(0, 0)).toBe(0)
    expect(continuedSince('2026-11-22')).toBe('2026-11-20')
  })
})
