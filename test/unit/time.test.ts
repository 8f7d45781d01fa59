import { shanghaiDayKey, shanghaiDayStart } from '../../cloudfunctions/core/time'

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
