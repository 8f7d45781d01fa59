import { accessFor } from '../../core/rights'
import { surveyInputs } from '../../core/contracts/survey'
import {
  EXPORT_ROWS_PER_FILE,
  decodeExportCursor,
  encodeExportCursor,
  exportFileName,
  exportTime,
  toCsv,
  type CsvCell,
  type ExportPart,
} from '../../core/csv'
import { answerCell } from '../../core/survey'
import type { Database } from '../../runtime/cloud'
import { findMany } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import type { ResponseDoc, SurveyDoc, SurveyTextDoc } from '../../runtime/surveys'
import { loadSurvey } from '../community-survey'

/** Rows per exported file (the one export format); a bigger survey comes as numbered files. */
export const EXPORT_ROWS = EXPORT_ROWS_PER_FILE
const BATCH = 1000

/** Where the previous file ended — named: [createdAt ISO, _id] of its last row; anonymous: the last _id. */
type After = [string, string] | string

function readCursor(cursor: string | undefined): { part: number; after: After } | null {
  if (!cursor) return null
  const at = decodeExportCursor(cursor)
  const [a, b] = at?.after ?? []
  if (at && typeof a === 'string' && (b === undefined || typeof b === 'string'))
    return { part: at.part, after: b === undefined ? a : [a, b] }
  return fail('INVALID_CURSOR')
}

/**
 * Responses as CSV (core/csv). Named surveys: oldest first with nickname and time. Anonymous surveys
 * carry no identity at all: no openid or nickname is stored, no time column, and rows go in the
 * order of their hashed ids, so not even the order says who answered when. Held or rejected text
 * answers are exported as 「（待审核）」/「（未通过审核）」.
 */
export default memberAction({
  input: surveyInputs.exportResponses,
  access: accessFor('surveys'),
  async run(ctx, input): Promise<ExportPart> {
    const { db } = ctx
    const _ = db.command
    const survey = await loadSurvey(ctx, input.surveyId)
    const from = readCursor(input.cursor)
    const rows: ResponseDoc[] = []
    let after = from?.after ?? null
    let more = true
    while (more && rows.length < EXPORT_ROWS) {
      const scope = { surveyId: survey._id, round: survey.round }
      let query
      if (survey.anonymous) {
        const where = typeof after === 'string' ? { ...scope, _id: _.gt(after) } : scope
        query = db.collection('survey_responses').where(where).orderBy('_id', 'asc')
      } else {
        const where = Array.isArray(after)
          ? _.or([
              { ...scope, createdAt: _.gt(new Date(after[0])) },
              { ...scope, createdAt: new Date(after[0]), _id: _.gt(after[1]) },
            ])
          : scope
        query = db
          .collection('survey_responses')
          .where(where)
          .orderBy('createdAt', 'asc')
          .orderBy('_id', 'asc')
      }
      const want = Math.min(BATCH, EXPORT_ROWS - rows.length)
      const batch = await findMany<ResponseDoc>(query.limit(want + 1))
      const kept = batch.slice(0, want)
      rows.push(...kept)
      more = batch.length > want
      const last = kept[kept.length - 1]
      if (last) after = survey.anonymous ? last._id : [new Date(last.createdAt).toISOString(), last._id]
    }
    const withheld = await withheldTexts(ctx.db, survey)
    const questions = survey.questions
    const header = [
      '序号',
      ...(survey.anonymous ? [] : ['昵称', '回答时间']),
      ...questions.map((q, i) => `${i + 1}. ${q.title}`),
      '获得积分',
    ]
    const part = from?.part ?? 1
    const offset = (part - 1) * EXPORT_ROWS
    const cells: CsvCell[][] = rows.map((r, i) => [
      offset + i + 1,
      ...(survey.anonymous ? [] : [r.nickname, exportTime(r.createdAt)]),
      ...questions.map((q) => withheld.get(`${r._id}:${q.id}`) ?? answerCell(q, r.answers[q.id])),
      r.points,
    ])
    const nextCursor =
      more && after ? encodeExportCursor(part + 1, Array.isArray(after) ? after : [after]) : null
    return {
      csv: toCsv(header, cells),
      // 晨读会-问卷-读书偏好调查-2026-12-05.csv, numbered (…-2.csv) when split
      fileName: exportFileName(ctx.membership.community.name, `问卷-${survey.title.slice(0, 20)}`, ctx.now, {
        part,
        more: !!nextCursor,
      }),
      rows: rows.length,
      nextCursor,
      part,
    }
  },
})

/** Text answers not shown (held for review or rejected), by `${responseId}:${questionId}`. */
async function withheldTexts(db: Database, survey: SurveyDoc): Promise<Map<string, string>> {
  const texts = survey.questions.filter((q) => q.type === 'text')
  const found = await Promise.all(
    texts.flatMap((q) =>
      (['held', 'rejected'] as const).map((status) =>
        findMany<SurveyTextDoc>(
          db.collection('survey_texts').where({ surveyId: survey._id, questionId: q.id, status }).limit(1000),
        ),
      ),
    ),
  )
  return new Map(found.flat().map((t) => [t._id, t.status === 'held' ? '（待审核）' : '（未通过审核）']))
}
