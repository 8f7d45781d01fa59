/** Loaders for the points screens: one-shot data (summary, rules) and cursor-paged lists. */
import { useCallback, useEffect, useRef, useState } from 'react'
import * as points from '@/services/points'
import type { PointsPage } from '@/services/points'
import { toServiceError, type ServiceError } from '@/services/service-error'
import { useLoader } from './useLoader'

export interface Paged<T> {
  items: T[]
  /** The first page is loading (or reloading). */
  loading: boolean
  loadingMore: boolean
  error: ServiceError | null
  hasMore: boolean
  loadMore: () => Promise<void>
  reload: () => Promise<void>
}

/** A cursor-paged list: the first page on mount, more on demand. */
export function usePaged<T>(fetchPage: (cursor?: string) => Promise<PointsPage<T>>): Paged<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<ServiceError | null>(null)
  const generation = useRef(0)
  const fetcher = useRef(fetchPage)
  fetcher.current = fetchPage

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setLoading(true)
    setError(null)
    try {
      const page = await fetcher.current()
      if (mine !== generation.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
    } catch (err) {
      if (mine === generation.current) setError(toServiceError(err))
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [])

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return
    const mine = generation.current
    setLoadingMore(true)
    try {
      const page = await fetcher.current(cursor)
      if (mine !== generation.current) return
      setItems((current) => [...current, ...page.items])
      setCursor(page.nextCursor)
    } catch (err) {
      if (mine === generation.current) setError(toServiceError(err))
    } finally {
      setLoadingMore(false)
    }
  }, [cursor, loadingMore])

  useEffect(() => {
    void reload()
  }, [reload])

  return { items, loading, loadingMore, error, hasMore: cursor !== null, loadMore, reload }
}

export const usePointsSummary = () => useLoader(points.summary, [])
export const useLedger = () => usePaged((cursor) => points.ledger(cursor))
export const usePointRules = () => useLoader(points.rules, [])
export const useAuditLog = () => usePaged((cursor) => points.auditLog(cursor))
