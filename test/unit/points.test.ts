/** Points rules (SPEC §3) and level maths (SPEC §4) from core: every rule, every boundary. */
import {
  DEFAULT_POINT_RULES,
  POINT_RULE_KEYS,
  adjustSource,
  cappedAmount,
  earnedPart,
  effectiveRules,
  ledgerId,
  ledgerReason,
  ruleProblems,
  ruleWeights,
  paidTodayUnder,
  withPaidToday,
} from '../../cloudfunctions/core/points'
import {
  LEVEL_RIGHTS,
  REPROMOTION_FRESH_SHARE,
  hasRight,
  levelFor,
  levelProgress,
  levelReached,
  nextLevel,
  previousLevel,
  requiredEarned,
} from '../../cloudfunctions/core/levels'
import { pointsInputs } from '../../cloudfunctions/core/contracts/points'

describe('default rules', () => {
  it('carry the SPEC numbers', () => {
    expect(DEFAULT_POINT_RULES.checkin.points).toBe(5)
    expect(DEFAULT_POINT_RULES.post.points).toBe(20)
    expect(DEFAULT_POINT_RULES.quality.points).toBe(50)
    expect(DEFAULT_POINT_RULES.survey.points).toBe(300)
  })

  it('every default passes its own validation', () => {
    for (const key of POINT_RULE_KEYS) expect(ruleProblems(DEFAULT_POINT_RULES[key])).toBeNull()
  })

  it('effectiveRules lays saved overrides over the defaults, field by field', () => {
    const rules = effectiveRules({ post: { points: 30 }, checkin: { dailyCap: null } })
    expect(rules.post).toEqual({ points: 30, dailyCap: 100, enabled: true })
    expect(rules.checkin).toEqual({ points: 5, dailyCap: null, enabled: true })
    expect(rules.survey).toEqual(DEFAULT_POINT_RULES.survey)
    expect(effectiveRules(null)).toEqual(DEFAULT_POINT_RULES)
  })
})

describe('daily caps', () => {
  it('pays in full under the cap', () => expect(cappedAmount(20, 0, 100)).toBe(20))
  it('pays exactly up to the cap', () => expect(cappedAmount(20, 80, 100)).toBe(20))
  it('pays the remainder when a payment would cross the cap', () =>
    expect(cappedAmount(20, 90, 100)).toBe(10))
  it('pays nothing at the cap', () => expect(cappedAmount(20, 100, 100)).toBe(0))
  it('pays nothing past the cap (a lowered cap)', () => expect(cappedAmount(20, 150, 100)).toBe(0))
  it('has no limit without a cap', () => expect(cappedAmount(300, 10_000, null)).toBe(300))
  it('a cap of 0 pays nothing', () => expect(cappedAmount(5, 0, 0)).toBe(0))

  it('counts what each rule paid on the member, one day at a time', () => {
    const first = withPaidToday(undefined, 'survey', '2026-11-22', 5)
    const both = withPaidToday(first, 'post', '2026-11-22', 20)
    expect(paidTodayUnder(both, 'survey', '2026-11-22')).toBe(5)
    expect(paidTodayUnder(both, 'post', '2026-11-22')).toBe(20)
    expect(paidTodayUnder(both, 'reply', '2026-11-22')).toBe(0)
    // Another day's record counts nothing, and a payment on a new day starts a new record.
    expect(paidTodayUnder(both, 'survey', '2026-11-23')).toBe(0)
    expect(withPaidToday(both, 'post', '2026-11-23', 20)).toEqual({ day: '2026-11-23', paid: { post: 20 } })
  })
})

describe('earnedPart (what counts toward levels)', () => {
  it.each([
    ['earn', 5, 5],
    ['adjust', 30, 30],
    ['adjust', -30, 0],
    ['spend', -100, 0],
    ['refund', 100, 0],
    ['earn', 0, 0],
  ] as const)('%s %d → %d', (kind, delta, earned) => expect(earnedPart(kind, delta)).toBe(earned))
})

