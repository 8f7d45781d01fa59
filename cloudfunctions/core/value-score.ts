/**
 * The weekly value score (动态评估, SPEC §4): five 0–100 sub-scores from one week's activity
 * counters, weighted into a 0–100 total, a tier, the silent flag and one concrete suggestion.
 * One home for every number here; the job, the explanations and the pages all read it.
 *
 * Sub-scores (each capped at 100; counts are one member's, one Asia/Shanghai Monday–Sunday week).
 * Showing up at all counts most, each further day a little less (first / each further):
 *   frequency     = check-in days 40 / +10 (7 days = 100) + 8 × notes + 8 × square posts + 4 × replies
 *   quality       = likes received (on notes and posts) 25 / +10, at most 70 (6 likes)
 *                   + 50 × featured (精选) notes and posts
 *                   (likes show reach; the top of the range needs an admin's 精选)
 *   participation = challenge days 25 / +10 + 25 × (challenge joins + activities) + 30 × completions
 *   invites       = 50 × invited members who joined                       (2 a week make 100)
 *   violations    = 100 − 50 × violations (never below 0: one costs half, two cost all)
 * total = Σ weight × sub-score, weights 30/25/20/15/10 %, rounded to one decimal.
 *
 * Calibration (SPEC's healthy community: core 5–8 %, active 15–20 %, normal 60–70 %, silent 10–15 %,
 * so an ordinary engaged member must land in 普通, not at its edge). A clean record gives everyone
 * 10 and invites are rare, so the other 40–50 points of a 普通 week come from the three activity
 * dimensions at roughly half of their range. Targets, asserted in test/unit/value-score.test.ts:
 *   - idle week: 10 (观察); 1–3 check-in days and nothing else: 22–28 (观察)
 *   - every day, nothing else: exactly 40, 普通's floor (showing up daily is being around)
 *   - typical engaged (2–4 check-in days, 1 note, 2–4 likes received, 2–4 challenge days): 43–58,
 *     3/1/3/3 ≈ 51 (普通)
 *   - strongly engaged (6 days, 2 notes, 6 likes, 6 challenge days): ≈ 74 (活跃)
 *   - every day, many notes and likes, no activity at all: 57.5 (普通: maxing one side is not 活跃)
 *   - exceptional (every day, a featured note, a full challenge week, or an invite on top): > 80 (核心)
 * The front-loaded steps keep the typical band narrow: doubling 2 → 4 days moves the total by 15,
 * not 30, so 普通 is wide and 核心 needs all-round activity, not one maxed counter.
 * A later source (activities, the violation ladder) adds to its counter; the formulas stay here.
 */
import { DAY_MS } from './time'

export const DIMENSIONS = ['frequency', 'quality', 'participation', 'invites', 'violations'] as const
export type Dimension = (typeof DIMENSIONS)[number]

/** SPEC weights in percent (sum 100). */
export const DIMENSION_WEIGHTS: Record<Dimension, number> = {
  frequency: 30,
  quality: 25,
  participation: 20,
  invites: 15,
  violations: 10,
}

export const DIMENSION_NAMES: Record<Dimension, string> = {
  frequency: '发言频率',
  quality: '内容质量',
  participation: '活动参与',
  invites: '邀请新人',
  violations: '违规记录',
}

/** One member's counters for one week (`member_activity` docs). Missing counters are 0. */
export const ACTIVITY_COUNTERS = [
  'checkinDays',
  'notes',
  'likesReceived',
  'featured',
  'challengeJoins',
  'challengeDays',
  'challengeCompletions',
  'activities',
  'invitesJoined',
  'violations',
  // The square (issue 13): posts and replies written in the week.
  'posts',
  'replies',
] as const
export type ActivityCounter = (typeof ACTIVITY_COUNTERS)[number]
export type ActivityCounts = Record<ActivityCounter, number>

export function emptyCounts(): ActivityCounts {
  const counts = {} as ActivityCounts
  for (const key of ACTIVITY_COUNTERS) counts[key] = 0
  return counts
}

