import { directoryInputs } from '../../core/contracts/directory'
import {
  EXPORT_ROWS_PER_FILE,
  decodeExportCursor,
  encodeExportCursor,
  exportFileName,
  toCsv,
  type ExportPart,
} from '../../core/csv'
import { MEMBER_EXPORT_HEADER, matchesFilter, memberExportRow, nicknameContains } from '../../core/directory'
import { accessFor } from '../../core/rights'
import { findMany } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { READ_MAX, LIST_FIELDS, filterWhere, gramsWhere, type DirectoryDoc } from '../roster'

/**
 * The directory (query and filters) as CSV, one numbered file of up to 2,000 members per call, in
 * member-id order so the next file starts where this one ended (any size, no offsets).
 */
export default memberAction({
  input: directoryInputs.exportMembers,
  access: accessFor('members'),
  async run(ctx, input): Promise<ExportPart> {
    const { db, membership, now } = ctx
    const communityId = membership.community._id
    const { query, cursor, ...filter } = input
    const at = cursor ? decodeExportCursor(cursor) : { part: 1, after: [] }
    const after = at?.after[0]
    if (!at || (cursor && (typeof after !== 'string' || !after.startsWith(`${communityId}_`))))
      return fail('INVALID_CURSOR')
    const base = { ...gramsWhere(db, communityId, query), ...filterWhere(db, filter, now) }
    const members: DirectoryDoc[] = []
    let last = after as string | undefined
    let more = false
    while (members.length < EXPORT_ROWS_PER_FILE) {
      const where = last ? { ...base, _id: db.command.gt(last) } : base
      const read = await findMany<DirectoryDoc>(
        db.collection('members').where(where).orderBy('_id', 'asc').limit(READ_MAX).field(LIST_FIELDS),
      )
      members.push(...read)
      last = read[read.length - 1]?._id ?? last
      more = read.length === READ_MAX
      if (!more) break
    }
    const kept = members.filter(
      (m) => (!query || nicknameContains(m.nickname, query)) && matchesFilter(m, filter, now),
    )
    const nextCursor = more && last ? encodeExportCursor(at.part + 1, [last]) : null
    return {
      csv: toCsv(
        MEMBER_EXPORT_HEADER,
        kept.map((m) => memberExportRow(m, now)),
      ),
      fileName: exportFileName(membership.community.name, '成员', now, { part: at.part, more: !!nextCursor }),
      rows: kept.length,
      part: at.part,
      nextCursor,
    }
  },
})
