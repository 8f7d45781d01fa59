/** Demotion rules (SPEC §4) from core/demotion.ts: every boundary, the 90% tolerance and the grace. */
import {
  DEMOTION_GRACE_DAYS,
  DEMOTION_RULES,
  coreRequiredActiveDays,
  demotionWindow,
  evaluateDemotion,
  idleDays,
  inGrace,
  keepMinimum,
  type DemotionFacts,
} from '../../cloudfunctions/core/demotion'
import { addDays, shanghaiDayStart } from '../../cloudfunctions/core/time'

const TODAY = '2026-12-31'
const NOW = new Date(shanghaiDayStart(TODAY).getTime() + 3 * 3600_000) // 03:00 Shanghai
const DAY = 24 * 3600_000
const longAgo = new Date(NOW.getTime() - 200 * DAY)

function facts(over: Partial<DemotionFacts>): DemotionFacts {
  return {
    level: 'advanced',
    todayKey: TODAY,
    lastVisitKey: addDays(TODAY, -1),
    levelSince: longAgo,
    now: NOW,
    dormant: false,
    ...over,
  }
}

describe('numbers', () => {
  it('carry the SPEC requirements', () => {
    expect(DEMOTION_RULES.newcomerIdleDays).toBe(14)
    expect(DEMOTION_RULES.advancedInteractions).toBe(5)
    expect(DEMOTION_RULES.coreActiveShare).toBe(0.3)
    expect(DEMOTION_GRACE_DAYS).toBe(30)
  })
  it('keep at 90% rounded down', () => {
    expect(keepMinimum(5)).toBe(4)
    expect(keepMinimum(27)).toBe(24)
    expect(keepMinimum(10)).toBe(9)
    expect(keepMinimum(1)).toBe(0)
  })
  it('核心 requires 27 active days of 90', () => expect(coreRequiredActiveDays()).toBe(27))
})

describe('days', () => {
  it('idle days are the whole days between the last visit and the run day', () => {
    expect(idleDays(TODAY, TODAY)).toBe(0)
    expect(idleDays(addDays(TODAY, -1), TODAY)).toBe(0)
    expect(idleDays(addDays(TODAY, -15), TODAY)).toBe(14)
    expect(idleDays('2026-12-31', '2027-01-02')).toBe(1)
  })
  it('windows end the day before the run', () => {
    expect(demotionWindow('advanced', '2026-03-01')).toEqual({ first: '2026-01-30', last: '2026-02-28' })
    expect(demotionWindow('core', TODAY)).toEqual({ first: addDays(TODAY, -90), last: '2026-12-30' })
    expect(demotionWindow('newcomer', TODAY)).toBeNull()
  })
  it('grace is the first 30 days at a level, to the millisecond', () => {
    expect(inGrace(new Date(NOW.getTime() - 30 * DAY + 1), NOW)).toBe(true)
    expect(inGrace(new Date(NOW.getTime() - 30 * DAY), NOW)).toBe(false)
  })
})

describe('新手: 14 days without a visit → dormant (流失预警)', () => {
  const newcomer = (daysAgo: number, dormant = false) =>
    evaluateDemotion(facts({ level: 'newcomer', lastVisitKey: addDays(TODAY, -daysAgo), dormant }))
  it('13 idle days: kept', () => expect(newcomer(14)).toEqual({ kind: 'keep', why: 'active' }))
  it('14 idle days: dormant, explained', () => {
    const d = newcomer(15)
    expect(d.kind).toBe('dormant')
    expect(d.kind === 'dormant' && d.reason).toContain('连续 14 天没有来访')
  })
  it('already dormant: not marked again', () =>
    expect(newcomer(40, true)).toEqual({ kind: 'keep', why: 'already_dormant' }))
  it('grace does not hide a newcomer who stopped coming', () => {
    const d = evaluateDemotion(
      facts({
        level: 'newcomer',
        lastVisitKey: addDays(TODAY, -15),
        levelSince: new Date(NOW.getTime() - DAY),
      }),
    )
    expect(d.kind).toBe('dormant')
  })
})

describe('进阶: fewer than 5 interactions a month, kept down to 4 (90%)', () => {
  it.each([
    [5, 'keep'],
    [4, 'keep'],
    [3, 'demote'],
    [0, 'demote'],
  ] as const)('%d interactions → %s', (interactions, kind) => {
    expect(evaluateDemotion(facts({ level: 'advanced', interactions })).kind).toBe(kind)
  })
  it('demotes one step to 新手 with an explanation', () => {
    const d = evaluateDemotion(facts({ level: 'advanced', interactions: 3 }))
    expect(d).toMatchObject({ kind: 'demote', from: 'advanced', to: 'newcomer' })
    expect(d.kind === 'demote' && d.reason).toContain('近 30 天互动 3 次')
  })
  it('29 days after promotion: grace; 30 days: judged', () => {
    expect(
      evaluateDemotion(
        facts({ level: 'advanced', interactions: 0, levelSince: new Date(NOW.getTime() - 29 * DAY) }),
      ),
    ).toEqual({ kind: 'keep', why: 'grace' })
    expect(
      evaluateDemotion(
        facts({ level: 'advanced', interactions: 0, levelSince: new Date(NOW.getTime() - 30 * DAY) }),
      ).kind,
    ).toBe('demote')
  })
})

describe('核心: quarterly activity below 30%, kept down to 24 of 90 days', () => {
  it.each([
    [27, 'keep'],
    [24, 'keep'],
    [23, 'demote'],
    [0, 'demote'],
  ] as const)('%d active days → %s', (activeDays, kind) => {
    expect(evaluateDemotion(facts({ level: 'core', activeDays })).kind).toBe(kind)
  })
  it('demotes one step to 进阶', () => {
    expect(evaluateDemotion(facts({ level: 'core', activeDays: 10 }))).toMatchObject({
      kind: 'demote',
      from: 'core',
      to: 'advanced',
    })
  })
  it('grace protects a fresh 核心', () => {
    expect(
      evaluateDemotion(
        facts({ level: 'core', activeDays: 0, levelSince: new Date(NOW.getTime() - 5 * DAY) }),
      ),
    ).toEqual({ kind: 'keep', why: 'grace' })
  })
})
