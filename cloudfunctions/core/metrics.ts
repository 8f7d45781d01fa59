/**
 * The health dashboard's rules (SPEC §9, seed 002's four layers): the daily figures the nightly job
 * keeps (`metrics_daily`), every metric's formula written ONCE with the one line of Chinese shown under
 * its figure, SPEC's bands, the alert rules (raised once per episode, resolved on recovery) and the
 * table of plays, each linked to the tool that carries it out. Pure: history in, figures out; no clock.
 */
import type { ActivityKind, ActivitySize } from './activities'
import { CONTENT_CATEGORIES, contentMix, type ContentCategory } from './square'
import { addDays, shanghaiDayKey, shanghaiDayStart, weekdayOf } from './time'
import { TIERS, TIER_NAMES, type Tier } from './value-score'

// ── Collection: one community's figures of one Asia/Shanghai day ────────────────────────────────

/** What the nightly job counts for a day (`metrics_daily/<communityId>_<day>`), at the day's end. */
export interface DailyFigures {
  communityId: string
  day: string
  /** Members at the end of the day (the community's memberCount). */
  members: number
  joined: number
  left: number
  removed: number
  /** Members whose lastActiveAt falls in the day. */
  dau: number
  /** Members whose lastActiveAt falls in the 30 days ending with the day. */
  mau: number
  checkins: number
  posts: number
  replies: number
  /** Members whose lastPostAt falls in the day. */
  posters: number
  /** Members whose lastPostAt falls in the 30 days ending with the day. */
  posters30: number
  surveyCompletions: number
  redemptions: number
  signups: number
  attendance: number
  /** The day's posts by category (the 3:5:2 mix). */
  mix: Record<ContentCategory, number>
  /** Members who joined more than 30 days before the day's end, and of those, the ones active in the 30 days. */
  base30: number
  retained30: number
  /** DAU among members who joined in the last 30 days (the newest), the rest is the old. */
  dauNew: number
  dauByTier: Record<Tier, number>
  dauByGroup: Record<string, number>
  /** Set on a Sunday: the join week ending 7 days before (7-day) and 28 days before (30-day) it. */
  cohort7?: CohortFigure | null
  cohort30?: CohortFigure | null
}

/** A join-week cohort: its size and how many of them were active in the week measured. */
export interface CohortFigure {
  /** The cohort's Monday. */
  week: string
  size: number
  retained: number
}

/** The figures of a day counted straight from source rows, so the rebuild tool can check and rewrite them. */
export const REBUILDABLE_FIELDS = [
  'joined',
  'left',
  'removed',
  'checkins',
  'posts',
  'replies',
  'surveyCompletions',
  'redemptions',
  'signups',
  'attendance',
] as const
export type RebuildableField = (typeof REBUILDABLE_FIELDS)[number]

export function metricsDayId(communityId: string, day: string): string {
  return `${communityId}_${day}`
}

export function emptyFigures(communityId: string, day: string): DailyFigures {
  return {
    communityId,
    day,
    members: 0,
    joined: 0,
    left: 0,
    removed: 0,
    dau: 0,
    mau: 0,
    checkins: 0,
    posts: 0,
    replies: 0,
    posters: 0,
    posters30: 0,
    surveyCompletions: 0,
    redemptions: 0,
    signups: 0,
    attendance: 0,
    mix: { practical: 0, interaction: 0, life: 0 },
    base30: 0,
    retained30: 0,
    dauNew: 0,
    dauByTier: { core: 0, active: 0, normal: 0, watch: 0 },
    dauByGroup: {},
  }
}

/**
 * The windows the nightly job counts for `day` (Asia/Shanghai): [start, end) instants. A cohort is
 * measured on a Sunday: the join week that ended 7 days earlier (active in the week after it) and the
 * one that ended 28 days earlier (active in the 4th week after it).
 */
export function dayWindows(day: string) {
  const start = shanghaiDayStart(day)
  const end = shanghaiDayStart(addDays(day, 1))
  const since30 = shanghaiDayStart(addDays(day, -29))
  const sunday = weekdayOf(day) === 0
  const cohort = (weeksBack: number) => {
    const monday = addDays(day, -6 - 7 * weeksBack)
    return {
      week: monday,
      joinedFrom: shanghaiDayStart(monday),
      joinedTo: shanghaiDayStart(addDays(monday, 7)),
      activeFrom: shanghaiDayStart(addDays(day, -6)),
    }
  }
  return { start, end, since30, cohort7: sunday ? cohort(1) : null, cohort30: sunday ? cohort(4) : null }
}

