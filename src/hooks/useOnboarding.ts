/**
 * Onboarding data for pages, with a change signal, so the home checklist refreshes after the
 * handbook or intro pages acted, and the member card's points follow (meStore).
 */
import { useEffect } from 'react'
import * as community from '@/services/community'
import type { OnboardingView } from '@/services/community'
import { meStore } from './meStore'
import { useLoader, type Loaded } from './useLoader'

const listeners = new Set<() => void>()

/** Something changed the checklist (a step done, points paid): refresh whoever shows it, and `me`. */
export function onboardingChanged(): void {
  listeners.forEach((listener) => listener())
  void meStore.refresh()
}

/** The handbook, the rules and my checklist; it reloads when the membership changes. */
export function useOnboarding(membership: {
  communityId?: string
  joinedAt?: string
}): Loaded<OnboardingView> {
  const key = `${membership.communityId ?? ''}|${membership.joinedAt ?? ''}`
  const onboarding = useLoader(() => community.onboarding(), [key])
  const { refresh } = onboarding

  useEffect(() => {
    const listener = () => void refresh()
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [refresh])

  return onboarding
}