/** Counters from a stored doc (absent or malformed fields are 0). */
export function countsOf(doc: Partial<Record<ActivityCounter, unknown>> | null | undefined): ActivityCounts {
  const counts = emptyCounts()
  for (const key of ACTIVITY_COUNTERS) {
    const value = doc?.[key]
    counts[key] = typeof value === 'number' && value > 0 ? value : 0
  }
  return counts
}

/** Points per unit in each formula (the comment at the top is the same table in words). */
export const SCORE_UNITS = {
  firstCheckinDay: 40,
  checkinDay: 10,
  note: 8,
  post: 8,
  reply: 4,
  firstLike: 25,
  like: 10,
  likesMax: 70,
  featured: 50,
  firstChallengeDay: 25,
  challengeDay: 10,
  join: 25,
  completion: 30,
  invite: 50,
  violation: 50,
} as const

const cap = (n: number): number => Math.max(0, Math.min(100, n))

/** `first` for the first unit, `each` for every further one (0 for none). */
export function ramp(n: number, first: number, each: number): number {
  return n > 0 ? first + each * (n - 1) : 0
}

export function subScores(c: ActivityCounts): Record<Dimension, number> {
  const u = SCORE_UNITS
  return {
    frequency: cap(
      ramp(c.checkinDays, u.firstCheckinDay, u.checkinDay) +
        u.note * c.notes +
        u.post * c.posts +
        u.reply * c.replies,
    ),
    quality: cap(Math.min(u.likesMax, ramp(c.likesReceived, u.firstLike, u.like)) + u.featured * c.featured),
    participation: cap(
      ramp(c.challengeDays, u.firstChallengeDay, u.challengeDay) +
        u.join * (c.challengeJoins + c.activities) +
        u.completion * c.challengeCompletions,
    ),
    invites: cap(u.invite * c.invitesJoined),
    violations: cap(100 - u.violation * c.violations),
  }
}

/** Σ weight × sub-score, one decimal. Integer maths first, so 80 is exactly 80. */
export function weightedTotal(parts: Record<Dimension, number>): number {
  let sum = 0
  for (const d of DIMENSIONS) sum += DIMENSION_WEIGHTS[d] * parts[d]
  return Math.round(sum / 10) / 10
}

export const TIERS = ['core', 'active', 'normal', 'watch'] as const
export type Tier = (typeof TIERS)[number]

export const TIER_NAMES: Record<Tier, string> = {
  core: '核心',
  active: '活跃',
  normal: '普通',
  watch: '观察',
}

/**
 * What members see of their own tier. The staff names (SPEC's 核心池 … 观察名单) would tell a member
 * they are "under watch", and 核心 is also the top level (新手/进阶/核心): these say where they stand, kindly.
 */
export const MEMBER_TIER_NAMES: Record<Tier, string> = {
  core: '闪耀',
  active: '活跃',
  normal: '稳步',
  watch: '蓄力',
}

/** Whose eyes a score view is for: the member's own (kind names) or staff's (SPEC's names). */
export type TierAudience = 'self' | 'staff'

export function tierNamesFor(audience: TierAudience): Record<Tier, string> {
  return audience === 'self' ? MEMBER_TIER_NAMES : TIER_NAMES
}

/** 核心 >80, 活跃 60–80, 普通 40–60, 观察 <40 (a boundary value belongs to the higher of the two ranges below 80). */
export function tierFor(total: number): Tier {
  if (total > 80) return 'core'
  if (total >= 60) return 'active'
  if (total >= 40) return 'normal'
  return 'watch'
}

/** Silent: no recorded activity (check-in, note, like, challenge, invite) for 3 months (90 days). */
export const SILENT_AFTER_DAYS = 90

export function isSilent(lastActiveAt: Date | null, joinedAt: Date, asOf: Date): boolean {
  const last = Math.max(lastActiveAt ? lastActiveAt.getTime() : 0, joinedAt.getTime())
  return asOf.getTime() - last >= SILENT_AFTER_DAYS * DAY_MS
}

/** A wake-up (私聊唤醒) goes to one member at most once in this many days. */
export const WAKE_UP_INTERVAL_DAYS = 30

export function canWakeUp(lastWakeUpAt: Date | null, now: Date): boolean {
  return !lastWakeUpAt || now.getTime() - lastWakeUpAt.getTime() >= WAKE_UP_INTERVAL_DAYS * DAY_MS
}

