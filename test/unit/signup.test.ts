/** Sign-up and attendance rules (core/signup.ts). */
import type { ActivityDoc } from '../../cloudfunctions/core/activities'
import {
  acceptedWindows,
  arrivalState,
  attendRefusal,
  cancelConsequence,
  cancelRefusal,
  codeFromDigest,
  codeWindow,
  signupRefusal,
  windowEnd,
} from '../../cloudfunctions/core/signup'

const START = new Date('2026-12-12T11:00:00.000Z')
const activity = (over: Partial<ActivityDoc> = {}) => ({
  stage: 'published' as ActivityDoc['stage'],
  signupDeadline: new Date('2026-12-12T10:00:00.000Z'),
  minLevel: null as ActivityDoc['minLevel'],
  kind: 'lecture' as ActivityDoc['kind'],
  startAt: START,
  endAt: new Date('2026-12-12T12:00:00.000Z'),
  capacity: 2 as number | null,
  confirmedCount: 0,
  waitlistCount: 0,
  ...over,
})
const before = new Date('2026-12-10T00:00:00.000Z')

describe('signupRefusal', () => {
  it('lets a member sign up to a published activity before its deadline', () => {
    expect(signupRefusal(activity(), 'newcomer', before)).toBeNull()
  })
  it('refuses drafts and cancelled activities', () => {
    expect(signupRefusal(activity({ stage: 'draft' }), 'core', before)?.code).toBe('ACTIVITY_NOT_OPEN')
    expect(signupRefusal(activity({ stage: 'cancelled' }), 'core', before)?.message).toBe('活动已取消')
  })
  it('refuses after the deadline, not at it', () => {
    const a = activity()
    expect(signupRefusal(a, 'core', a.signupDeadline)).toBeNull()
    expect(signupRefusal(a, 'core', new Date(a.signupDeadline.getTime() + 1))?.code).toBe('SIGNUP_CLOSED')
  })
  it('gates by the minimum level', () => {
    const a = activity({ minLevel: 'advanced' })
    expect(signupRefusal(a, 'newcomer', before)).toEqual({
      code: 'SIGNUP_LEVEL_TOO_LOW',
      message: '这个活动需要进阶及以上等级才能报名',
    })
    expect(signupRefusal(a, 'advanced', before)).toBeNull()
    expect(signupRefusal(a, 'core', before)).toBeNull()
  })
  it('offline meet-ups need the offline_activities right (core) even without a minLevel', () => {
    const a = activity({ kind: 'offline' })
    expect(signupRefusal(a, 'advanced', before)?.message).toBe('线下活动仅限核心成员报名')
    expect(signupRefusal(a, 'core', before)).toBeNull()
  })
})

describe('arrivalState', () => {
  it('gives places up to the capacity, then waitlists', () => {
    expect(arrivalState(activity({ confirmedCount: 1 }))).toBe('confirmed')
    expect(arrivalState(activity({ confirmedCount: 2 }))).toBe('waitlisted')
  })
  it('queues behind anyone already waiting, in arrival order', () => {
    expect(arrivalState(activity({ confirmedCount: 1, waitlistCount: 1 }))).toBe('waitlisted')
  })
  it('has no limit without a capacity', () => {
    expect(arrivalState(activity({ capacity: null, confirmedCount: 10_000 }))).toBe('confirmed')
  })
})

describe('cancelling', () => {
  it('is possible until the start', () => {
    expect(cancelRefusal(activity(), before)).toBeNull()
    expect(cancelRefusal(activity(), START)?.code).toBe('SIGNUP_CLOSED')
  })
  it('tells what happens to the place', () => {
    expect(cancelConsequence('confirmed', 3)).toContain('让给候补第一位')
    expect(cancelConsequence('confirmed', 0)).toContain('释放给其他成员')
    expect(cancelConsequence('waitlisted', 3)).toContain('退出候补')
  })
})

describe('the rotating code', () => {
  it('changes every 30 s and accepts the current and the previous window', () => {
    const t = new Date('2026-12-12T11:00:15.000Z')
    const w = codeWindow(t)
    expect(codeWindow(new Date(t.getTime() + 14_999))).toBe(w)
    expect(codeWindow(new Date(t.getTime() + 15_000))).toBe(w + 1)
    expect(acceptedWindows(t)).toEqual([w, w - 1])
    expect(windowEnd(w).toISOString()).toBe('2026-12-12T11:00:30.000Z')
  })
  it('cuts a digest to six digits', () => {
    expect(codeFromDigest(Uint8Array.from([0, 0, 0, 7]))).toBe('000007')
    expect(codeFromDigest(Uint8Array.from([0xff, 0xff, 0xff, 0xff]))).toBe(String(0x7fffffff % 1e6))
  })
})

describe('attendRefusal', () => {
  const confirmed = { state: 'confirmed' as const }
  it('opens an hour before the start and closes two hours after the end', () => {
    const a = activity()
    expect(attendRefusal(a, confirmed, new Date(START.getTime() - 3_600_001))?.code).toBe('ATTEND_CLOSED')
    expect(attendRefusal(a, confirmed, new Date(START.getTime() - 3_600_000))).toBeNull()
    expect(attendRefusal(a, confirmed, new Date(a.endAt.getTime() + 7_200_000))).toBeNull()
    expect(attendRefusal(a, confirmed, new Date(a.endAt.getTime() + 7_200_001))?.code).toBe('ATTEND_CLOSED')
  })
  it('only confirmed sign-ups check in', () => {
    expect(attendRefusal(activity(), { state: 'waitlisted' }, START)?.message).toContain('候补中')
    expect(attendRefusal(activity(), null, START)?.code).toBe('ATTEND_NOT_CONFIRMED')
    expect(attendRefusal(activity({ stage: 'cancelled' }), confirmed, START)?.code).toBe('ACTIVITY_NOT_OPEN')
  })
})
