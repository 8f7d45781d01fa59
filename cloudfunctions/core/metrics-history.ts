/**
 * Synthetic daily figures and the alert replay, shared by the unit tests, the alert bench and the demo
 * seed: a steady community whose history is shaped to trip chosen rules on chosen days. Pure.
 */
import { emptyFigures, evaluateAlerts, type AlertDraft, type DailyFigures, type OpenAlert } from './metrics'
import { addDays } from './time'

export interface SteadyShape {
  members: number
  /** DAU on a normal day. */
  dau: number
  posters30: number
  /** Share of members past 30 days who stay active. */
  retained: number
  /** Per day: DAU multiplier, or a patch of the day's figures. */
  shape?: (i: number, day: string) => { dauFactor?: number; patch?: Partial<DailyFigures> } | undefined
}

/** `days` days of figures from `firstDay`, steady except where `shape` says. */
export function steadyHistory(
  communityId: string,
  firstDay: string,
  days: number,
  s: SteadyShape,
): DailyFigures[] {
  const out: DailyFigures[] = []
  for (let i = 0; i < days; i++) {
    const day = addDays(firstDay, i)
    const shaped = s.shape?.(i, day)
    const dau = Math.round(s.dau * (shaped?.dauFactor ?? 1))
    const dauNew = Math.round(dau * 0.2)
    const base30 = Math.round(s.members * 0.8)
    out.push({
      ...emptyFigures(communityId, day),
      members: s.members,
      joined: 3,
      left: 1,
      removed: 0,
      dau,
      mau: Math.round(s.members * 0.6),
      checkins: Math.round(dau * 0.7),
      posts: 40,
      replies: 30,
      posters: Math.round(dau * 0.3),
      posters30: s.posters30,
      surveyCompletions: 2,
      redemptions: 1,
      signups: 4,
      attendance: 3,
      mix: { practical: 12, interaction: 20, life: 8 },
      base30,
      retained30: Math.round(base30 * s.retained),
      dauNew,
      dauByTier: {
        core: Math.round(dau * 0.2),
        active: Math.round(dau * 0.4),
        normal: dau - Math.round(dau * 0.2) - Math.round(dau * 0.4) - Math.round(dau * 0.05),
        watch: Math.round(dau * 0.05),
      },
      dauByGroup: {},
      ...shaped?.patch,
    })
  }
  return out
}

export interface ReplayEvent {
  day: string
  raised: AlertDraft[]
  resolved: string[]
}

/** Evaluate the rules day by day as the nightly job does, keeping the open alerts between days. */
export function replayAlerts(
  history: DailyFigures[],
  communityAgeDaysAtStart = 365,
  groupNames: Record<string, string> = {},
): ReplayEvent[] {
  let open: OpenAlert[] = []
  const events: ReplayEvent[] = []
  for (let i = 0; i < history.length; i++) {
    const window = history.slice(Math.max(0, i - 40), i + 1)
    const { raise, resolve } = evaluateAlerts(window, open, {
      communityAgeDays: communityAgeDaysAtStart + i,
      groupNames,
    })
    open = open.filter((a) => !resolve.includes(a.key))
    open.push(...raise.map((a) => ({ key: a.key, rule: a.rule, metric: a.metric, baseline: a.baseline })))
    if (raise.length || resolve.length) events.push({ day: history[i].day, raised: raise, resolved: resolve })
  }
  return events
}

/**
 * A year shaped to trip each rule exactly once: DAU down 20% for days 100–102 (activity drop, recovered
 * on day 103), DAU falling three weeks in a row from the week of day 196 (衰退期, recovered the week
 * after), and the posting share under 20% for days 300–309 (a band falling to warning, then back).
 * `firstDay` should be a Monday so the weeks line up.
 */
export function alertYear(communityId: string, firstDay: string): DailyFigures[] {
  return steadyHistory(communityId, firstDay, 365, {
    members: 1000,
    dau: 300,
    posters30: 300,
    retained: 0.6,
    shape(i) {
      if (i >= 100 && i <= 102) return { dauFactor: 0.8 }
      // Weeks starting at day 196 (a Monday when firstDay is): 0.95, 0.90, 0.85 of normal.
      if (i >= 196 && i < 217) return { dauFactor: 1 - 0.05 * (Math.floor((i - 196) / 7) + 1) }
      if (i >= 300 && i <= 309) return { patch: { posters30: 150 } }
      return undefined
    },
  })
}
