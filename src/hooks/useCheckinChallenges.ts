/** Check-in challenges: the member's list with progress and joining; staff's creation and figures. */
import { useCallback, useState } from 'react'
import { meStore } from '@/hooks/meStore'
import * as checkin from '@/services/checkin'
import type { ChallengeStatsResult, ChallengeSummary, ChallengesResult } from '@/services/checkin'
import { toServiceError, type ServiceError } from '@/services/service-error'
import { useLoader } from './useLoader'

export function useCheckinChallenges() {
  const list = useLoader<ChallengesResult>(() => checkin.challenges({ limit: 50 }), [])
  const [joining, setJoining] = useState<string | null>(null)

  const join = useCallback(
    async (id: string) => {
      setJoining(id)
      try {
        const result = await checkin.joinChallenge(id)
        list.setData((current) =>
          current
            ? { ...current, items: current.items.map((c) => (c.id === id ? result.challenge : c)) }
            : current,
        )
        if (result.completedChallenges.length) void meStore.refresh()
        return result
      } finally {
        setJoining(null)
      }
    },
    [list],
  )

  return { ...list, joining, join }
}

export function useChallengeAdmin() {
  const list = useLoader<ChallengesResult>(() => checkin.challenges({ limit: 50 }), [])
  const [stats, setStats] = useState<Record<string, ChallengeStatsResult>>({})
  const [statsError, setStatsError] = useState<ServiceError | null>(null)

  const loadStats = useCallback(async (id: string) => {
    setStatsError(null)
    try {
      const result = await checkin.challengeStats(id)
      setStats((prev) => ({ ...prev, [id]: result }))
    } catch (err) {
      setStatsError(toServiceError(err))
    }
  }, [])

  const create = useCallback(
    async (input: {
      title: string
      days: number
      startDay: string
      reward?: number
    }): Promise<ChallengeSummary> => {
      const created = await checkin.createChallenge(input)
      list.setData((current) => ({
        items: [created, ...(current?.items ?? [])],
        nextCursor: current?.nextCursor ?? null,
      }))
      return created
    },
    [list],
  )

  return { ...list, stats, statsError, loadStats, create }
}
