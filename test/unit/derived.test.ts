/** Derived state from its sources (core/derived): what tools/rebuild.ts checks and rewrites. */
import {
  activityDrift,
  activityFromSources,
  memberDrift,
  pointsFromLedger,
  checkinStateDrift,
  streakFromDays,
  streaksFromCheckins,
  type ActivitySources,
} from '../../cloudfunctions/core/derived'
import { HISTORY_IMPORT_SOURCE } from '../../cloudfunctions/core/points'
import { shanghaiDayStart } from '../../cloudfunctions/core/time'
import { memberWeekId } from '../../cloudfunctions/core/value-score'

const C = 'c1'
/** 10:00 Shanghai on a day. */
const at = (day: string, hour = 10) => new Date(shanghaiDayStart(day).getTime() + hour * 3600_000)

describe('points from the ledger', () => {
  it('sums balance and total earned, and folds the period counters in time order', () => {
    const rows = [
      // Given out of order: the fold sorts by time.
      { communityId: C, openid: 'a', delta: 30, earned: 30, createdAt: at('2026-12-01') },
      { communityId: C, openid: 'a', delta: 100, earned: 100, createdAt: at('2026-11-20') },
      { communityId: C, openid: 'a', delta: -50, earned: 0, createdAt: at('2026-12-02') },
      { communityId: C, openid: 'a', delta: 10, earned: 10, createdAt: at('2026-12-03') },
      { communityId: C, openid: 'b', delta: -5, earned: 0, createdAt: at('2026-12-03') },
    ]
    const points = pointsFromLedger(rows)
    expect(points.get(`${C}_a`)).toEqual({
      balance: 90,
      totalEarned: 140,
      // 2026-12-01 is a Tuesday: its week starts on Monday 2026-11-30.
      weekKey: '2026-11-30',
      weekEarned: 40,
      monthKey: '2026-12',
      monthEarned: 40,
      prevMonthKey: '2026-11',
      prevMonthEarned: 100,
    })
    // Spending alone never starts a period.
    expect(points.get(`${C}_b`)).toMatchObject({ balance: -5, totalEarned: 0, weekKey: null, monthKey: null })
  })

  it('keeps imported history out of every week and month', () => {
    const points = pointsFromLedger([
      {
        communityId: C,
        openid: 'a',
        delta: 900,
        earned: 900,
        source: HISTORY_IMPORT_SOURCE,
        createdAt: at('2026-12-01'),
      },
      { communityId: C, openid: 'a', delta: 20, earned: 20, source: 'post:x', createdAt: at('2026-12-02') },
    ])
    expect(points.get(`${C}_a`)).toMatchObject({ totalEarned: 920, weekEarned: 20, monthEarned: 20 })
  })
})

describe('streaks from check-in days', () => {
  it('keeps the runs, the longest, the total and the board fields', () => {
    const s = streakFromDays(['2026-12-01', '2026-12-02', '2026-12-04', '2026-11-20', '2026-12-02'])
    expect(s.state).toEqual({
      runs: [
        { start: '2026-11-20', end: '2026-11-20' },
        { start: '2026-12-01', end: '2026-12-02' },
        { start: '2026-12-04', end: '2026-12-04' },
      ],
      longest: 2,
      total: 4,
    })
    expect({ streak: s.streak, streakDay: s.streakDay }).toEqual({ streak: 1, streakDay: '2026-12-04' })
  })
})

