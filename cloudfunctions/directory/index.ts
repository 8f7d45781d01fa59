// The `directory` cloud function (成员管理): search members by any part of the nickname with
// filters and counts, a member's page for staff with private notes, and the member and ledger exports.
import { defineFunction } from '../runtime/handler'
import exportLedger from './actions/export-ledger'
import exportMembers from './actions/export-members'
import member from './actions/member'
import notes from './actions/notes'
import saveNote from './actions/save-note'
import search from './actions/search'

export const main = defineFunction({ search, member, saveNote, notes, exportMembers, exportLedger })
