/**
 * Today's check-in for the home card and the calendar page. Checking in changes the points shown on
 * every page, so it refreshes the shared `me` afterwards. The state is shared: a make-up on the
 * calendar page shows on the home card at once.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { meStore } from '@/hooks/meStore'
import * as checkin from '@/services/checkin'
import type { CheckInResult, MakeupResult, TodayResult } from '@/services/checkin'
import { toServiceError, type ServiceError } from '@/services/service-error'

interface TodayState {
  key: string | null
  loading: boolean
  error: ServiceError | null
  data: TodayResult | null
}

const INITIAL: TodayState = { key: null, loading: false, error: null, data: null }
let state: TodayState = INITIAL
let generation = 0
const listeners = new Set<() => void>()

function set(patch: Partial<TodayState>): void {
  state = { ...state, ...patch }
  listeners.forEach((l) => l())
}

export const checkinStore = {
  get: (): TodayState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  async refresh(key: string): Promise<void> {
    const mine = ++generation
    set({ key, loading: true, ...(state.key === key ? {} : { data: null, error: null }) })
    try {
      const data = await checkin.today()
      if (mine === generation) set({ data, error: null, loading: false })
    } catch (err) {
      if (mine === generation) set({ error: toServiceError(err), loading: false })
    }
  },
  /** A check-in or make-up answered: fold its news into today's state. */
  patch(update: (data: TodayResult) => TodayResult): void {
    if (state.data) set({ data: update(state.data) })
  },
  reset(): void {
    generation += 1
    state = INITIAL
    listeners.forEach((l) => l())
  },
}

/** Use a make-up card on `day`; today's card on the home page shows the new streak at once. */
export async function makeUpDay(day: string): Promise<MakeupResult> {
  const result = await checkin.useMakeupCard(day)
  checkinStore.patch((data) => ({
    ...data,
    streak: result.streak,
    makeupCards: result.makeupCards,
    missableDays: data.missableDays.filter((d) => d !== day),
  }))
  // A make-up pays no check-in points, but it may complete a challenge, which does.
  if (result.completedChallenges.length) void meStore.refresh()
  return result
}

export interface UseCheckinToday {
  data: TodayResult | null
  loading: boolean
  error: ServiceError | null
  refresh: () => Promise<void>
  checkIn: (input: { note?: string; photos?: string[] }) => Promise<CheckInResult>
  makeUp: (day: string) => Promise<MakeupResult>
}

/** `key` names whose today this is (community + member), so another identity loads afresh. */
export function useCheckinToday(key: string): UseCheckinToday {
  const current = useSyncExternalStore(checkinStore.subscribe, checkinStore.get, checkinStore.get)
  useEffect(() => {
    if (checkinStore.get().key !== key || !checkinStore.get().data) void checkinStore.refresh(key)
  }, [key])
  const refresh = useCallback(() => checkinStore.refresh(key), [key])

  const checkIn = useCallback(async (input: { note?: string; photos?: string[] }) => {
    const result = await checkin.checkIn(input)
    checkinStore.patch((data) => ({
      ...data,
      checkedIn: true,
      checkin: result.checkin,
      streak: result.streak,
    }))
    // Points, level and balance live in `me`.
    void meStore.refresh()
    return result
  }, [])

  const mine = current.key === key
  return {
    data: mine ? current.data : null,
    loading: !mine || current.loading,
    error: mine ? current.error : null,
    refresh,
    checkIn,
    makeUp: makeUpDay,
  }
}