/** Days of figures the dashboard reads: 30 days of trend, each looking back up to 30 days. */
export const DASHBOARD_READ_DAYS = 60

// ── Metrics: formula once, with its one line ─────────────────────────────────────────────────────

export type Band = 'warning' | 'target' | 'excellent'
export const BAND_NAMES: Record<Band, string> = { warning: '警戒', target: '达标', excellent: '优秀' }

export const METRIC_KEYS = [
  'dailyActiveRate',
  'monthlyRetention',
  'postingShare',
  'churn',
  'dauMau',
  'retention7',
  'retention30',
  'checkinRate',
  'surveyCompletion',
  'postsPerDay',
  'contentMix',
] as const
export type MetricKey = (typeof METRIC_KEYS)[number]

/** The metrics whose warning band raises an alert (SPEC's table of health bands). */
export const ALERTING_METRICS: readonly MetricKey[] = [
  'dailyActiveRate',
  'monthlyRetention',
  'postingShare',
  'churn',
]

interface MetricDef {
  name: string
  /** The formula in one line, shown under the figure. */
  formula: string
  unit: '%' | '条' | ''
  /** Days of history the metric needs before it means anything. */
  minDays: number
  /** The value at the last day of `h` (history in day order), or null without enough data. */
  value(h: DailyFigures[]): number | null
  band(v: number): Band | null
  /** The band's bounds in words, for the legend. */
  bands: string
}

const pct = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 1000) / 10 : null)
const last = (h: DailyFigures[]) => h[h.length - 1]
const lastN = (h: DailyFigures[], n: number) => h.slice(Math.max(0, h.length - n))
const sum = (rows: DailyFigures[], f: (d: DailyFigures) => number) => rows.reduce((s, d) => s + f(d), 0)
const latestCohort = (h: DailyFigures[], key: 'cohort7' | 'cohort30') => {
  for (let i = h.length - 1; i >= 0; i--) if (h[i][key]) return h[i][key] as CohortFigure
  return null
}

/** Low < a, a ≤ target ≤ b, > b excellent (a boundary belongs to the target band). */
const threeBands = (a: number, b: number) => (v: number) =>
  v < a ? 'warning' : v > b ? 'excellent' : 'target'

