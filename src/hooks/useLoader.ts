/** One loader for the screens: data, loading, error and a refresh that drops stale answers. */
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react'
import { toServiceError, type ServiceError } from '@/services/service-error'

export interface Loaded<T> {
  data: T | null
  loading: boolean
  error: ServiceError | null
  refresh: () => Promise<void>
  /** Replace the data after an action answered with the new state. */
  setData: Dispatch<SetStateAction<T | null>>
}

/** Loads on mount and whenever `deps` change; an answer that arrives after a newer call is dropped. */
export function useLoader<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
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

  return { data, loading, error, refresh, setData }
}
