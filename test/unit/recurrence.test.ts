import { SOP_STEPS, timelineFor } from '../../cloudfunctions/core/activities'
import {
  occurrenceDays,
  occurrenceStart,
  ruleText,
  seriesSpanRefusal,
  SERIES_PRESETS,
} from '../../cloudfunctions/core/recurrence'
import { shanghaiDayKey } from '../../cloudfunctions/core/time'

describe('occurrence days', () => {
  it('falls every day across the year end', () => {
    expect(occurrenceDays({ freq: 'daily' }, '2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ])
  })

  it('falls on the weekly themes Mon, Wed and Fri across a month end', () => {
    // 2026-11-30 is a Monday.
    expect(occurrenceDays({ freq: 'weekly', weekdays: [1, 3, 5] }, '2026-11-28', '2026-12-06')).toEqual([
      '2026-11-30',
      '2026-12-02',
      '2026-12-04',
    ])
  })

  it('puts a monthly day past a short month on its last day, and "last" on each last day', () => {
    expect(occurrenceDays({ freq: 'monthly', monthDay: 31 }, '2027-01-01', '2027-04-30')).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
    ])
    expect(occurrenceDays({ freq: 'monthly', monthDay: 'last' }, '2028-02-01', '2028-03-01')).toEqual([
      '2028-02-29',
    ])
    expect(occurrenceDays({ freq: 'monthly', monthDay: 15 }, '2026-12-16', '2027-01-15')).toEqual([
      '2027-01-15',
    ])
  })
})

describe('occurrence start', () => {
  it('is the Shanghai wall-clock time, so an early-morning start is the previous UTC day', () => {
    const start = occurrenceStart('2027-01-01', '07:30')
    expect(start.toISOString()).toBe('2026-12-31T23:30:00.000Z')
    expect(shanghaiDayKey(start)).toBe('2027-01-01')
  })

  it('has no daylight-saving shift: the same clock gives the same UTC hour all year', () => {
    const hours = ['2026-03-08', '2026-07-01', '2026-11-01'].map((d) =>
      occurrenceStart(d, '20:00').getUTCHours(),
    )
    expect(hours).toEqual([12, 12, 12])
  })
})

describe('series rules', () => {
  it('refuses spans in the past, backwards or too long', () => {
    expect(seriesSpanRefusal('2026-12-01', '2026-12-10', '2026-12-05')).toBe('开始日期不能早于今天')
    expect(seriesSpanRefusal('2026-12-10', '2026-12-09', '2026-12-05')).toBe('结束日期不能早于开始日期')
    expect(seriesSpanRefusal('2026-12-10', '2027-06-10', '2026-12-05')).toMatch(/最多排 92 天/)
    expect(seriesSpanRefusal('2026-12-10', '2027-01-10', '2026-12-05')).toBeNull()
  })

  it('reads the rule in Chinese, Monday first', () => {
    expect(ruleText({ freq: 'weekly', weekdays: [5, 0, 1] })).toBe('每周一、周五、周日')
    expect(ruleText({ freq: 'monthly', monthDay: 'last' })).toBe('每月最后一天')
    expect(ruleText({ freq: 'daily' })).toBe('每天')
  })

  it('offers the articles rhythm as presets', () => {
    expect(SERIES_PRESETS.map((p) => p.title)).toEqual([
      '早报',
      '晚间问答',
      '晒书桌',
      '话题日',
      '吐槽大会',
      '月度庆典',
    ])
  })
})

describe('the SOP timeline', () => {
  it('is due at T−7d, T−3d, T−1d, T−1h, T+2h and T+1d', () => {
    const startAt = occurrenceStart('2027-01-01', '20:00')
    const tasks = timelineFor({ _id: 'a1', communityId: 'c', title: '跨年', startAt, ownerOpenid: 'o' })
    expect(tasks.map((t) => [t.step, (t.dueAt.getTime() - startAt.getTime()) / 3_600_000])).toEqual([
      ['plan', -168],
      ['warmup', -72],
      ['notify', -24],
      ['remind', -1],
      ['thanks', 2],
      ['review', 24],
    ])
    expect(tasks.filter((t) => t.auto).map((t) => t.step)).toEqual(['remind', 'thanks', 'review'])
    expect(tasks).toHaveLength(SOP_STEPS.length)
  })
})
