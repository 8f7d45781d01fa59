/** Featured notes (core/featured): what featuring pays by default, and the ledger source it pays under. */
import { DEFAULT_POINT_RULES } from '../../cloudfunctions/core/points'
import {
  defaultFeaturedPoints,
  FEATURED_POINTS_MAX,
  FEATURED_POINTS_MIN,
  featuredSource,
} from '../../cloudfunctions/core/featured'
import { accessFor } from '../../cloudfunctions/core/rights'

it('pays SPEC 优质内容 50–100, by default the quality rule kept inside the range', () => {
  expect([FEATURED_POINTS_MIN, FEATURED_POINTS_MAX]).toEqual([50, 100])
  expect(defaultFeaturedPoints(DEFAULT_POINT_RULES.quality)).toBe(50)
  expect(defaultFeaturedPoints({ points: 80, dailyCap: null, enabled: true })).toBe(80)
  expect(defaultFeaturedPoints({ points: 20, dailyCap: null, enabled: true })).toBe(50)
  expect(defaultFeaturedPoints({ points: 500, dailyCap: null, enabled: true })).toBe(100)
  expect(defaultFeaturedPoints({ points: 80, dailyCap: null, enabled: false })).toBe(0)
})

it('pays under one source per check-in, and only owners and admins feature', () => {
  expect(featuredSource('2026-11-20')).toBe('quality:checkin:2026-11-20')
  expect(accessFor('featured')).toEqual(['owner', 'admin'])
})