/** SPEC's healthy distribution, percent of members; 观察 has no band of its own. */
export type DistributionGroup = Tier | 'silent'
export const HEALTHY_BANDS: Partial<Record<DistributionGroup, [number, number]>> = {
  core: [5, 8],
  active: [15, 20],
  normal: [60, 70],
  silent: [10, 15],
}

export function withinBand(group: DistributionGroup, percent: number): boolean | null {
  const band = HEALTHY_BANDS[group]
  return band ? percent >= band[0] && percent <= band[1] : null
}

export interface ScoreBreakdown {
  total: number
  tier: Tier
  parts: Record<Dimension, number>
  /** What each dimension added to the total (weight × sub-score, one decimal). */
  contributions: Record<Dimension, number>
  suggestion: Suggestion
}

export interface Suggestion {
  dimension: Dimension | null
  /** Chinese, concrete: what to do and what it adds. */
  text: string
  /** The total it would add (one decimal). */
  gain: number
}

/** A whole week to come: the default for advice about a week that is over (it applies to the next). */
export const FULL_WEEK = 7

/**
 * The days of the Asia/Shanghai week of `now` on which the member can still check in: today (unless
 * already checked in) and the days up to Sunday. Advice never asks for more days than this.
 */
export function checkinDaysOpen(now: Date, checkedInToday: boolean): number {
  const weekday = new Date(now.getTime() + 8 * 3_600_000).getUTCDay() // 0 Sunday … 6 Saturday (Shanghai)
  const throughSunday = 7 - ((weekday + 6) % 7)
  return throughSunday - (checkedInToday ? 1 : 0)
}

export function scoreOf(counts: ActivityCounts, daysOpen = FULL_WEEK): ScoreBreakdown {
  const parts = subScores(counts)
  const contributions = {} as Record<Dimension, number>
  for (const d of DIMENSIONS) contributions[d] = Math.round(DIMENSION_WEIGHTS[d] * parts[d]) / 100
  const total = weightedTotal(parts)
  return { total, tier: tierFor(total), parts, contributions, suggestion: suggest(counts, daysOpen) }
}

const oneDecimal = (n: number): number => Math.round(n * 10) / 10

/**
 * One concrete step, for the dimension with a gap (sub-score below 100) where that step adds the
 * most to the weighted total; ties go to the earlier (heavier) dimension. Steps that need check-ins
 * fit in `daysOpen`, the days left this week to check in (see checkinDaysOpen).
 */
export function suggest(counts: ActivityCounts, daysOpen = FULL_WEEK): Suggestion {
  const parts = subScores(counts)
  let best: Suggestion = { dimension: null, text: '五项都拿满了，保持这个节奏！', gain: 0 }
  for (const d of DIMENSIONS) {
    if (parts[d] >= 100) continue
    const step = stepFor(d, counts, daysOpen)
    if (!step) continue
    const subGain = subScores({ ...counts, ...step.counts })[d] - parts[d]
    const gain = oneDecimal((DIMENSION_WEIGHTS[d] * subGain) / 100)
    if (gain > best.gain)
      best = {
        dimension: d,
        text: `${step.text}，${DIMENSION_NAMES[d]}分可加 ${subGain} 分（总分约 +${gain}）`,
        gain,
      }
  }
  return best
}

/** The fewest more units of `key` (up to `most`) that fill dimension `d`, or `most` if none do. */
function unitsToFill(d: Dimension, c: ActivityCounts, key: ActivityCounter, most: number): number {
  for (let k = 1; k < most; k++) if (subScores({ ...c, [key]: c[key] + k })[d] >= 100) return k
  return most
}

type Step = { text: string; counts: Partial<ActivityCounts> }

