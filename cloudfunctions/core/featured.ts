/**
 * Quality content (精选, SPEC §3 优质内容 50–100), one rule for check-in notes and square posts: an
 * admin marks a visible note or post; its author is paid once from the 'quality' points rule and the
 * value score counts a featured item.
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

/** What can be marked: a check-in note (named by its day) or a square post (by its id). */
export type FeaturedKind = 'checkin' | 'post'

/** The ledger source: one per marked item (the ledger id adds community and author), so it pays once. */
export function qualitySource(kind: FeaturedKind, key: string): string {
  return `quality:${kind}:${key}`
}

/** A check-in note's source (its author's day). */
export function featuredSource(dayKey: string): string {
  return qualitySource('checkin', dayKey)
}