describe('ledger ids and reasons', () => {
  it('derive the id from community, member and source only', () => {
    expect(ledgerId('c1', 'o1', 'checkin:2026-11-22')).toBe('c1:o1:checkin:2026-11-22')
    expect(ledgerId('c1', 'o1', adjustSource('req-1234'))).toBe(ledgerId('c1', 'o1', 'adjust:req-1234'))
    expect(ledgerId('c1', 'o1', 'x')).not.toBe(ledgerId('c2', 'o1', 'x'))
  })
  it('reads in Chinese', () => {
    expect(ledgerReason('checkin')).toBe('每日打卡')
    expect(ledgerReason('survey', '读书偏好')).toBe('完成问卷 · 读书偏好')
  })
})

describe('rule validation', () => {
  it.each([
    [{ points: 0, dailyCap: null }, null],
    [{ points: 1000, dailyCap: 1000 }, null],
    [{ points: 5, dailyCap: 5 }, null],
    [{ points: 1001, dailyCap: null }, 'points'],
    [{ points: -1, dailyCap: null }, 'points'],
    [{ points: 2.5, dailyCap: null }, 'points'],
    [{ points: 20, dailyCap: 19 }, 'dailyCap'],
    [{ points: 20, dailyCap: 100_001 }, 'dailyCap'],
  ])('%j → %s', (rule, field) => {
    const problems = ruleProblems(rule)
    if (field === null) expect(problems).toBeNull()
    else expect(Object.keys(problems ?? {})).toEqual([field])
  })

  it('the updateRule schema refuses a cap under the points and unknown rules', () => {
    const ok = { rule: 'post', points: 20, dailyCap: 20, enabled: true }
    expect(pointsInputs.updateRule.safeParse(ok).success).toBe(true)
    expect(pointsInputs.updateRule.safeParse({ ...ok, dailyCap: 19 }).success).toBe(false)
    expect(pointsInputs.updateRule.safeParse({ ...ok, dailyCap: null }).success).toBe(true)
    expect(pointsInputs.updateRule.safeParse({ ...ok, rule: 'bribe' }).success).toBe(false)
    expect(pointsInputs.updateRule.safeParse({ ...ok, points: 1001 }).success).toBe(false)
  })

  it('the adjust schema needs a non-zero whole delta, a 2–100 character reason and a requestId', () => {
    const ok = { memberId: 'c_o', delta: -10, reason: '违规扣分', requestId: 'req-00000001' }
    expect(pointsInputs.adjust.safeParse(ok).success).toBe(true)
    expect(pointsInputs.adjust.safeParse({ ...ok, delta: 0 }).success).toBe(false)
    expect(pointsInputs.adjust.safeParse({ ...ok, delta: 1.5 }).success).toBe(false)
    expect(pointsInputs.adjust.safeParse({ ...ok, reason: '扣' }).success).toBe(false)
    expect(pointsInputs.adjust.safeParse({ ...ok, reason: '  扣  ' }).success).toBe(false)
    expect(pointsInputs.adjust.safeParse({ ...ok, reason: '因'.repeat(100) }).success).toBe(true)
    expect(pointsInputs.adjust.safeParse({ ...ok, reason: '因'.repeat(101) }).success).toBe(false)
    expect(pointsInputs.adjust.safeParse({ ...ok, requestId: undefined }).success).toBe(false)
    expect(pointsInputs.adjust.safeParse({ ...ok, openid: 'o-x' }).success).toBe(false)
  })

  it('make-up card grants are 1–10', () => {
    const ok = { memberId: 'c_o', count: 1, requestId: 'req-00000001' }
    expect(pointsInputs.grantMakeupCards.safeParse(ok).success).toBe(true)
    expect(pointsInputs.grantMakeupCards.safeParse({ ...ok, count: 10 }).success).toBe(true)
    expect(pointsInputs.grantMakeupCards.safeParse({ ...ok, count: 0 }).success).toBe(false)
    expect(pointsInputs.grantMakeupCards.safeParse({ ...ok, count: 11 }).success).toBe(false)
  })
})

