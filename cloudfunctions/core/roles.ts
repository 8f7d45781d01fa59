/** Roles inside one community, from most to least powerful (SPEC "1+3+N"). */
export const ROLES = ['owner', 'admin', 'organiser', 'volunteer', 'member'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_NAMES: Record<Role, string> = {
  owner: '主理人',
  admin: '管理员',
  organiser: '活动官',
  volunteer: '志愿者',
  member: '成员',
}

/**
 * Who may call an action: 'anyone' needs only a WeChat identity (joining, reading one's own
 * profile); a list of roles needs membership of the community with one of them.
 */
export type Access = 'anyone' | readonly Role[]

export const EVERY_MEMBER: readonly Role[] = ROLES

export function roleAllows(access: Access, role: Role | undefined | null): boolean {
  if (access === 'anyone') return true
  return !!role && access.includes(role)
}
