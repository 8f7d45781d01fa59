import { useEffect, useSyncExternalStore } from 'react'
import { isStaff } from '@core/rights'
import { meStore, type MeState } from './meStore'

export interface UseMe extends MeState {
  /** Owners, admins and organisers: they see the 管理 tab. */
  staff: boolean
  refresh: () => Promise<void>
}

/** The caller's community and membership, loaded once and shared by every page. */
export function useMe(): UseMe {
  const state = useSyncExternalStore(meStore.subscribe, meStore.get, meStore.get)
  useEffect(() => meStore.ensure(), [])
  return { ...state, staff: isStaff(state.data?.member?.role), refresh: meStore.refresh }
}