export const METRICS: Record<MetricKey, MetricDef> = {
  dailyActiveRate: {
    name: '日活跃率',
    formula: '当天有任何动作的成员 ÷ 当天成员总数',
    unit: '%',
    minDays: 1,
    value: (h) => pct(last(h).dau, last(h).members),
    band: threeBands(15, 25),
    bands: '<15% 警戒 · 15–25% 达标 · >25% 优秀',
  },
  monthlyRetention: {
    name: '月留存率',
    formula: '加入满 30 天的成员中，近 30 天仍有动作的比例',
    unit: '%',
    minDays: 30,
    value: (h) => pct(last(h).retained30, last(h).base30),
    band: threeBands(30, 50),
    bands: '<30% 警戒 · 30–50% 达标 · >50% 优秀',
  },
  postingShare: {
    name: '发言人数比',
    formula: '近 30 天发过帖或回复的成员 ÷ 成员总数',
    unit: '%',
    minDays: 7,
    value: (h) => pct(last(h).posters30, last(h).members),
    band: threeBands(20, 35),
    bands: '<20% 警戒 · 20–35% 达标 · >35% 优秀',
  },
  churn: {
    name: '退群率',
    formula: '近 30 天退出和被移出的人数 ÷ 30 天前的成员数',
    unit: '%',
    minDays: 7,
    value: (h) => {
      const window = lastN(h, 30)
      const gone = sum(window, (d) => d.left + d.removed)
      const before = window[0].members - window[0].joined + window[0].left + window[0].removed
      return pct(gone, Math.max(before, 1))
    },
    band: (v) => (v > 8 ? 'warning' : 'target'),
    bands: '>8% 警戒',
  },
  dauMau: {
    name: 'DAU/MAU',
    formula: '当天活跃人数 ÷ 近 30 天活跃人数（黏性）',
    unit: '%',
    minDays: 1,
    value: (h) => pct(last(h).dau, last(h).mau),
    band: () => null,
    bands: '越高越黏',
  },
  retention7: {
    name: '7 日留存',
    formula: '最近一个满 7 天的入群周：下一周仍有动作的人数 ÷ 该周入群人数',
    unit: '%',
    minDays: 14,
    value: (h) => {
      const c = latestCohort(h, 'cohort7')
      return c ? pct(c.retained, c.size) : null
    },
    band: () => null,
    bands: '按入群周分组',
  },
  retention30: {
    name: '30 日留存',
    formula: '最近一个满 30 天的入群周：第 4 周后仍有动作的人数 ÷ 该周入群人数',
    unit: '%',
    minDays: 35,
    value: (h) => {
      const c = latestCohort(h, 'cohort30')
      return c ? pct(c.retained, c.size) : null
    },
    band: () => null,
    bands: '按入群周分组',
  },
  checkinRate: {
    name: '打卡率',
    formula: '当天打卡人数 ÷ 当天成员总数',
    unit: '%',
    minDays: 1,
    value: (h) => pct(last(h).checkins, last(h).members),
    band: () => null,
    bands: '',
  },
  surveyCompletion: {
    name: '问卷完成',
    formula: '近 30 天提交的问卷份数 ÷ 成员总数',
    unit: '%',
    minDays: 1,
    value: (h) =>
      pct(
        sum(lastN(h, 30), (d) => d.surveyCompletions),
        last(h).members,
      ),
    band: () => null,
    bands: '',
  },
  postsPerDay: {
    name: '日均内容',
    formula: '近 7 天帖子与回复条数 ÷ 7（≥50 条为健康）',
    unit: '条',
    minDays: 1,
    value: (h) => {
      const week = lastN(h, 7)
      return Math.round((sum(week, (d) => d.posts + d.replies) / week.length) * 10) / 10
    },
    band: (v) => (v >= 50 ? 'target' : 'warning'),
    bands: '≥50 条健康',
  },
  contentMix: {
    name: '内容结构',
    formula: '近 7 天干货:互动:生活 与 3:5:2 的最大偏差',
    unit: '%',
    minDays: 1,
    value: (h) => {
      const mix = weekMix(h)
      return mix.total ? Math.round(mix.distance * 1000) / 10 : null
    },
    band: (v) => (v <= 10 ? 'target' : 'warning'),
    bands: '偏差 ≤10% 达标',
  },
}

/** The last 7 days' content mix (core/square's one calculation). */
export function weekMix(h: DailyFigures[]) {
  const counts = Object.fromEntries(CONTENT_CATEGORIES.map((c) => [c, 0])) as Record<ContentCategory, number>
  for (const d of lastN(h, 7)) for (const c of CONTENT_CATEGORIES) counts[c] += d.mix?.[c] ?? 0
  return contentMix(counts)
}

export interface MetricReading {
  key: MetricKey
  name: string
  formula: string
  unit: string
  value: number | null
  band: Band | null
  bandName: string | null
  bands: string
  /** The last 30 days' values, oldest first (null where the data was too young). */
  trend: (number | null)[]
}

/** Days of history the community has (figures kept). */
const enough = (def: MetricDef, h: DailyFigures[]) => h.length >= def.minDays

export function readMetric(key: MetricKey, history: DailyFigures[]): number | null {
  const def = METRICS[key]
  return history.length && enough(def, history) ? def.value(history) : null
}

export function bandOf(key: MetricKey, value: number | null): Band | null {
  return value === null ? null : METRICS[key].band(value)
}

/** Every metric at the last day of `history`, with its 30-day trend. */
export function readMetrics(history: DailyFigures[]): MetricReading[] {
  return METRIC_KEYS.map((key) => {
    const def = METRICS[key]
    const value = readMetric(key, history)
    const band = bandOf(key, value)
    const trend: (number | null)[] = []
    for (let i = Math.max(1, history.length - 29); i <= history.length; i++)
      trend.push(readMetric(key, history.slice(0, i)))
    return {
      key,
      name: def.name,
      formula: def.formula,
      unit: def.unit,
      value,
      band,
      bandName: band ? BAND_NAMES[band] : null,
      bands: def.bands,
      trend,
    }
  })
}

