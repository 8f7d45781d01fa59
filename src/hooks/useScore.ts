/** Value-score screens: my score, a member's score, the tier distribution and the tier lists. */
import type { DistributionGroup } from '@core/value-score'
import { distribution, memberScore, myScore, tierMembers } from '@/services/score'
import { useCursorPages } from './useCursorPages'
import { useLoader } from './useLoader'

export function useMyScore() {
  return useLoader(myScore, [])
}

export function useMemberScore(memberId: string) {
  return useLoader(() => memberScore(memberId), [memberId])
}

export function useDistribution() {
  return useLoader(distribution, [])
}

export function useTierMembers(group: DistributionGroup) {
  return useCursorPages((cursor) => tierMembers(group, cursor), [group])
}
