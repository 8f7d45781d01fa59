/**
 * Pending work for the 管理 tab (dashboard.badges), shared by the tab bar and the 管理 page: the page
 * loads it each time it shows, the tab bar draws the total on the 管理 tab. A failed load keeps what
 * was there (a badge is a hint, never a reason to show an error).
 */
import { useSyncExternalStore } from 'react'
import { badges as fetchBadges, type Badges } from '@/services/dashboard'

let state: Badges | null = null
const listeners = new Set<() => void>()

export async function loadBadges(): Promise<Badges | null> {
  try {
    state = await fetchBadges()
    listeners.forEach((l) => l())
  } catch {
    // Keep the last answer.
  }
  return state
}

/** Forget (another identity or community). */
export function resetBadges(): void {
  state = null
  listeners.forEach((l) => l())
}

export function useBadges(): Badges | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => state,
    () => state,
  )
}
