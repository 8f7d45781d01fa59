import { z } from 'zod'
import type { ExportPart } from '../csv'
import type { DirectoryCounts, MemberStatus } from '../directory'
import { MEMBER_STATUSES } from '../directory'
import { LEVELS } from '../levels'
import { ROLES } from '../roles'
import { TIERS } from '../value-score'
import type { MemberScoreView } from './score'

const cursor = z.string().min(1).max(300).optional()
const memberId = z.string().min(1).max(200)
const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** The directory's filters (each optional; no status filter lists members still in the community). */
const filters = {
  query: z.string().trim().max(20).optional(),
  level: z.enum(LEVELS).optional(),
  tier: z.enum(TIERS).optional(),
  tag: z.string().min(1).max(40).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
}

export const directoryInputs = {
  /** Members whose nickname contains `query` (any part), filtered, a page at a time with chip counts. */
  search: z.object({ ...filters, cursor, limit: z.number().int().min(1).max(50).optional() }).strict(),
  /** One member's page for staff: profile, tags, ledger, orders, check-ins, score, violations, notes. */
  member: z.object({ memberId }).strict(),
  /** A private staff note on a member (staff only ever see them; screened as staff text). */
  saveNote: z.object({ memberId, text: z.string().trim().min(1).max(500) }).strict(),
  /** A member's staff notes, newest first. */
  notes: z.object({ memberId, cursor }).strict(),
  /** The directory (same filters) as CSV, one numbered file per call. */
  exportMembers: z.object({ ...filters, cursor }).strict(),
  /** The community's ledger between two Shanghai days (inclusive) as CSV, one numbered file per call. */
  exportLedger: z.object({ from: dayKey, to: dayKey, cursor }).strict(),
}

export type DirectoryInputs = { [K in keyof typeof directoryInputs]: z.input<(typeof directoryInputs)[K]> }

export interface DirectoryMember {
  memberId: string
  nickname: string
  role: string
  roleName: string
  level: string
  levelName: string
  tierName: string | null
  tags: string[]
  /** What to show beside the name: 禁言中, 沉睡…; empty for a plain active member. */
  statuses: { key: MemberStatus; name: string }[]
  balance: number
  totalEarned: number
  joinedAt: string
}

export interface DirectoryPage {
  members: DirectoryMember[]
  /** How many members match (query and filters). */
  total: number
  /** Chip counts when the matches were read whole (a search, or a community of up to 1,000); else null. */
  counts: DirectoryCounts | null
  /** More than 1,000 nicknames hold the query: only the first 1,000 were looked at; type more. */
  capped: boolean
  nextCursor: string | null
}

export interface StaffNote {
  id: string
  text: string
  byNickname: string
  createdAt: string
}

export interface NotesPage {
  notes: StaffNote[]
  nextCursor: string | null
}

export interface MemberViolation {
  id: string
  step: number
  reason: string
  createdAt: string
  expiresAt: string | null
  appeal: { text: string; decision: string | null } | null
}

export interface MemberPage {
  profile: DirectoryMember & {
    publicId: string | null
    lastActiveAt: string | null
    mutedUntil: string | null
    endedAt: string | null
    staffTitle: string | null
  }
  ledger: { id: string; kind: string; delta: number; reason: string; createdAt: string }[]
  orders: { id: string; itemName: string; price: number; status: string; createdAt: string }[]
  checkins: { dayKey: string; note: string; likes: number; points: number }[]
  score: MemberScoreView
  violations: MemberViolation[]
  notes: NotesPage
}

export interface DirectoryOutputs {
  search: DirectoryPage
  member: MemberPage
  saveNote: StaffNote
  notes: NotesPage
  exportMembers: ExportPart
  exportLedger: ExportPart
}
