import { z } from 'zod'
import type { ExportPart } from '../csv'
import type { AlertRule, Band, MetricReading, Mover, Play } from '../metrics'

const cursor = z.string().min(1).max(200).optional()

export const dashboardInputs = {
  /** The one screen: every metric with its band and 30-day trend, tiers, the newest cohort, top contributors, alerts. */
  overview: z.object({}).strict(),
  /** The daily figures as CSV, oldest first, in numbered files (core/csv's one export format). */
  exportDaily: z.object({ cursor }).strict(),
  /** Pending work for the 管理 tab and each tool: only the counts the caller's role may act on. */
  badges: z.object({}).strict(),
}

export type DashboardInputs = { [K in keyof typeof dashboardInputs]: z.input<(typeof dashboardInputs)[K]> }

export interface AlertView {
  id: string
  rule: AlertRule
  title: string
  summary: string
  since: string
  change: number
  status: 'open' | 'resolved'
  raisedAt: string
  resolvedAt: string | null
  movers: Mover[]
  plays: Play[]
}

export interface FunnelStep {
  key: 'joined' | 'checklist' | 'checkin' | 'post' | 'week2'
  name: string
  count: number
  /** Percent of the cohort. */
  percent: number
}

export interface DashboardOverview {
  /** The last day with figures ('YYYY-MM-DD'), or null before the first nightly run. */
  day: string | null
  /** Days of figures kept (a young community sees "数据不足" where a metric needs more). */
  days: number
  members: number
  dau: number
  metrics: MetricReading[]
  /** The days of the trend lines, oldest first (labels for the x axis). */
  trendDays: string[]
  tiers: {
    weekKey: string | null
    total: number
    rows: { key: string; name: string; count: number; percent: number }[]
  }
  funnel: { week: string | null; steps: FunnelStep[] }
  top: { memberId: string; nickname: string; points: number }[]
  alerts: AlertView[]
  /** Open alerts (the badge on 管理). */
  openAlerts: number
}

export type BadgeKey = 'alerts' | 'joinRequests' | 'heldContent' | 'orders' | 'reports' | 'sopTasks'

export interface Badges {
  /** Each count the caller's role may act on (absent otherwise). */
  counts: Partial<Record<BadgeKey, number>>
  /** The 管理 tab's badge: the sum. */
  total: number
  /** The caller may open the dashboard (owner, admin, 数据官). */
  dashboard: boolean
}

/** What the nightly timer answers. */
export interface MetricsJobOutcome {
  day: string
  done: boolean
  communities: number
  alertsRaised: number
  alertsResolved: number
  runs: number
}

export interface DashboardOutputs {
  overview: DashboardOverview
  exportDaily: ExportPart
  badges: Badges
}

export type { Band }