/** The step for dimension `d`, or null when none fits in the days left (`daysOpen`). */
function stepFor(d: Dimension, c: ActivityCounts, daysOpen: number): Step | null {
  switch (d) {
    case 'frequency': {
      const left = Math.min(7 - Math.min(c.checkinDays, 7), daysOpen)
      if (left > 0) {
        const days = unitsToFill(d, c, 'checkinDays', left)
        return { text: `本周再打卡 ${days} 天`, counts: { checkinDays: c.checkinDays + days } }
      }
      // Every day of a week ahead already counted: only notes can add (advice for the next week).
      if (daysOpen < FULL_WEEK) return null
      const notes = unitsToFill(d, c, 'notes', 13)
      return { text: `打卡时写 ${notes} 篇日记`, counts: { notes: c.notes + notes } }
    }
    case 'quality':
      // Both steps start with a note, written with a check-in.
      if (daysOpen < 1) return null
      // Likes count up to their ceiling; beyond it only a featured note (精选) adds.
      if (ramp(c.likesReceived, SCORE_UNITS.firstLike, SCORE_UNITS.like) >= SCORE_UNITS.likesMax)
        return { text: '写一篇用心的读书日记，争取被设为精选', counts: { featured: c.featured + 1 } }
      return { text: '写一篇用心的打卡日记并收到 3 个赞', counts: { likesReceived: c.likesReceived + 3 } }
    case 'participation': {
      // Already in a challenge this week: keep at it; otherwise join one.
      if (daysOpen < 1) return null
      if (c.challengeDays > 0 && c.challengeDays < 7) {
        const days = unitsToFill(d, c, 'challengeDays', Math.min(7 - c.challengeDays, daysOpen))
        return { text: `挑战打卡再坚持 ${days} 天`, counts: { challengeDays: c.challengeDays + days } }
      }
      const days = Math.min(3, daysOpen)
      return {
        text: `参加一个打卡挑战并坚持 ${days} 天`,
        counts: { challengeJoins: c.challengeJoins + 1, challengeDays: c.challengeDays + days },
      }
    }
    case 'invites':
      return { text: '邀请 1 位朋友入群', counts: { invitesJoined: c.invitesJoined + 1 } }
    case 'violations':
      return { text: '遵守群规，下周保持零违规', counts: { violations: 0 } }
  }
}

/** `member_activity` / `value_scores` ids: one doc per member per week. */
export function memberWeekId(communityId: string, openid: string, weekKey: string): string {
  return `${communityId}:${openid}:${weekKey}`
}

/** `score_distributions` id: one doc per community per week. */
export function distributionId(communityId: string, weekKey: string): string {
  return `${communityId}:${weekKey}`
}

/** A member's week, explained: each dimension's score, its weighted part and what it rests on. */
/** The counters behind each dimension, in words. */
export function basisOf(d: Dimension, c: ActivityCounts): string {
  switch (d) {
    case 'frequency':
      return `打卡 ${c.checkinDays} 天 · 日记 ${c.notes} 篇 · 帖子 ${c.posts} 篇 · 回复 ${c.replies} 条`
    case 'quality':
      return `收到 ${c.likesReceived} 个赞 · 精选 ${c.featured} 篇`
    case 'participation':
      return `参加挑战 ${c.challengeJoins} 次 · 挑战打卡 ${c.challengeDays} 天 · 完成 ${c.challengeCompletions} 个 · 活动 ${c.activities} 次`
    case 'invites':
      return `邀请入群 ${c.invitesJoined} 人`
    case 'violations':
      return c.violations ? `违规 ${c.violations} 次` : '无违规'
  }
}

export function explain(
  weekKey: string,
  counts: ActivityCounts,
  silent: boolean,
  daysOpen = FULL_WEEK,
  audience: TierAudience = 'staff',
) {
  // The return type is inferred, not imported: core/contracts/score.ts builds on this module (its
  // ScoreExplanation must accept what this returns), and an import back would close a cycle.
  const score = scoreOf(counts, daysOpen)
  return {
    weekKey,
    total: score.total,
    tier: score.tier,
    tierName: tierNamesFor(audience)[score.tier],
    silent,
    parts: DIMENSIONS.map((d) => ({
      key: d,
      name: DIMENSION_NAMES[d],
      weight: DIMENSION_WEIGHTS[d],
      score: score.parts[d],
      contribution: score.contributions[d],
      basis: basisOf(d, counts),
    })),
    suggestion: score.suggestion.text,
    inputs: counts,
  }
}
