import {
  appealProblem,
  chooseStep,
  effectiveSanctionSettings,
  maySanction,
  muteEndsAt,
  nextStep,
  quietHoursEnd,
  speechBlock,
  violationExpiresAt,
  violationState,
  type ViolationRecord,
} from '../../cloudfunctions/core/sanctions'

const NOW = new Date('2026-12-05T04:00:00.000Z') // 12:00 in Shanghai
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000)

function v(
  step: 1 | 2 | 3 | 4,
  createdDaysAgo: number,
  extra: Partial<ViolationRecord> = {},
): ViolationRecord {
  const createdAt = days(-createdDaysAgo)
  return { step, createdAt, expiresAt: violationExpiresAt(createdAt, 180), ...extra }
}

describe('the ladder', () => {
  it('starts at a private warning and climbs one step per live violation, up to removal', () => {
    expect(nextStep([], NOW)).toBe(1)
    expect(nextStep([v(1, 10)], NOW)).toBe(2)
    expect(nextStep([v(1, 10), v(2, 5)], NOW)).toBe(3)
    expect(nextStep([v(1, 10), v(2, 5), v(3, 1)], NOW)).toBe(4)
    expect(nextStep([v(4, 1)], NOW)).toBe(4)
  })

  it('forgets violations after the expiry (default 180 days) and overturned ones', () => {
    expect(effectiveSanctionSettings(null).expiryDays).toBe(180)
    expect(nextStep([v(1, 181), v(2, 179)], NOW)).toBe(3)
    expect(nextStep([v(1, 200), v(2, 181)], NOW)).toBe(1)
    const overturned = v(2, 3, { appeal: { text: '误会', at: days(-2), decision: 'overturned' } })
    expect(nextStep([v(1, 10), overturned], NOW)).toBe(2)
    expect(violationState(overturned, NOW)).toBe('overturned')
    expect(violationState(v(1, 181), NOW)).toBe('expired')
    expect(violationState(v(1, 1), NOW)).toBe('live')
  })

  it('reads the next step from the highest live step, so a skip counts', () => {
    expect(nextStep([v(3, 2)], NOW)).toBe(4)
  })

  it('skips a step only when the owner allows it, and never goes below the next step', () => {
    expect(chooseStep(1, undefined, false)).toEqual({ step: 1 })
    expect(chooseStep(1, 3, false)).toEqual({ problem: expect.stringContaining('没有允许跳级') })
    expect(chooseStep(1, 4, true)).toEqual({ step: 4 })
    expect(chooseStep(3, 2, true)).toEqual({ problem: expect.stringContaining('不能退回') })
  })

  it('lets a member appeal a live violation once', () => {
    expect(appealProblem(v(1, 1), NOW)).toBeNull()
    expect(appealProblem(v(1, 1, { appeal: { text: 'x', at: NOW } }), NOW)).toBe('每条违规只能申诉一次')
    expect(appealProblem(v(1, 181), NOW)).toContain('过期')
  })

  it('never sanctions the owner; only the owner sanctions an admin', () => {
    expect(maySanction('admin', 'owner')).toBe(false)
    expect(maySanction('admin', 'admin')).toBe(false)
    expect(maySanction('owner', 'admin')).toBe(true)
    expect(maySanction('admin', 'organiser')).toBe(true)
  })
})

describe('quiet hours (Asia/Shanghai)', () => {
  const night = { enabled: true, start: '22:00', end: '08:00' }
  const at = (shanghai: string) => new Date(`${shanghai}+08:00`)

  it('closes a window that crosses midnight on both sides of it', () => {
    expect(quietHoursEnd(night, at('2026-12-05T21:59:00'))).toBeNull()
    expect(quietHoursEnd(night, at('2026-12-05T22:00:00'))).toEqual(at('2026-12-06T08:00:00'))
    expect(quietHoursEnd(night, at('2026-12-05T23:30:10'))).toEqual(at('2026-12-06T08:00:00'))
    expect(quietHoursEnd(night, at('2026-12-06T03:15:00'))).toEqual(at('2026-12-06T08:00:00'))
    expect(quietHoursEnd(night, at('2026-12-06T08:00:00'))).toBeNull()
  })

  it('closes a same-day window, and nothing when off or empty', () => {
    const noon = { enabled: true, start: '12:00', end: '14:00' }
    expect(quietHoursEnd(noon, at('2026-12-05T13:00:00'))).toEqual(at('2026-12-05T14:00:00'))
    expect(quietHoursEnd(noon, at('2026-12-05T14:00:00'))).toBeNull()
    expect(quietHoursEnd(noon, at('2026-12-05T11:59:00'))).toBeNull()
    expect(quietHoursEnd({ ...night, enabled: false }, at('2026-12-05T23:00:00'))).toBeNull()
    expect(
      quietHoursEnd({ enabled: true, start: '09:00', end: '09:00' }, at('2026-12-05T09:00:00')),
    ).toBeNull()
  })

  it('says until when a muted member or anyone in quiet hours may speak again', () => {
    const quietOff = { ...night, enabled: false }
    const mutedUntil = muteEndsAt(NOW)
    expect(speechBlock({ mutedUntil, quiet: quietOff, now: NOW })).toEqual({
      reason: 'muted',
      until: mutedUntil,
      message: '你已被禁言，2026-12-06 12:00 后才能发言',
    })
    expect(speechBlock({ mutedUntil, quiet: quietOff, now: mutedUntil })).toBeNull()
    expect(speechBlock({ quiet: night, now: at('2026-12-05T23:00:00') })).toMatchObject({
      reason: 'quiet',
      message: '现在是社群的安静时段（22:00–08:00），2026-12-06 08:00 后可以发言',
    })
  })
})
