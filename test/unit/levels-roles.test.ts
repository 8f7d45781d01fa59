import { levelFor, LEVEL_NAMES } from '../../cloudfunctions/core/levels'
import { isStaff } from '../../cloudfunctions/core/rights'
import { roleAllows } from '../../cloudfunctions/core/roles'
import {
  defaultNickname,
  isWellFormedInviteCode,
  memberId,
  normaliseInviteCode,
} from '../../cloudfunctions/core/community'

describe('levels follow the total earned (SPEC §4)', () => {
  it.each([
    [0, 'newcomer'],
    [499, 'newcomer'],
    [500, 'advanced'],
    [1999, 'advanced'],
    [2000, 'core'],
    [99999, 'core'],
  ])('%i points is %s', (points, level) => {
    expect(levelFor(points)).toBe(level)
  })

  it('names levels in Chinese', () => {
    expect([LEVEL_NAMES.newcomer, LEVEL_NAMES.advanced, LEVEL_NAMES.core]).toEqual(['新手', '进阶', '核心'])
  })

  it('honours a community that moved the thresholds', () => {
    expect(levelFor(300, { newcomer: 0, advanced: 300, core: 1000 })).toBe('advanced')
  })
})

describe('roles', () => {
  it('shows the management tab to owners, admins and organisers only', () => {
    expect(['owner', 'admin', 'organiser', 'volunteer', 'member'].map((r) => isStaff(r as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
    expect(isStaff(null)).toBe(false)
  })

  it('lets anyone through "anyone" and only listed roles through a list', () => {
    expect(roleAllows('anyone', null)).toBe(true)
    expect(roleAllows(['owner', 'admin'], 'admin')).toBe(true)
    expect(roleAllows(['owner', 'admin'], 'member')).toBe(false)
    expect(roleAllows(['owner'], undefined)).toBe(false)
  })
})

describe('community helpers', () => {
  it('accepts invite codes case-insensitively but rejects look-alike characters', () => {
    expect(isWellFormedInviteCode(normaliseInviteCode(' qhread '))).toBe(true)
    expect(isWellFormedInviteCode('QH2O26')).toBe(false) // letter O is not in the alphabet
    expect(isWellFormedInviteCode('QHREA')).toBe(false)
  })

  it('derives one membership id per person and community', () => {
    expect(memberId('c1', 'o1')).toBe('c1_o1')
    expect(defaultNickname('oAbcdWXYZ')).toBe('成员WXYZ')
  })
})
