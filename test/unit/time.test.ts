import {
  addDays,
  addMonths,
  daysBetween,
  isDayKey,
  isMonthKey,
  monthRange,
  shanghaiDayKey,
  shanghaiDayStart,
  weekdayOf,
} from '../../cloudfunctions/core/time'

describe('Asia/Shanghai day keys', () => {
  it('puts 23:59:59 and 00:00:00 Shanghai time on two different days', () => {
    // 23:59:59 in Shanghai is 15:59:59 UTC; a second later is the next Shanghai day.
    expect(shanghaiDayKey(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01')
    expect(shanghaiDayKey(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02')
  })

  it('is ahead of the UTC date in the early Shanghai morning', () => {
    expect(shanghaiDayKey(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01')
  })

  it('starts a day at 16:00 UTC of the previous UTC date', () => {
    expect(shanghaiDayStart('2026-11-22').toISOString()).toBe('2026-11-21T16:00:00.000Z')
    expect(shanghaiDayKey(shanghaiDayStart('2026-02-29'.replace('29', '28')))).toBe('2026-02-28')
  })
})

describe('calendar arithmetic on day and month keys', () => {
  test('adds days across month and year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-02-25', '2026-03-03')).toBe(6)
  })

  test('validates day and month keys', () => {
    expect(isDayKey('2026-02-29')).toBe(false)
    expect(isDayKey('2028-02-29')).toBe(true)
    expect(isDayKey('2026-1-01')).toBe(false)
    expect(isMonthKey('2026-13')).toBe(false)
    expect(isMonthKey('2026-02')).toBe(true)
    expect(monthRange('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' })
    expect(monthRange('2028-02').last).toBe('2028-02-29')
    expect(addMonths('2026-12', 1)).toBe('2027-01')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
  })

  test('takes only days and months of 2000–2099 as input', () => {
    for (const day of ['9999-12-31', '1999-12-31', '2100-01-01', '0000-01-01'])
      expect(isDayKey(day)).toBe(false)
    expect(isDayKey('2000-01-01')).toBe(true)
    expect(isDayKey('2099-12-31')).toBe(true)
    for (const month of ['9999-12', '1999-12', '2100-01']) expect(isMonthKey(month)).toBe(false)
    expect(isMonthKey('2099-12')).toBe(true)
  })

  test('names the weekday of a day key, whatever the machine zone', () => {
    expect(weekdayOf('2026-11-22')).toBe(0)
    expect(weekdayOf('2026-11-23')).toBe(1)
    expect(weekdayOf('2028-02-29')).toBe(2)
  })
})
