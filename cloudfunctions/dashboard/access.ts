import { canSeeDashboard } from '../core/rights'
import type { Role } from '../core/roles'
import { fail } from '../runtime/errors'
import type { Membership } from '../runtime/membership'

/** Who reaches the actions: staff roles that may hold the dashboard right (organisers by title). */
export const DASHBOARD_ACCESS: readonly Role[] = ['owner', 'admin', 'organiser']

/** Owner, admins and an organiser titled 数据官; any other organiser is FORBIDDEN. */
export function assertDashboard(membership: Membership): void {
  if (!canSeeDashboard(membership.member.role, membership.member.staffTitle)) fail('FORBIDDEN')
}