// ── Alerts: the decision layer ────────────────────────────────────────────────────────────────

/** Activity down this share (or more) three days in a row (seed 002: 连续3天下降15%). */
export const DROP_SHARE = 0.15
export const DROP_DAYS = 3
/** The baseline the three days are compared with: the 7 days before them. */
export const BASELINE_DAYS = 7
/** A community younger than this raises no alert (too little history). */
export const MIN_ALERT_DAYS = 7

export type AlertRule = 'activityDrop' | 'decline3w' | 'band'

export interface Mover {
  /** 'new' | 'old' | 'tier:core' … | 'group:<id>' */
  segment: string
  label: string
  from: number
  to: number
  /** Percent change, negative for a drop. */
  change: number
}

export interface AlertDraft {
  /** The episode's key: one open alert per key at a time. */
  key: string
  rule: AlertRule
  metric: MetricKey | 'dau'
  title: string
  /** What moved, by how much, since when, in one sentence. */
  summary: string
  since: string
  /** Percent change (negative: a drop), or the metric's value for a band alert. */
  change: number
  /** What the alert resolves against: the baseline DAU, the week's mean, or the band's edge. */
  baseline: number
  movers: Mover[]
  plays: PlayKey[]
}

export interface OpenAlert {
  key: string
  rule: AlertRule
  metric: string
  baseline: number
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)
const change = (from: number, to: number) => (from > 0 ? Math.round(((to - from) / from) * 1000) / 10 : 0)

/** Whether `dau` is at least DROP_SHARE below `baseline` (exactly 15% counts). */
export function droppedBelow(dau: number, baseline: number): boolean {
  return baseline > 0 && dau * 100 <= baseline * (100 - DROP_SHARE * 100)
}

/** Complete Monday–Sunday weeks of history, newest last, as mean DAU. */
export function weeklyMeans(h: DailyFigures[]): { week: string; dau: number }[] {
  const weeks: { week: string; dau: number }[] = []
  let i = h.findIndex((d) => weekdayOf(d.day) === 1)
  if (i < 0) return weeks
  for (; i + 7 <= h.length; i += 7) {
    const days = h.slice(i, i + 7)
    if (days[6].day !== addDays(days[0].day, 6)) break
    weeks.push({ week: days[0].day, dau: mean(days.map((d) => d.dau)) })
  }
  return weeks
}

/** Which part of the community moved DAU between `before` (days) and `after` (days): biggest drops first. */
export function movers(
  before: DailyFigures[],
  after: DailyFigures[],
  groupNames: Record<string, string> = {},
) {
  const avg = (rows: DailyFigures[], f: (d: DailyFigures) => number) => mean(rows.map(f))
  const segments: { segment: string; label: string; f: (d: DailyFigures) => number }[] = [
    { segment: 'new', label: '新人（近 30 天加入）', f: (d) => d.dauNew },
    { segment: 'old', label: '老成员', f: (d) => d.dau - d.dauNew },
    ...TIERS.map((t) => ({
      segment: `tier:${t}`,
      label: `${TIER_NAMES[t]}层`,
      f: (d: DailyFigures) => d.dauByTier?.[t] ?? 0,
    })),
    ...Object.keys(after[after.length - 1]?.dauByGroup ?? {}).map((g) => ({
      segment: `group:${g}`,
      label: groupNames[g] ?? '一个群',
      f: (d: DailyFigures) => d.dauByGroup?.[g] ?? 0,
    })),
  ]
  return segments
    .map(({ segment, label, f }): Mover => {
      const from = Math.round(avg(before, f) * 10) / 10
      const to = Math.round(avg(after, f) * 10) / 10
      return { segment, label, from, to, change: change(from, to) }
    })
    .filter((m) => m.from > 0 && m.to < m.from)
    .sort((a, b) => b.from - b.to - (a.from - a.to))
    .slice(0, 3)
}

/**
 * Evaluate every rule at the last day of `history` (day order, the community's whole recent history:
 * 35 days suffice) against the alerts still open. An alert is raised once per episode: a key already
 * open is not raised again; it resolves when its metric recovers.
 */
