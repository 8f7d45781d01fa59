/** The 1+3+N team rules (core/team): who may appoint whom, titles, transfer, the owned cap, the advisory. */
import { inviteCodeFrom, isWellFormedInviteCode } from '../../cloudfunctions/core/community'
import {
  MAX_OWNED_COMMUNITIES,
  appointProblem,
  mayOwnAnother,
  staffAdvisory,
  titleProblem,
  transferProblem,
} from '../../cloudfunctions/core/team'
import type { Role } from '../../cloudfunctions/core/roles'

const may = (actor: Role, from: Role, to: Role, self = false) =>
  appointProblem({ actor, from, to, self }) === null

describe('appointProblem', () => {
  it('lets the owner make and unmake admins, organisers and volunteers', () => {
    expect(may('owner', 'member', 'admin')).toBe(true)
    expect(may('owner', 'admin', 'member')).toBe(true)
    expect(may('owner', 'volunteer', 'organiser')).toBe(true)
  })
  it('lets admins appoint and dismiss below admin only', () => {
    expect(may('admin', 'member', 'organiser')).toBe(true)
    expect(may('admin', 'organiser', 'volunteer')).toBe(true)
    expect(may('admin', 'volunteer', 'member')).toBe(true)
    expect(may('admin', 'member', 'admin')).toBe(false)
    expect(may('admin', 'admin', 'member')).toBe(false)
    expect(appointProblem({ actor: 'admin', from: 'member', to: 'admin', self: false })).toMatch('主理人')
  })
  it('refuses everyone else, self-changes, and touching or making the owner', () => {
    for (const actor of ['organiser', 'volunteer', 'member'] as Role[])
      expect(may(actor, 'member', 'volunteer')).toBe(false)
    expect(may('owner', 'owner', 'admin', true)).toBe(false)
    expect(may('admin', 'admin', 'member', true)).toBe(false)
    expect(may('owner', 'admin', 'owner')).toBe(false)
    expect(may('admin', 'owner', 'member')).toBe(false)
  })
})

describe('titles, transfer and the owned cap', () => {
  it('gives titles to organisers only, from the three officers', () => {
    expect(titleProblem('organiser', '数据官')).toBeNull()
    expect(titleProblem('organiser', null)).toBeNull()
    expect(titleProblem('organiser', '队长')).not.toBeNull()
    expect(titleProblem('volunteer', '内容官')).not.toBeNull()
  })
  it('hands ownership only to an admin who may own one more', () => {
    expect(transferProblem({ targetRole: 'admin', self: false, targetOwns: 0 })).toBeNull()
    expect(transferProblem({ targetRole: 'organiser', self: false, targetOwns: 0 })).toMatch('管理员')
    expect(
      transferProblem({ targetRole: 'admin', self: false, targetOwns: MAX_OWNED_COMMUNITIES }),
    ).not.toBeNull()
    expect(transferProblem({ targetRole: 'owner', self: true, targetOwns: 1 })).not.toBeNull()
  })
  it('caps owned communities at MAX_OWNED_COMMUNITIES', () => {
    expect(mayOwnAnother(MAX_OWNED_COMMUNITIES - 1)).toBe(true)
    expect(mayOwnAnother(MAX_OWNED_COMMUNITIES)).toBe(false)
  })
  it('draws well-formed invite codes', () => {
    expect(isWellFormedInviteCode(inviteCodeFrom([0, 1, 2, 30, 31, 255]))).toBe(true)
  })
})

describe('staffAdvisory', () => {
  it('asks for one admin per 100 members, at least one', () => {
    expect(staffAdvisory(5, 0)).toMatchObject({ recommended: 1, status: 'short' })
    expect(staffAdvisory(230, 1)).toMatchObject({ recommended: 3, status: 'short' })
    expect(staffAdvisory(230, 1).message).toContain('还差 2 位')
    expect(staffAdvisory(200, 2)).toMatchObject({ recommended: 2, status: 'ok' })
  })
})
