/** The invite page: my personal invite, and who joined by it. */
import { invite, invitees } from '@/services/member'
import { useCursorPages } from './useCursorPages'
import { useLoader } from './useLoader'

export function useInvite() {
  return useLoader(invite, [])
}

export function useInvitees() {
  return useCursorPages(invitees, [])
}
