/**
 * The community square's content categories and the 3:5:2 target (SPEC §9: 干货 30%, light interaction 50%,
 * lifestyle 20%). Issue 13 owns this file; issue 14 (the dashboard) needs these names before 13 merges, so
 * they are written here exactly as T13-14-COMMON.md fixes them (the lead keeps 13's copy at merge).
 */
export const CONTENT_CATEGORIES = ['practical', 'interaction', 'life'] as const
export type ContentCategory = (typeof CONTENT_CATEGORIES)[number]

export const CONTENT_CATEGORY_NAMES: Record<ContentCategory, string> = {
  practical: '干货',
  interaction: '互动',
  life: '生活',
}

export const CONTENT_MIX_TARGET = { practical: 0.3, interaction: 0.5, life: 0.2 }

export interface ContentMix {
  total: number
  /** Share of each category, 0–1 (0 when there is no content). */
  shares: Record<ContentCategory, number>
  /** The largest gap between a share and its target, 0–1. */
  distance: number
}

/** Each category's share of `counts` and how far the mix is from 3:5:2. */
export function contentMix(counts: Record<ContentCategory, number>): ContentMix {
  const total = CONTENT_CATEGORIES.reduce((sum, c) => sum + (counts[c] || 0), 0)
  const shares = Object.fromEntries(
    CONTENT_CATEGORIES.map((c) => [c, total ? (counts[c] || 0) / total : 0]),
  ) as Record<ContentCategory, number>
  const distance = total
    ? Math.max(...CONTENT_CATEGORIES.map((c) => Math.abs(shares[c] - CONTENT_MIX_TARGET[c])))
    : 0
  return { total, shares, distance }
}
