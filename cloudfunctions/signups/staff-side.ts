/** The staff side of one activity: its lists in arrival order, their CSV exports, and the attendance code. */
import type { AttendanceCodeView, SignupListPage } from '../core/contracts/signups'
import { signupsInputs } from '../core/contracts/signups'
import type { SignupDoc } from '../core/activities'
import {
  EXPORT_ROWS_PER_FILE,
  decodeExportCursor,
  encodeExportCursor,
  exportFileName,
  exportTime,
  toCsv,
  type ExportPart,
} from '../core/csv'
import { accessFor } from '../core/rights'
import {
  ATTENDANCE_WINDOW_MS,
  codeWindow,
  SIGNUP_EXPORT_HEADER,
  SIGNUP_LIST_NAMES,
  windowEnd,
  type SignupList,
} from '../core/signup'
import type { Database } from '../runtime/cloud'
import { findMany } from '../runtime/db'
import { fail } from '../runtime/errors'
import { memberAction } from '../runtime/handler'
import { codeFor, ensureSecret } from './code'
import { loadActivity, signupRow } from './views'

const PAGE = 50
const EXPORT_PAGE = 500

/** One page of a list after the sign-up with `afterSeq`, in arrival order (index activity_state_seq). */
async function listPage(db: Database, activityId: string, list: SignupList, afterSeq: number, limit: number) {
  const _ = db.command
  const where =
    list === 'attended'
      ? { activityId, state: 'confirmed', seq: _.gt(afterSeq), attendedAt: _.neq(null) }
      : { activityId, state: list, seq: _.gt(afterSeq) }
  const rows = await findMany<SignupDoc>(
    db
      .collection('activity_signups')
      .where(where)
      .orderBy('seq', 'asc')
      .limit(limit + 1),
  )
  return { page: rows.slice(0, limit), more: rows.length > limit }
}

function seqCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0
  if (!/^[1-9]\d{0,8}$/.test(cursor)) return fail('INVALID_CURSOR')
  return Number(cursor)
}

export const list = memberAction({
  input: signupsInputs.list,
  access: accessFor('activities'),
  async run(ctx, input): Promise<SignupListPage> {
    const { db, membership } = ctx
    await loadActivity(db, input.activityId, membership.community._id)
    const { page, more } = await listPage(db, input.activityId, input.list, seqCursor(input.cursor), PAGE)
    return {
      list: input.list,
      rows: page.map(signupRow),
      nextCursor: more ? String(page[page.length - 1].seq) : null,
    }
  },
})

export const exportList = memberAction({
  input: signupsInputs.exportList,
  access: accessFor('activities'),
  async run(ctx, input): Promise<ExportPart> {
    const { db, membership, now } = ctx
    const activity = await loadActivity(db, input.activityId, membership.community._id)
    const at = input.cursor ? decodeExportCursor(input.cursor) : { part: 1, after: [0] }
    if (!at || typeof at.after[0] !== 'number') return fail('INVALID_CURSOR')
    const signups: SignupDoc[] = []
    let after = at.after[0]
    let more = true
    while (more && signups.length < EXPORT_ROWS_PER_FILE) {
      const want = Math.min(EXPORT_PAGE, EXPORT_ROWS_PER_FILE - signups.length)
      const next = await listPage(db, activity._id, input.list, after, want)
      signups.push(...next.page)
      more = next.more
      if (next.page.length) after = next.page[next.page.length - 1].seq
    }
    const rows = signups.map((s) => {
      const row = signupRow(s)
      return [
        s.seq,
        s.nickname,
        row.stateName,
        exportTime(s.createdAt),
        exportTime(s.promotedAt),
        exportTime(s.cancelledAt),
        exportTime(s.attendedAt),
        s.pointsPaid ?? '',
        s.subscribed ? '是' : '否',
      ]
    })
    const nextCursor = more ? encodeExportCursor(at.part + 1, [after]) : null
    return {
      // 读书会-活动报名-2026-12-05-<活动>-签到名单.csv
      fileName: exportFileName(membership.community.name, '活动报名', now, {
        detail: `${activity.title}-${SIGNUP_LIST_NAMES[input.list]}`,
        part: at.part,
        more: !!nextCursor,
      }),
      csv: toCsv(SIGNUP_EXPORT_HEADER, rows),
      rows: rows.length,
      part: at.part,
      nextCursor,
    }
  },
})

export const attendanceCode = memberAction({
  input: signupsInputs.attendanceCode,
  access: accessFor('activities'),
  async run(ctx, input): Promise<AttendanceCodeView> {
    const { db, membership, now } = ctx
    const communityId = membership.community._id
    const activity = await loadActivity(db, input.activityId, communityId)
    if (activity.stage !== 'published' && activity.stage !== 'finished')
      return fail('ACTIVITY_NOT_OPEN', '活动已取消或还未发布')
    const secret = await ensureSecret(db, activity._id, communityId, now)
    const window = codeWindow(now)
    return {
      code: codeFor(secret, window),
      expiresAt: windowEnd(window).toISOString(),
      windowMs: ATTENDANCE_WINDOW_MS,
      now: now.toISOString(),
      title: activity.title,
    }
  },
})