export function evaluateAlerts(
  history: DailyFigures[],
  open: OpenAlert[],
  options: { communityAgeDays: number; groupNames?: Record<string, string> },
): { raise: AlertDraft[]; resolve: string[] } {
  const raise: AlertDraft[] = []
  const resolve: string[] = []
  if (!history.length || options.communityAgeDays < MIN_ALERT_DAYS || history.length < MIN_ALERT_DAYS)
    return { raise, resolve }
  const openKeys = new Map(open.map((a) => [a.key, a]))
  const today = last(history)

  // 1. Activity down 15% three days in a row, against the 7 days before them.
  const drop = openKeys.get('activityDrop')
  if (drop) {
    if (!droppedBelow(today.dau, drop.baseline)) resolve.push('activityDrop')
  } else if (history.length >= DROP_DAYS + BASELINE_DAYS) {
    const recent = lastN(history, DROP_DAYS)
    const before = history.slice(-DROP_DAYS - BASELINE_DAYS, -DROP_DAYS)
    const baseline = mean(before.map((d) => d.dau))
    if (recent.every((d) => droppedBelow(d.dau, baseline))) {
      const moved = movers(before, recent, options.groupNames)
      const drift = change(baseline, mean(recent.map((d) => d.dau)))
      raise.push({
        key: 'activityDrop',
        rule: 'activityDrop',
        metric: 'dau',
        title: '活跃度连续 3 天下降',
        summary: `日活从 ${round1(baseline)} 人降到 ${recent.map((d) => d.dau).join('、')} 人（${drift}%），自 ${recent[0].day} 起${moverText(moved)}`,
        since: recent[0].day,
        change: drift,
        baseline,
        movers: moved,
        plays: moved[0]?.segment === 'new' ? ['newcomerCare', 'wakeUp'] : ['topicDay', 'wakeUp'],
      })
    }
  }

  // 2. Decline three weeks in a row (衰退期): three falling complete weeks.
  const weeks = weeklyMeans(history)
  const decline = openKeys.get('decline3w')
  if (decline) {
    const [prev, newest] = weeks.slice(-2)
    if (prev && newest && newest.dau >= prev.dau) resolve.push('decline3w')
  } else if (weeks.length >= 4) {
    const w = weeks.slice(-4)
    if (w[1].dau < w[0].dau && w[2].dau < w[1].dau && w[3].dau < w[2].dau) {
      const before = history.filter((d) => d.day >= w[0].week && d.day < w[1].week)
      const after = history.filter((d) => d.day >= w[3].week && d.day <= addDays(w[3].week, 6))
      const moved = movers(before, after, options.groupNames)
      const drift = change(w[0].dau, w[3].dau)
      raise.push({
        key: 'decline3w',
        rule: 'decline3w',
        metric: 'dau',
        title: '连续 3 周下滑（衰退期）',
        summary: `周均日活 ${w.map((x) => round1(x.dau)).join(' → ')} 人（${drift}%），自 ${w[1].week} 那周起${moverText(moved)}`,
        since: w[1].week,
        change: drift,
        baseline: w[3].dau,
        movers: moved,
        plays: ['splitGroups', 'wakeUp'],
      })
    }
  }

  // 3. Any health band falling to warning.
  for (const key of ALERTING_METRICS) {
    const alertKey = `band:${key}`
    const value = readMetric(key, history)
    const warning = bandOf(key, value) === 'warning'
    if (openKeys.has(alertKey)) {
      if (!warning) resolve.push(alertKey)
      continue
    }
    if (!warning || value === null) continue
    const def = METRICS[key]
    raise.push({
      key: alertKey,
      rule: 'band',
      metric: key,
      title: `${def.name}进入警戒区`,
      summary: `${def.name} ${value}${def.unit}（${def.bands}），${today.day} 起${bandMoverText(key, history)}`,
      since: today.day,
      change: value,
      baseline: value,
      movers: [],
      plays: BAND_PLAYS[key],
    })
  }
  return { raise, resolve }
}

const round1 = (n: number) => Math.round(n * 10) / 10

function moverText(moved: Mover[]): string {
  if (!moved.length) return '，各部分同步下降'
  return `，主要来自${moved.map((m) => `${m.label}（${m.from}→${m.to}）`).join('、')}`
}

