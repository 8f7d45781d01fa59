import type { ActivitySize, ActivityStage } from '../../cloudfunctions/core/activities'
import { pairStart, planMonth, plannerSpan, weeksOfMonth } from '../../cloudfunctions/core/planner'
import { activityFieldErrors, canMove, defaultMinLevel } from '../../cloudfunctions/core/publishing'
import { occurrenceStart } from '../../cloudfunctions/core/recurrence'

const a = (day: string, size: ActivitySize, stage: ActivityStage = 'published', clock = '20:00') => ({
  startAt: occurrenceStart(day, clock),
  size,
  stage,
})

describe('weeks of a month', () => {
  it('takes the weeks whose Thursday is in the month, across the year end', () => {
    // Dec 2026: Tue 1st … Thu 31st. Jan 2027: Fri 1st, so its first week starts Mon 4th.
    expect(weeksOfMonth('2026-12')).toEqual([
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
      '2026-12-21',
      '2026-12-28',
    ])
    expect(weeksOfMonth('2027-01')).toEqual(['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25'])
  })

  it('pairs weeks into fixed two-week windows that run across the year end', () => {
    expect(['2026-11-30', '2026-12-07', '2026-12-28', '2027-01-04', '2027-01-11'].map(pairStart)).toEqual([
      '2026-11-30',
      '2026-11-30',
      '2026-12-28',
      '2026-12-28',
      '2027-01-11',
    ])
    expect(plannerSpan('2027-01')).toEqual({ fromDay: '2026-12-28', untilDay: '2027-02-07' })
  })
})

describe('the 221 comparison', () => {
  it('says a week without two small events and a window without a medium one is missing them', () => {
    const plan = planMonth('2027-01', [a('2027-01-04', 'small'), a('2027-01-06', 'small', 'draft')])
    const first = plan.weeks[0]
    expect(first).toMatchObject({ weekKey: '2027-01-04', small: 1, medium: 0, large: 0, drafts: 1 })
    expect(first.missing[0]).toBe('还差 1 个小型活动')
    expect(first.missing[1]).toMatch(/两周内还差 1 个中型活动/)
    expect(plan.missing).toEqual(['本月还差 1 个大型活动'])
  })

  it('is satisfied by 2 small a week, 1 medium per window and 1 large a month; cancelled ones do not count', () => {
    const weeks = weeksOfMonth('2027-01')
    const list = weeks.flatMap((w) => [a(w, 'small'), a(addDay(w, 2), 'small')])
    for (const w of weeks) if (pairStart(w) === w) list.push(a(addDay(w, 4), 'medium'))
    // The month's first window may start in December: give it its medium in the other week.
    for (const w of weeks)
      if (pairStart(w) !== w && !weeks.includes(pairStart(w))) list.push(a(addDay(w, 4), 'medium'))
    list.push(a('2027-01-30', 'large'))
    const plan = planMonth('2027-01', list)
    expect(plan.weeks.map((w) => w.missing)).toEqual(weeks.map(() => []))
    expect(plan.missing).toEqual([])
    const cancelled = planMonth(
      '2027-01',
      list.map((x) => (x.size === 'large' ? { ...x, stage: 'cancelled' as const } : x)),
    )
    expect(cancelled.large).toBe(0)
    expect(cancelled.missing).toEqual(['本月还差 1 个大型活动'])
  })

  it('counts a Sunday-night event in its Shanghai week, not the UTC one', () => {
    // Sunday 2027-01-10 23:30 Shanghai is 15:30 UTC the same day; Monday 00:30 is Sunday 16:30 UTC.
    const plan = planMonth('2027-01', [
      a('2027-01-10', 'small', 'published', '23:30'),
      a('2027-01-11', 'small', 'published', '00:30'),
    ])
    expect(plan.weeks.find((w) => w.weekKey === '2027-01-04')?.small).toBe(1)
    expect(plan.weeks.find((w) => w.weekKey === '2027-01-11')?.small).toBe(1)
  })
})

const addDay = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10)

describe('publishing rules', () => {
  const now = new Date('2026-12-05T00:00:00Z')
  const h = (n: number) => new Date(now.getTime() + n * 3_600_000)

  it('refuses points over the ceiling and inverted times, field by field', () => {
    expect(
      activityFieldErrors(
        { startAt: h(48), endAt: h(47), signupDeadline: h(49), points: 150 },
        { now, ceiling: 100, moved: true },
      ),
    ).toEqual({
      endAt: '结束时间要晚于开始时间',
      signupDeadline: '报名截止不能晚于开始时间',
      points: '奖励最多 100 分（主理人设定的上限）',
    })
    expect(
      activityFieldErrors(
        { startAt: h(-1), endAt: h(1), signupDeadline: h(-2), points: 100 },
        { now, ceiling: 100, moved: true },
      ),
    ).toEqual({ startAt: '开始时间要晚于现在' })
    expect(
      activityFieldErrors(
        { startAt: h(-1), endAt: h(1), signupDeadline: h(-2), points: 0 },
        { now, ceiling: 100, moved: false },
      ),
    ).toEqual({})
  })

  it('makes offline meet-ups 核心-only unless staff choose otherwise', () => {
    expect(defaultMinLevel('offline', undefined)).toBe('core')
    expect(defaultMinLevel('offline', null)).toBeNull()
    expect(defaultMinLevel('lecture', undefined)).toBeNull()
    expect(defaultMinLevel('lecture', 'advanced')).toBe('advanced')
  })

  it('moves stages only forwards', () => {
    expect(canMove('draft', 'published')).toBe(true)
    expect(canMove('published', 'published')).toBe(false)
    expect(canMove('cancelled', 'published')).toBe(false)
    expect(canMove('draft', 'finished')).toBe(false)
    expect(canMove('finished', 'cancelled')).toBe(false)
  })
})
