import { dashboardInputs } from '../../core/contracts/dashboard'
import {
  EXPORT_ROWS_PER_FILE,
  decodeExportCursor,
  encodeExportCursor,
  exportFileName,
  toCsv,
  type ExportPart,
} from '../../core/csv'
import { DAILY_CSV_HEADER, dailyRow, type DailyFigures } from '../../core/metrics'
import { findMany } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { DASHBOARD_ACCESS, assertDashboard } from '../access'

/** The daily figures as CSV, oldest first, up to 2,000 days per numbered file. */
export default memberAction({
  input: dashboardInputs.exportDaily,
  access: DASHBOARD_ACCESS,
  async run(ctx, input): Promise<ExportPart> {
    const { db, membership, now } = ctx
    assertDashboard(membership)
    const _ = db.command
    const cid = membership.community._id
    const at = input.cursor ? decodeExportCursor(input.cursor) : { part: 1, after: [] as unknown[] }
    if (!at || (at.part > 1 && typeof at.after[0] !== 'string')) return fail('INVALID_CURSOR')
    const after = at.after[0] as string | undefined
    const rows: DailyFigures[] = []
    while (rows.length < EXPORT_ROWS_PER_FILE + 1) {
      const last = rows.length ? rows[rows.length - 1].day : after
      const page = await findMany<DailyFigures>(
        db
          .collection('metrics_daily')
          .where({ communityId: cid, ...(last ? { day: _.gt(last) } : {}) })
          .orderBy('day', 'asc')
          .limit(500),
      )
      rows.push(...page)
      if (page.length < 500) break
    }
    const more = rows.length > EXPORT_ROWS_PER_FILE
    const kept = rows.slice(0, EXPORT_ROWS_PER_FILE)
    return {
      csv: toCsv(DAILY_CSV_HEADER, kept.map(dailyRow)),
      fileName: exportFileName(membership.community.name, '每日数据', now, { part: at.part, more }),
      rows: kept.length,
      part: at.part,
      nextCursor: more ? encodeExportCursor(at.part + 1, [kept[kept.length - 1].day]) : null,
    }
  },
})