function bandMoverText(key: MetricKey, h: DailyFigures[]): string {
  const d = last(h)
  if (key === 'monthlyRetention' || key === 'dailyActiveRate') {
    const newShare = d.dau ? Math.round((d.dauNew / d.dau) * 100) : 0
    return `，当天活跃者中新人占 ${newShare}%`
  }
  return ''
}

const BAND_PLAYS: Record<MetricKey, PlayKey[]> = {
  dailyActiveRate: ['checkinChallenge', 'topicDay'],
  monthlyRetention: ['newcomerCare', 'wakeUp'],
  postingShare: ['topicDay'],
  churn: ['exitFollowUp', 'newcomerCare'],
  dauMau: [],
  retention7: ['newcomerCare'],
  retention30: ['newcomerCare'],
  checkinRate: ['checkinChallenge'],
  surveyCompletion: [],
  postsPerDay: ['topicDay'],
  contentMix: ['topicDay'],
}

// ── Plays: what to do, from the articles, each linked to its tool ────────────────────────────────

/**
 * The activities a play proposes, pre-filled in the activity editor (`?template=` on its link): the
 * editor opens with the title, kind and size; staff pick the time and publish.
 */
export const PLAY_ACTIVITY_TEMPLATES = {
  topicDay: { title: '话题日', kind: 'interaction', size: 'small' },
  welcome: { title: '新人欢迎会', kind: 'interaction', size: 'small' },
  theme: { title: '新主题分享', kind: 'lecture', size: 'medium' },
} as const satisfies Record<string, { title: string; kind: ActivityKind; size: ActivitySize }>

export type PlayActivityTemplate = keyof typeof PLAY_ACTIVITY_TEMPLATES

export type PlayKey =
  'topicDay' | 'newcomerCare' | 'splitGroups' | 'wakeUp' | 'checkinChallenge' | 'exitFollowUp'

export interface Play {
  key: PlayKey
  title: string
  /** Where the play comes from and what it does, in a sentence. */
  why: string
  links: { label: string; url: string }[]
}

export const PLAYS: Record<PlayKey, Play> = {
  topicDay: {
    key: 'topicDay',
    title: '办一次话题日，多发轻互动内容',
    why: '发言人数比低于 20% 时，用话题讨论、有奖竞猜等轻互动把沉默的人拉进来（内容 3:5:2 中互动占五成）。',
    links: [{ label: '发起话题日活动', url: '/packages/admin/activities/edit/index?template=topicDay' }],
  },
  newcomerCare: {
    key: 'newcomerCare',
    title: '新人关怀：入群清单与欢迎活动',
    why: '新人留存下滑时，先让新人完成入群清单（自我介绍、读群规、首次打卡），再办一场欢迎会。',
    links: [
      { label: '编辑新人手册', url: '/packages/admin/onboarding/handbook/index' },
      { label: '发起欢迎活动', url: '/packages/admin/activities/edit/index?template=welcome' },
    ],
  },
  splitGroups: {
    key: 'splitGroups',
    title: '拆分群或开启新主题',
    why: '连续 3 周下滑是衰退期信号：按兴趣拆出小群，或换一个新主题重新聚人。',
    links: [
      { label: '管理微信群', url: '/packages/admin/groups/index' },
      { label: '发起新主题活动', url: '/packages/admin/activities/edit/index?template=theme' },
    ],
  },
  wakeUp: {
    key: 'wakeUp',
    title: '私聊唤醒沉默成员，附定向福利',
    why: '沉默用户（3 个月无动作）用私聊唤醒和定向福利召回，仍无回应再考虑移出。',
    links: [{ label: '查看沉默成员并唤醒', url: '/packages/admin/tiers/index?group=silent' }],
  },
  checkinChallenge: {
    key: 'checkinChallenge',
    title: '发起打卡挑战',
    why: '日活跃率低于 15% 时，用一个短周期打卡挑战给成员每天回来的理由。',
    links: [{ label: '发起打卡挑战', url: '/packages/admin/checkin/index' }],
  },
  exitFollowUp: {
    key: 'exitFollowUp',
    title: '回访退群成员，复盘原因',
    why: '退群率超过 8% 时，先弄清为什么走：回访、检查群规和广告，再改进新人引导。',
    links: [{ label: '查看成员', url: '/packages/admin/members/index' }],
  },
}

