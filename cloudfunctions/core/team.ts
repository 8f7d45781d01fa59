/**
 * The 1+3+N team (SPEC §0, "Who uses it"): who may appoint whom, organiser titles, how many
 * communities one person may own, and the staffing advisory (about one admin per 100 members).
 */
import type { Role } from './roles'

/** How many communities one person may own at once (creation and taking over by transfer). */
export const MAX_OWNED_COMMUNITIES = 3

/** SPEC: about one admin per 100 members. */
export const MEMBERS_PER_ADMIN = 100

/** The three core officers' titles an organiser may carry. */
export const ORGANISER_TITLES = ['内容官', '活动官', '数据官'] as const
export type OrganiserTitle = (typeof ORGANISER_TITLES)[number]

/** Roles an appointment may give: ownership only changes hands by transfer. */
export const APPOINTABLE_ROLES = ['admin', 'organiser', 'volunteer', 'member'] as const
export type AppointableRole = (typeof APPOINTABLE_ROLES)[number]

/** The roles an appointer may hand out, and may take back (owner: all; admin: below admin). */
const APPOINTS: Partial<Record<Role, readonly Role[]>> = {
  owner: ['admin', 'organiser', 'volunteer', 'member'],
  admin: ['organiser', 'volunteer', 'member'],
}

/**
 * Why `actor` may not move someone from `from` to `to`, in words staff read; null when they may.
 * Both the role held now and the role given must be in the actor's reach, so an admin can neither
 * make nor unmake another admin, and nobody touches the owner (or themselves) this way.
 */
export function appointProblem(input: { actor: Role; from: Role; to: Role; self: boolean }): string | null {
  const reach = APPOINTS[input.actor] ?? []
  if (!reach.length) return '只有主理人和管理员可以任命'
  if (input.self) return '不能修改自己的角色'
  if (input.to === 'owner') return '主理人只能通过转让产生'
  if (input.from === 'owner') return '不能修改主理人的角色'
  if (!reach.includes(input.from) || !reach.includes(input.to))
    return input.actor === 'admin' ? '管理员的任免只能由主理人决定' : '没有权限进行这项任免'
  return null
}

/** A title only an organiser carries; other roles carry none. */
export function titleProblem(role: Role, title: string | null | undefined): string | null {
  if (!title) return null
  if (role !== 'organiser') return '只有活动官可以设置头衔'
  return (ORGANISER_TITLES as readonly string[]).includes(title) ? null : '头衔只能是内容官、活动官或数据官'
}

/** Why ownership may not pass to a member with `targetRole` (who owns `targetOwns` already); null if it may. */
export function transferProblem(input: {
  targetRole: Role
  self: boolean
  targetOwns: number
}): string | null {
  if (input.self) return '你已经是主理人'
  if (input.targetRole !== 'admin') return '主理人只能转让给管理员'
  if (!mayOwnAnother(input.targetOwns)) return `对方已拥有 ${MAX_OWNED_COMMUNITIES} 个社群，不能再接手`
  return null
}

export interface StaffAdvisory {
  members: number
  admins: number
  /** Admins the community should have: one per 100 members, at least one. */
  recommended: number
  status: 'short' | 'ok'
  message: string
}

/** How the community compares with one admin per 100 members (the owner is not counted as an admin). */
export function staffAdvisory(members: number, admins: number): StaffAdvisory {
  const recommended = Math.max(1, Math.ceil(members / MEMBERS_PER_ADMIN))
  const base = `${members} 位成员，按每 ${MEMBERS_PER_ADMIN} 人 1 位管理员，建议 ${recommended} 位；现有 ${admins} 位`
  if (admins >= recommended)
    return { members, admins, recommended, status: 'ok', message: `${base}，人手充足。` }
  return {
    members,
    admins,
    recommended,
    status: 'short',
    message: `${base}，还差 ${recommended - admins} 位，可以从活跃成员中任命。`,
  }
}

/** Whether someone who owns `owned` communities may own one more. */
export function mayOwnAnother(owned: number): boolean {
  return owned < MAX_OWNED_COMMUNITIES
}

/** The audit line of a role change, as staff read it in the log. */
export function roleChangeReason(fromName: string, toName: string, title?: string | null): string {
  return `${fromName} → ${toName}${title ? `（${title}）` : ''}`
}
