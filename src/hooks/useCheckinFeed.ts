/** The community's check-in notes, a page at a time, with likes that show at once. */
import { useCallback, useEffect, useRef, useState } from 'react'
import * as checkin from '@/services/checkin'
import type { FeaturePolicy, FeatureResult, FeedItem } from '@/services/checkin'
import { toServiceError, type ServiceError } from '@/services/service-error'

export interface UseCheckinFeed {
  items: FeedItem[]
  loading: boolean
  error: ServiceError | null
  hasMore: boolean
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
  toggleLike: (item: FeedItem) => Promise<void>
  /** What featuring pays, when the caller may feature notes; null otherwise. */
  feature: FeaturePolicy | null
  /** Mark a note 精选 (staff); the item shows its badge once the cloud has it. */
  markFeatured: (item: FeedItem, points: number) => Promise<FeatureResult>
}

export function useCheckinFeed(key: string, pageSize = 10): UseCheckinFeed {
  const [items, setItems] = useState<FeedItem[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ServiceError | null>(null)
  const [feature, setFeature] = useState<FeaturePolicy | null>(null)
  const generation = useRef(0)
  const busy = useRef(new Set<string>())

  const load = useCallback(
    async (from: string | null) => {
      const mine = ++generation.current
      setLoading(true)
      try {
        const page = await checkin.feed(from ? { cursor: from, limit: pageSize } : { limit: pageSize })
        if (mine !== generation.current) return
        setItems((prev) =>
          from ? [...prev, ...page.items.filter((i) => !prev.some((p) => p.id === i.id))] : page.items,
        )
        setCursor(page.nextCursor)
        setFeature(page.feature ?? null)
        setError(null)
      } catch (err) {
        if (mine === generation.current) setError(toServiceError(err))
      } finally {
        if (mine === generation.current) setLoading(false)
      }
    },
    [pageSize],
  )

  useEffect(() => {
    setItems([])
    setCursor(null)
    void load(null)
  }, [key, load])

  const toggleLike = useCallback(async (item: FeedItem) => {
    if (busy.current.has(item.id)) return
    busy.current.add(item.id)
    const want = !item.likedByMe
    const patch = (liked: boolean, likes: number) =>
      setItems((prev) => prev.map((i) => (i.id === item.id ? { ...i, likedByMe: liked, likes } : i)))
    patch(want, item.likes + (want ? 1 : -1))
    try {
      const res = want ? await checkin.like(item.id) : await checkin.unlike(item.id)
      patch(res.liked, res.likes)
    } catch (err) {
      patch(item.likedByMe, item.likes)
      setError(toServiceError(err))
    } finally {
      busy.current.delete(item.id)
    }
  }, [])

  const markFeatured = useCallback(async (item: FeedItem, points: number) => {
    const res = await checkin.feature(item.id, points)
    setItems((prev) => prev.map((i) => (i.id === item.id ? { ...i, featured: true } : i)))
    return res
  }, [])

  const refresh = useCallback(() => load(null), [load])
  const loadMore = useCallback(() => (cursor ? load(cursor) : Promise.resolve()), [cursor, load])
  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    refresh,
    loadMore,
    toggleLike,
    feature,
    markFeatured,
  }
}
