/** The SOP autopilot's rules: due logic, the timer's decisions, the review's figures and comparison. */
import { timelineFor, type TaskDoc } from '../../cloudfunctions/core/activities'
import {
  autoDecision,
  buildReview,
  compareWithPrevious,
  endOfToday,
  reachFigures,
  reminderCounts,
  reminderResult,
  reviewFigures,
  taskStatus,
  thanksResult,
} from '../../cloudfunctions/core/review'

const start = new Date('2026-12-12T12:00:00.000Z') // 20:00 in Shanghai
const activity = {
  _id: 'a1',
  communityId: 'c1',
  title: '周五吐槽大会',
  kind: 'interaction' as const,
  size: 'small' as const,
  startAt: start,
  endAt: new Date(start.getTime() + 3_600_000),
  ownerOpenid: 'o1',
  stage: 'published' as const,
}
const tasks = timelineFor(activity)
const task = (step: TaskDoc['step']) => tasks.find((t) => t.step === step)!
const at = (ms: number) => new Date(start.getTime() + ms)
const H = 3_600_000
const D = 86_400_000

describe('SOP due logic', () => {
  it('a task is upcoming before its time, due on its day and overdue after its day', () => {
    const plan = task('plan') // T−7d, 2026-12-05 20:00 Shanghai
    expect(taskStatus(plan, at(-7 * D - 1))).toBe('upcoming')
    expect(taskStatus(plan, at(-7 * D))).toBe('due')
    expect(taskStatus(plan, at(-7 * D + 3 * H + 59 * 60_000))).toBe('due') // 23:59 the same day
    expect(taskStatus(plan, at(-7 * D + 4 * H))).toBe('overdue') // 00:00 the next day
    expect(taskStatus({ ...plan, state: 'done' }, at(0))).toBe('done')
    expect(taskStatus({ ...plan, state: 'skipped' }, at(0))).toBe('skipped')
  })

  it('today ends at the next Shanghai midnight', () => {
    expect(endOfToday(new Date('2026-12-05T15:59:00.000Z')).toISOString()).toBe('2026-12-05T16:00:00.000Z')
    expect(endOfToday(new Date('2026-12-05T16:00:00.000Z')).toISOString()).toBe('2026-12-06T16:00:00.000Z')
  })

  it('the timer runs an auto step once due, never a manual one, and drops a cancelled activity', () => {
    expect(autoDecision(task('remind'), activity, at(-H - 1))).toBeNull()
    expect(autoDecision(task('remind'), activity, at(-H))).toEqual({ run: true })
    expect(autoDecision(task('warmup'), activity, at(0))).toBeNull()
    expect(autoDecision({ ...task('thanks'), state: 'done' }, activity, at(3 * H))).toBeNull()
    expect(autoDecision(task('thanks'), { ...activity, stage: 'cancelled' }, at(3 * H))).toEqual({
      run: false,
      state: 'cancelled',
      result: '活动已取消',
    })
    expect(autoDecision(task('review'), null, at(2 * D))).toMatchObject({ state: 'cancelled' })
    // A reminder the timer reaches only after the end is skipped, not sent late.
    expect(autoDecision(task('remind'), activity, at(H))).toEqual({
      run: false,
      state: 'skipped',
      result: '活动已结束，未发送提醒',
    })
    expect(autoDecision(task('review'), { ...activity, stage: 'finished' }, at(D))).toEqual({ run: true })
  })
})

describe('reminder counts', () => {
  it('the rest of the confirmed sign-ups failed; the result line names what happened', () => {
    const c = reminderCounts(45, 40, 3)
    expect(c).toEqual({ sent: 40, notSubscribed: 3, failed: 2 })
    expect(reminderResult(c)).toBe('已提醒 40 人，3 人未订阅，2 人发送失败')
    expect(reminderResult(reminderCounts(10, 10, 0))).toBe('已提醒 10 人')
    expect(thanksResult(7)).toBe('已向 7 位到场成员致谢')
    expect(thanksResult(0)).toBe('无人到场，未发送感谢')
  })
})

describe('the review', () => {
  const counts = {
    signups: 60,
    confirmed: 40,
    waitlisted: 12,
    cancelled: 8,
    attended: 30,
    newMembers: 4,
    pointsPaid: 290,
    reminders: { sent: 38, notSubscribed: 2, failed: 0 },
    warmupReachPercent: 85,
  }

  it('attendance rate, no-shows and the reminder figures', () => {
    expect(reviewFigures(counts)).toEqual({
      signups: 60,
      confirmed: 40,
      waitlisted: 12,
      cancelled: 8,
      attended: 30,
      attendanceRate: 0.75,
      noShows: 10,
      newMembers: 4,
      pointsPaid: 290,
      reminded: 38,
      notSubscribed: 2,
      reminderFailed: 0,
    })
    const empty = reviewFigures({ ...counts, confirmed: 0, attended: 0, reminders: null })
    expect(empty).toMatchObject({ attendanceRate: 0, noShows: 0, reminded: 0, notSubscribed: 0 })
  })

  it('reach targets beside the actual figures', () => {
    expect(reachFigures(counts.reminders, 85)).toEqual([
      { key: 'warmupReach', name: '预热触达率', target: 0.8, actual: 0.85, met: true },
      { key: 'reminderAccuracy', name: '提醒准确率', target: 0.95, actual: 0.95, met: true },
    ])
    const missed = reachFigures({ sent: 9, notSubscribed: 1, failed: 1 }, null)
    expect(missed[0]).toMatchObject({ actual: null, met: null })
    expect(missed[1]).toMatchObject({ actual: 0.818, met: false })
    expect(reachFigures(null, 70)[1]).toMatchObject({ actual: null, met: null })
    expect(reachFigures(null, 70)[0]).toMatchObject({ actual: 0.7, met: false })
  })

  it('compares with the average of the last five of the same kind', () => {
    const prev = (signups: number, attended: number, newMembers: number) => ({
      figures: reviewFigures({ ...counts, signups, confirmed: signups, attended, newMembers }),
    })
    const current = reviewFigures(counts)
    expect(compareWithPrevious(current, [])).toBeNull()
    const comparison = compareWithPrevious(current, [
      prev(40, 20, 2),
      prev(60, 30, 4),
      prev(50, 25, 0),
      prev(50, 40, 2),
      prev(50, 35, 2),
      prev(1000, 1000, 1000), // the sixth is beyond the window
    ])!
    expect(comparison.count).toBe(5)
    expect(comparison.figures).toEqual([
      { key: 'signups', name: '报名人数', current: 60, average: 50, delta: 10 },
      { key: 'attended', name: '到场人数', current: 30, average: 30, delta: 0 },
      // 0.5, 0.5, 0.5, 0.8, 0.7 → 0.6
      { key: 'attendanceRate', name: '到场率', current: 0.75, average: 0.6, delta: 0.15 },
      { key: 'newMembers', name: '带来新成员', current: 4, average: 2, delta: 2 },
    ])
  })

  it('builds the review doc for the activity', () => {
    const now = at(D)
    const review = buildReview({ ...counts, activity, survey: null, previous: [] }, now)
    expect(review).toMatchObject({
      _id: 'a1',
      activityId: 'a1',
      communityId: 'c1',
      kind: 'interaction',
      title: '周五吐槽大会',
      comparison: null,
      survey: null,
      createdAt: now,
    })
    expect(review.figures.attendanceRate).toBe(0.75)
    expect(review.reach.map((r) => r.met)).toEqual([true, true])
  })
})