describe('levels by total earned', () => {
  it.each([
    [0, 'newcomer'],
    [499, 'newcomer'],
    [500, 'advanced'],
    [1999, 'advanced'],
    [2000, 'core'],
    [99_999, 'core'],
  ] as const)('%d → %s', (total, level) => {
    expect(levelFor(total)).toBe(level)
    expect(levelReached(total, null)).toBe(level)
  })

  it('rights accumulate upwards and are exposed per level', () => {
    expect(hasRight('newcomer', 'basic_materials')).toBe(true)
    expect(hasRight('newcomer', 'priority_qa')).toBe(false)
    expect(hasRight('advanced', 'priority_qa')).toBe(true)
    expect(hasRight('advanced', 'offline_activities')).toBe(false)
    expect(hasRight('core', 'offline_activities')).toBe(true)
    expect(LEVEL_RIGHTS.core).toEqual(['basic_materials', 'priority_qa', 'offline_activities'])
  })

  it('next and previous levels', () => {
    expect(nextLevel('newcomer')).toBe('advanced')
    expect(nextLevel('core')).toBeNull()
    expect(previousLevel('core')).toBe('advanced')
    expect(previousLevel('newcomer')).toBeNull()
  })
})

describe('re-promotion after a demotion needs fresh points', () => {
  const floor = { earned: 800, level: 'newcomer' as const }
  it('uses the 20% share of the threshold', () => expect(REPROMOTION_FRESH_SHARE).toBe(0.2))
  it('进阶 again at floor + 100, not before', () => {
    expect(requiredEarned('advanced', floor)).toBe(900)
    expect(levelReached(899, floor)).toBe('newcomer')
    expect(levelReached(900, floor)).toBe('advanced')
  })
  it('核心 needs at least its threshold and floor + 400', () => {
    expect(requiredEarned('core', floor)).toBe(2000)
    expect(requiredEarned('core', { earned: 1900, level: 'newcomer' })).toBe(2300)
    expect(requiredEarned('core', { earned: 3000, level: 'advanced' })).toBe(3400)
    expect(levelReached(3399, { earned: 3000, level: 'advanced' })).toBe('advanced')
    expect(levelReached(3400, { earned: 3000, level: 'advanced' })).toBe('core')
  })
  it('levels at or below the floor level are unaffected', () => {
    expect(requiredEarned('advanced', { earned: 3000, level: 'advanced' })).toBe(500)
    expect(requiredEarned('newcomer', floor)).toBe(0)
  })
})

describe('progress to the next level', () => {
  it('from the level start to the next threshold', () => {
    expect(levelProgress('newcomer', 0, null)).toEqual({
      level: 'newcomer',
      next: 'advanced',
      nextAt: 500,
      toGo: 500,
      progress: 0,
    })
    expect(levelProgress('newcomer', 250, null).progress).toBeCloseTo(0.5)
    expect(levelProgress('advanced', 1250, null)).toMatchObject({ next: 'core', nextAt: 2000, toGo: 750 })
    expect(levelProgress('advanced', 1250, null).progress).toBeCloseTo(0.5)
  })
  it('is full at the top', () => {
    expect(levelProgress('core', 5000, null)).toEqual({
      level: 'core',
      next: null,
      nextAt: null,
      toGo: 0,
      progress: 1,
    })
  })
  it('after a demotion runs from the floor to floor + fresh points', () => {
    const p = levelProgress('newcomer', 850, { earned: 800, level: 'newcomer' })
    expect(p).toMatchObject({ next: 'advanced', nextAt: 900, toGo: 50 })
    expect(p.progress).toBeCloseTo(0.5)
  })
})

describe('rule weights (the owner sees the economy)', () => {
  const views = POINT_RULE_KEYS.map((key) => ({ key, ...DEFAULT_POINT_RULES[key] }))

  it('measures each paying rule in daily check-ins, heaviest first', () => {
    const weights = ruleWeights(views)
    expect(weights[0]).toMatchObject({ key: 'survey', points: 300, checkins: 60 })
    expect(weights.find((w) => w.key === 'post')).toMatchObject({ points: 20, checkins: 4 })
    // Rules that pay nothing (invite is off, activity is 0 by default) are left out.
    expect(weights.map((w) => w.key)).not.toContain('invite')
    expect(weights.map((w) => w.key)).not.toContain('activity')
  })

  it('has no unit when check-ins pay nothing', () => {
    const off = views.map((v) => (v.key === 'checkin' ? { ...v, enabled: false } : v))
    expect(ruleWeights(off).every((w) => w.checkins === null)).toBe(true)
  })
})
