/**
 * The member directory's rules (成员管理): what each status means, which members a filter keeps,
 * the counts beside each filter chip, and a member as an exported row. Pure: `now` is a parameter.
 */
import type { CsvCell } from './csv'
import { exportTime } from './csv'
import { LEVEL_NAMES, type Level } from './levels'
import { searchForm } from './nickname'
import { ROLE_NAMES, type Role } from './roles'
import { TIER_NAMES, type Tier } from './value-score'

export const MEMBER_STATUSES = ['active', 'muted', 'dormant', 'silent', 'removed', 'left'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

export const MEMBER_STATUS_NAMES: Record<MemberStatus, string> = {
  active: '正常',
  muted: '禁言中',
  dormant: '沉睡',
  silent: '沉默',
  removed: '已移出',
  left: '已退出',
}

/** The member fields the directory reads (runtime/membership MemberDoc plus level, score and sanction fields). */
export interface DirectoryFacts {
  nickname: string
  role: Role
  level: Level
  tier?: Tier | null
  tags?: string[]
  status?: 'active' | 'left' | 'removed'
  mutedUntil?: Date | string | null
  dormantSince?: Date | string | null
  silent?: boolean
}

export interface DirectoryFilter {
  level?: Level
  tier?: Tier
  tag?: string
  role?: Role
  status?: MemberStatus
}

/** Every status that describes the member now; a member still in the community is `active` besides. */
export function statusesOf(m: DirectoryFacts, now: Date): MemberStatus[] {
  if (m.status === 'left' || m.status === 'removed') return [m.status]
  const out: MemberStatus[] = ['active']
  if (m.mutedUntil && new Date(m.mutedUntil).getTime() > now.getTime()) out.push('muted')
  if (m.dormantSince) out.push('dormant')
  if (m.silent) out.push('silent')
  return out
}

/** Whether the nickname contains `query` (both in search form), the exact check after the grams. */
export function nicknameContains(nickname: string, query: string): boolean {
  return searchForm(nickname).includes(searchForm(query))
}

/** Whether the member passes every filter; without a status filter, members who left or were removed are not listed. */
export function matchesFilter(m: DirectoryFacts, filter: DirectoryFilter, now: Date): boolean {
  if (filter.level && m.level !== filter.level) return false
  if (filter.tier && m.tier !== filter.tier) return false
  if (filter.role && m.role !== filter.role) return false
  if (filter.tag && !(m.tags ?? []).includes(filter.tag)) return false
  return statusesOf(m, now).includes(filter.status ?? 'active')
}

export interface DirectoryCounts {
  level: Partial<Record<Level, number>>
  tier: Partial<Record<Tier, number>>
  role: Partial<Record<Role, number>>
  status: Partial<Record<MemberStatus, number>>
  tag: Record<string, number>
}

/**
 * The count beside each chip: how many of `members` a filter would keep if that chip were chosen
 * instead of the current value of its own dimension (the other filters stay).
 */
export function countChips(members: DirectoryFacts[], filter: DirectoryFilter, now: Date): DirectoryCounts {
  const counts: DirectoryCounts = { level: {}, tier: {}, role: {}, status: {}, tag: {} }
  const bump = <K extends string>(into: Partial<Record<K, number>>, key: K) =>
    (into[key] = (into[key] ?? 0) + 1)
  for (const m of members) {
    const keeps = (without: keyof DirectoryFilter) =>
      matchesFilter(m, { ...filter, [without]: undefined }, now)
    if (keeps('level')) bump(counts.level, m.level)
    if (keeps('tier') && m.tier) bump(counts.tier, m.tier)
    if (keeps('role')) bump(counts.role, m.role)
    if (keeps('tag')) for (const tag of new Set(m.tags ?? [])) bump(counts.tag, tag)
    for (const s of statusesOf(m, now))
      if (matchesFilter(m, { ...filter, status: s }, now)) bump(counts.status, s)
  }
  return counts
}

/** 禁言中、沉默 — or 正常 when nothing else describes the member. */
function statusNames(m: DirectoryFacts, now: Date): string {
  const shown = statusesOf(m, now).filter((s) => s !== 'active')
  return (shown.length ? shown : (['active'] as const)).map((s) => MEMBER_STATUS_NAMES[s]).join('、')
}

export const MEMBER_EXPORT_HEADER = [
  '成员编号',
  '昵称',
  '角色',
  '等级',
  '本周分层',
  '标签',
  '状态',
  '可用积分',
  '累计积分',
  '加入时间',
  '最近活跃',
]

/** A member as a row of the members export (readable id: the public id, never the openid). */
export function memberExportRow(
  m: DirectoryFacts & {
    publicId?: string
    balance: number
    totalEarned: number
    joinedAt: Date | string
    lastActiveAt?: Date | string | null
  },
  now: Date,
): CsvCell[] {
  return [
    m.publicId ?? '',
    m.nickname,
    ROLE_NAMES[m.role],
    LEVEL_NAMES[m.level],
    m.tier ? TIER_NAMES[m.tier] : '',
    (m.tags ?? []).join('、'),
    statusNames(m, now),
    m.balance,
    m.totalEarned,
    exportTime(m.joinedAt),
    exportTime(m.lastActiveAt),
  ]
}
