import { directoryInputs } from '../../core/contracts/directory'
import {
  EXPORT_ROWS_PER_FILE,
  decodeExportCursor,
  encodeExportCursor,
  exportFileName,
  exportTime,
  toCsv,
  type ExportPart,
} from '../../core/csv'
import { LEDGER_KIND_NAMES } from '../../core/points'
import { accessFor } from '../../core/rights'
import { addDays, shanghaiDayStart } from '../../core/time'
import { findMany } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import type { LedgerRow } from '../../runtime/ledger'
import type { MemberDoc } from '../../runtime/membership'
import { READ_MAX } from '../roster'

const HEADER = ['时间', '成员编号', '成员', '类型', '积分变动', '变动后余额', '说明', '流水号']

/**
 * The community's ledger from `from` to `to` (Shanghai days, inclusive) as CSV, oldest first, one
 * numbered file of up to 2,000 rows per call; the cursor is the (time, id) the last file ended at.
 * Members are named by nickname and public id (the openid never leaves the server).
 */
export default memberAction({
  input: directoryInputs.exportLedger,
  access: accessFor('members'),
  async run(ctx, input): Promise<ExportPart> {
    const { db, membership, now } = ctx
    const communityId = membership.community._id
    if (input.from > input.to)
      return fail('INVALID_INPUT', '开始日期不能晚于结束日期', { from: '开始日期不能晚于结束日期' })
    const start = shanghaiDayStart(input.from)
    const end = shanghaiDayStart(addDays(input.to, 1))
    const at = input.cursor ? decodeExportCursor(input.cursor) : { part: 1, after: [] }
    if (!at || (input.cursor && (typeof at.after[0] !== 'string' || typeof at.after[1] !== 'string')))
      return fail('INVALID_CURSOR')
    const _ = db.command
    let last = input.cursor ? { createdAt: new Date(at.after[0] as string), id: at.after[1] as string } : null
    if (last && Number.isNaN(last.createdAt.getTime())) return fail('INVALID_CURSOR')
    const rows: LedgerRow[] = []
    let more = false
    while (rows.length < EXPORT_ROWS_PER_FILE) {
      const where = last
        ? _.or([
            { communityId, createdAt: _.gt(last.createdAt).and(_.lt(end)) },
            { communityId, createdAt: last.createdAt, _id: _.gt(last.id) },
          ])
        : { communityId, createdAt: _.gte(start).and(_.lt(end)) }
      const read = await findMany<LedgerRow>(
        db
          .collection('ledger')
          .where(where)
          .orderBy('createdAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(READ_MAX),
      )
      rows.push(...read)
      const tail = read[read.length - 1]
      if (tail) last = { createdAt: new Date(tail.createdAt), id: tail._id }
      more = read.length === READ_MAX
      if (!more) break
    }
    // Who each row belongs to, by id in one read per 1,000 people.
    const openids = [...new Set(rows.map((r) => r.openid))]
    const people = new Map<string, Pick<MemberDoc, 'nickname' | 'publicId'>>()
    for (let i = 0; i < openids.length; i += READ_MAX) {
      const ids = openids.slice(i, i + READ_MAX).map((o) => `${communityId}_${o}`)
      const found = await findMany<MemberDoc>(
        db
          .collection('members')
          .where({ _id: _.in(ids) })
          .field({ openid: true, nickname: true, publicId: true })
          .limit(READ_MAX),
      )
      for (const m of found) people.set(m.openid, m)
    }
    const nextCursor =
      more && last ? encodeExportCursor(at.part + 1, [last.createdAt.toISOString(), last.id]) : null
    const cells = rows.map((r) => {
      const who = people.get(r.openid)
      return [
        exportTime(r.createdAt),
        who?.publicId ?? '',
        who?.nickname ?? '',
        LEDGER_KIND_NAMES[r.kind],
        r.delta,
        r.balanceAfter,
        r.reason,
        // The row's source without the community and openid it starts with: 'checkin:2026-12-01'.
        r.source,
      ]
    })
    return {
      csv: toCsv(HEADER, cells),
      fileName: exportFileName(membership.community.name, '积分流水', now, {
        detail: `${input.from}至${input.to}`,
        part: at.part,
        more: !!nextCursor,
      }),
      rows: cells.length,
      part: at.part,
      nextCursor,
    }
  },
})
