/**
 * Featured notes (精选, SPEC §3 优质内容 50–100): an admin marks a visible check-in note; its author
 * is paid once from the 'quality' points rule and the value score counts a featured item.
 */
import type { PointRule } from './points'

/** SPEC's range for quality content; the admin picks within it. */
export const FEATURED_POINTS_MIN = 50
export const FEATURED_POINTS_MAX = 100

/** What featuring pays by default: the community's 'quality' rule, kept inside the SPEC range; 0 when off. */
export function defaultFeaturedPoints(rule: PointRule): number {
  if (!rule.enabled) return 0
  return Math.min(FEATURED_POINTS_MAX, Math.max(FEATURED_POINTS_MIN, rule.points))
}

/** The ledger source: one per check-in (the ledger id adds community and author), so it pays once. */
export function featuredSource(dayKey: string): string {
  return `quality:checkin:${dayKey}`
}