export function playsOf(keys: readonly PlayKey[]): Play[] {
  return keys.map((k) => PLAYS[k])
}

/** The header of the daily figures' CSV export, in the order of `dailyRow`. */
export const DAILY_CSV_HEADER = [
  '日期',
  '成员数',
  '新加入',
  '退出',
  '移出',
  '日活',
  '月活',
  '打卡',
  '帖子',
  '回复',
  '发言人数',
  '问卷完成',
  '兑换',
  '活动报名',
  '活动签到',
  '干货',
  '互动',
  '生活',
]

export function dailyRow(d: DailyFigures): (string | number)[] {
  return [
    d.day,
    d.members,
    d.joined,
    d.left,
    d.removed,
    d.dau,
    d.mau,
    d.checkins,
    d.posts,
    d.replies,
    d.posters,
    d.surveyCompletions,
    d.redemptions,
    d.signups,
    d.attendance,
    d.mix?.practical ?? 0,
    d.mix?.interaction ?? 0,
    d.mix?.life ?? 0,
  ]
}

// ── Rebuild: the day's counted figures from their source rows (tools/rebuild.ts) ───────────────

type When = Date | string | number

export interface MetricSources {
  members: { communityId: string; joinedAt: When; status?: string; endedAt?: When | null }[]
  checkins: { communityId: string; dayKey: string; madeUp?: boolean }[]
  posts: { communityId: string; day: string }[]
  replies: { communityId: string; day: string }[]
  surveyResponses: { communityId: string; createdAt: When }[]
  orders: { communityId: string; createdAt: When }[]
  signups: { communityId: string; createdAt: When; attendedAt?: When | null }[]
}

/**
 * The rebuildable fields of every (community, day) the sources touch, keyed by metricsDayId; each rule
 * mirrors the count query of dashboard/figures.ts (a made-up check-in does not count on its day).
 */
export function dailyCountsFromSources(s: MetricSources): Map<string, Record<RebuildableField, number>> {
  const out = new Map<string, Record<RebuildableField, number>>()
  const add = (communityId: string, day: string, field: RebuildableField) => {
    const id = metricsDayId(communityId, day)
    const row =
      out.get(id) ??
      (Object.fromEntries(REBUILDABLE_FIELDS.map((f) => [f, 0])) as Record<RebuildableField, number>)
    row[field]++
    out.set(id, row)
  }
  const dayOf = (at: When) => shanghaiDayKey(new Date(at))
  for (const m of s.members) {
    if (m.joinedAt) add(m.communityId, dayOf(m.joinedAt), 'joined')
    if ((m.status === 'left' || m.status === 'removed') && m.endedAt)
      add(m.communityId, dayOf(m.endedAt), m.status)
  }
  for (const c of s.checkins) if (!c.madeUp) add(c.communityId, c.dayKey, 'checkins')
  for (const p of s.posts) add(p.communityId, p.day, 'posts')
  for (const r of s.replies) add(r.communityId, r.day, 'replies')
  for (const r of s.surveyResponses) add(r.communityId, dayOf(r.createdAt), 'surveyCompletions')
  for (const o of s.orders) add(o.communityId, dayOf(o.createdAt), 'redemptions')
  for (const x of s.signups) {
    add(x.communityId, dayOf(x.createdAt), 'signups')
    if (x.attendedAt) add(x.communityId, dayOf(x.attendedAt), 'attendance')
  }
  return out
}

/** Stored days whose counted fields differ from their sources (days never counted are not invented). */
export function metricsDrift(
  stored: ({ _id: string } & Partial<Record<RebuildableField, unknown>>)[],
  derived: Map<string, Record<RebuildableField, number>>,
): { id: string; field: RebuildableField; stored: unknown; derived: number }[] {
  const drift: { id: string; field: RebuildableField; stored: unknown; derived: number }[] = []
  for (const doc of stored) {
    const row = derived.get(doc._id)
    for (const field of REBUILDABLE_FIELDS) {
      const want = row?.[field] ?? 0
      if ((doc[field] ?? 0) !== want) drift.push({ id: doc._id, field, stored: doc[field], derived: want })
    }
  }
  return drift
}
