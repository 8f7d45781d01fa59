/** The `directory` cloud function: 成员管理 — search, a member's page, staff notes, exports. */
import type { DirectoryInputs } from '@core/contracts/directory'
import { call } from './call'

export type {
  DirectoryMember,
  DirectoryPage,
  MemberPage,
  NotesPage,
  StaffNote,
} from '@core/contracts/directory'
export type { DirectoryCounts, DirectoryFilter, MemberStatus } from '@core/directory'

export type DirectorySearch = Omit<DirectoryInputs['search'], 'cursor' | 'limit'>

/** Members whose nickname contains the query (any part), filtered, a page at a time. */
export const searchMembers = (search: DirectorySearch, cursor?: string) =>
  call('directory', 'search', { ...search, cursor })

export const memberPage = (memberId: string) => call('directory', 'member', { memberId })

export const saveNote = (memberId: string, text: string) => call('directory', 'saveNote', { memberId, text })

export const memberNotes = (memberId: string, cursor?: string) =>
  call('directory', 'notes', { memberId, cursor })

export const exportMembers = (search: DirectorySearch, cursor?: string) =>
  call('directory', 'exportMembers', { ...search, cursor })

export const exportLedger = (from: string, to: string, cursor?: string) =>
  call('directory', 'exportLedger', { from, to, cursor })
