/** The `dashboard` cloud function: the health dashboard (数据看板), its CSV export and the pending-work badges. */
import type { Badges, DashboardOverview } from '@core/contracts/dashboard'
import { call } from './call'

export type { AlertView, BadgeKey, Badges, DashboardOverview, FunnelStep } from '@core/contracts/dashboard'
export type { MetricReading, Play } from '@core/metrics'

export const overview = (): Promise<DashboardOverview> => call('dashboard', 'overview')

export const exportDaily = (cursor?: string) => call('dashboard', 'exportDaily', { cursor })

export const badges = (): Promise<Badges> => call('dashboard', 'badges')