describe('member_activity from its sources', () => {
  const sources: ActivitySources = {
    checkins: [
      {
        _id: 'k1',
        communityId: C,
        openid: 'a',
        dayKey: '2026-12-01',
        note: 'hi',
        createdAt: at('2026-12-01'),
      },
      { _id: 'k2', communityId: C, openid: 'a', dayKey: '2026-12-02', note: '', createdAt: at('2026-12-02') },
      // A make-up: a streak day, but not activity; it completed the challenge.
      {
        _id: 'k3',
        communityId: C,
        openid: 'a',
        dayKey: '2026-11-30',
        madeUp: true,
        createdAt: at('2026-12-03'),
        featured: { at: at('2026-12-08') },
      },
    ],
    likes: [
      { communityId: C, checkinId: 'k1', openid: 'b', createdAt: at('2026-12-07') },
      { communityId: C, checkinId: 'k1', openid: 'a', createdAt: at('2026-12-01') },
    ],
    challengeMembers: [
      {
        communityId: C,
        openid: 'a',
        joinDay: '2026-12-02',
        joinedAt: at('2026-12-02', 9),
        startDay: '2026-11-30',
        endDay: '2026-12-02',
        completedAt: at('2026-12-03'),
      },
    ],
    members: [
      { communityId: C, openid: 'a', joinedAt: at('2026-10-01') },
      { communityId: C, openid: 'b', joinedAt: at('2026-12-01'), invitedBy: 'a' },
      { communityId: C, openid: 'c', joinedAt: at('2026-12-01'), invitedBy: 'gone' },
    ],
    violations: [
      { communityId: C, openid: 'b', createdAt: at('2026-12-02') },
      // Overturned on appeal: no violation.
      { communityId: C, openid: 'b', createdAt: at('2026-12-02'), appeal: { decision: 'overturned' } },
    ],
    attendances: [
      { communityId: C, openid: 'c', attendedAt: at('2026-12-03') },
      // Signed up, never checked in: no activity.
      { communityId: C, openid: 'c', attendedAt: null },
    ],
  }
  const weeks = activityFromSources(sources)

  it('counts an activity in the week the member checked in', () => {
    expect(weeks.get(memberWeekId(C, 'c', '2026-11-30'))?.counts.activities).toBe(1)
  })

  it('counts each source in its week, as the live writes do', () => {
    expect(weeks.get(memberWeekId(C, 'a', '2026-11-30'))?.counts).toMatchObject({
      checkinDays: 2,
      notes: 1,
      // Only 12-02 counts: the member joined that day.
      challengeDays: 1,
      challengeJoins: 1,
      // Completed by a make-up: not counted, as use-makeup-card records no activity.
      challengeCompletions: 0,
      // A self-like is no like received; the member who left invites nobody.
      likesReceived: 0,
      invitesJoined: 1,
    })
    expect(weeks.get(memberWeekId(C, 'a', '2026-12-07'))?.counts).toMatchObject({
      likesReceived: 1,
      featured: 1,
      checkinDays: 0,
    })
    expect(weeks.get(memberWeekId(C, 'b', '2026-11-30'))?.counts.violations).toBe(1)
    expect(weeks.has(memberWeekId(C, 'gone', '2026-11-30'))).toBe(false)
  })

  it('reports drift field by field, reading absent fields as empty', () => {
    const id = memberWeekId(C, 'a', '2026-11-30')
    expect(
      activityDrift(
        id,
        { checkinDays: 2, notes: 1, challengeDays: 1, challengeJoins: 1, invitesJoined: 1 },
        weeks.get(id),
      ),
    ).toEqual([])
    expect(activityDrift(id, { checkinDays: 5 }, weeks.get(id)).map((d) => d.field)).toEqual([
      'checkinDays',
      'notes',
      'challengeJoins',
      'challengeDays',
      'invitesJoined',
    ])
    expect(activityDrift('x', null, undefined)).toEqual([])

    const streak = streaksFromCheckins(sources.checkins).get(`${C}_a`)
    const points = pointsFromLedger([])
    const member = { _id: `${C}_a`, communityId: C, openid: 'a', balance: 0, totalEarned: 0 }
    expect(memberDrift(member, points.get(member._id), streak)).toEqual([
      { collection: 'members', id: `${C}_a`, field: 'streak', stored: null, derived: 3 },
      { collection: 'members', id: `${C}_a`, field: 'streakDay', stored: null, derived: '2026-12-02' },
    ])
    expect(checkinStateDrift('s', { ...streak!.state, activeChallenges: [] }, streak)).toEqual([])
    expect(checkinStateDrift('s', null, undefined)).toEqual([])
    expect(checkinStateDrift('s', null, streak).map((d) => d.field)).toEqual([
      'checkinState.runs',
      'checkinState.longest',
      'checkinState.total',
    ])
  })
})
