/**
 * What each role may do, in ONE table (SPEC §0 "each role sees only the tools it may use"). Actions
 * take their `access` from here (`accessFor(right)`), and the 管理 tab lists a tool only when the
 * viewer's role holds its right, so a tap never ends in "没有权限".
 */
import { ROLES, type Role } from './roles'

export const RIGHTS = {
  /** Name, slogan, logo, invite code, reward ceilings, sanction settings, quiet hours. */
  settings: ['owner'],
  /** Appoint organisers and volunteers (admins: owner only, see core/team). */
  team: ['owner', 'admin'],
  /** Bind and unbind WeChat groups; the community QR code. */
  groups: ['owner', 'admin'],
  /** The member directory, a member's page, staff notes, member and ledger exports. */
  members: ['owner', 'admin'],
  /** Record violations, decide appeals, remove members. */
  sanctions: ['owner', 'admin'],
  /** The held-content queue and the community's word list. */
  moderation: ['owner', 'admin'],
  /** Join requests (review policy). */
  joinReviews: ['owner', 'admin'],
  /** Rules versions and who acknowledged them. */
  rules: ['owner', 'admin'],
  /** The handbook (organisers write it: 内容官) and reading the join settings (the owner saves them: settings). */
  onboarding: ['owner', 'admin', 'organiser'],
  /** Check-in challenges. */
  challenges: ['owner', 'admin', 'organiser'],
  /** Point rules, adjustments, make-up cards, the audit log, picking a member by nickname. */
  points: ['owner', 'admin'],
  /** Leaderboard settings and the monthly Top 3. */
  rank: ['owner', 'admin'],
  /** Feature a check-in note (精选), which pays its author. */
  featured: ['owner', 'admin'],
  /** Weekly tiers, member scores, wake-ups. */
  tiers: ['owner', 'admin'],
  /** Mall items and orders. */
  mall: ['owner', 'admin'],
  /** Surveys and their results. */
  surveys: ['owner', 'admin', 'organiser'],
  /** Activities: publish, schedule, sign-up and attendance lists, the attendance code, SOP tasks, reviews. */
  activities: ['owner', 'admin', 'organiser'],
  /** The square (issue 13): pin, hide, delete, correct categories, revoke a valued post's pay, open topics, the content mix. */
  square: ['owner', 'admin'],
  /** The health dashboard and its alerts (organisers titled 数据官 too: canSeeDashboard). */
  dashboard: ['owner', 'admin'],
} as const satisfies Record<string, readonly Role[]>

export type Right = keyof typeof RIGHTS

/** The roles that hold `right`, as an action's `access`. */
export function accessFor(right: Right): readonly Role[] {
  return RIGHTS[right]
}

export function can(role: Role | undefined | null, right: Right): boolean {
  return !!role && (RIGHTS[right] as readonly Role[]).includes(role)
}

/** Every right `role` holds, in the table's order. */
export function rightsOf(role: Role | undefined | null): Right[] {
  return (Object.keys(RIGHTS) as Right[]).filter((r) => can(role, r))
}

/**
 * Staff: every role that holds at least one right. They see the 管理 tab (StaffGate), the invite code,
 * and are hidden from the boards when the community hides staff. Volunteers hold no right (yet): they
 * are recognised helpers (志愿者 beside their name), not tool users, so no 管理 tab.
 */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => rightsOf(r).length > 0)

export function isStaff(role: Role | undefined | null): boolean {
  return rightsOf(role).length > 0
}

/** The organiser title that reads the dashboard (SPEC "1+3+N": 数据官). */
export const DATA_OFFICER_TITLE = '数据官'

/** The dashboard: owner and admins, and an organiser titled 数据官. */
export function canSeeDashboard(role: Role | undefined | null, staffTitle?: string | null): boolean {
  return can(role, 'dashboard') || (role === 'organiser' && staffTitle === DATA_OFFICER_TITLE)
}
