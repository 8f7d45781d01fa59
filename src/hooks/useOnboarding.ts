/**
 * Onboarding data for pages: a small loader (data / loading / error / refresh, stale answers
 * dropped) and a change signal, so the home checklist refreshes after the handbook or intro pages
 * acted, and the member card's points follow (meStore).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import * as community from '@/services/community'
import type { OnboardingView } from '@/services/community'
import { toServiceError, type ServiceError } from '@/services/transport'
import { meStore } from './meStore'

export interface Remote<T> {
  data: T | null
  loading: boolean
  error: ServiceError | null
  refresh: () => Promise<void>
  setData: (next: T | null) => void
}

const listeners = new Set<() => void>()

/** Something changed the checklist (a step done, points paid): refresh whoever shows it, and `me`. */
export function onboardingChanged(): void {
  listeners.forEach((listener) => listener())
  void meStore.refresh()
}

export function useRemote<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  options: { listen?: boolean } = {},
): Remote<T> {
  const [data, setData] = useState<T | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ServiceError | null>(null)
  const latest = useRef(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps)

  const refresh = useCallback(async () => {
    const mine = ++latest.current
    setLoading(true)
    try {
      const next = await run()
      if (mine === latest.current) {
        setData(next)
        setError(null)
      }
    } catch (err) {
      if (mine === latest.current) setError(toServiceError(err))
    } finally {
      if (mine === latest.current) setLoading(false)
    }
  }, [run])

  useEffect(() => {
    void refresh()
  }, [refresh])

  useEffect(() => {
    if (!options.listen) return undefined
    const listener = () => void refresh()
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [refresh, options.listen])

  return { data, loading, error, refresh, setData }
}

/** The handbook, the rules and my checklist; `key` reloads it for another membership. */
export function useOnboarding(key: string): Remote<OnboardingView> {
  return useRemote(() => community.onboarding(), [key], { listen: true })
}
