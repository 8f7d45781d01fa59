/**
 * Where mingo differs from MongoDB (and so from the real service), corrected around it: a mingo
 * Context whose operators take precedence over mingo's own, passed as `MINGO_OPTIONS` to every
 * Query, Aggregator and updater the local database builds.
 *   $elemMatch with field conditions   matches embedded documents only, never plain array values
 *   $week                              Sunday-based weeks, 0 before the year's first Sunday
 *   $indexOfCP                         missing in mingo
 *   $substrBytes                       a negative length means "to the end of the string"
 *   $count                             no row over no documents
 *   $jsonSchema                        refused as an operator the service does not run
 */
import 'mingo/init/system'
import { Context, type Query } from 'mingo'
import { requestFailed, unknownOperator } from './errors'

type Options = NonNullable<ConstructorParameters<typeof Query>[1]>
type Obj = Record<string, unknown>
type Expression = (obj: Obj, expr: unknown, options: Options) => unknown
type PipelineOperator = NonNullable<NonNullable<Parameters<typeof Context.init>[0]>['pipeline']>[string]

// mingo's own operators, to wrap. Its subpath exports have no types under our moduleResolution.
const { computeValue } = require('mingo/core') as {
  computeValue(obj: Obj, expr: unknown, operator: string | null, options: Options): unknown
}
const mingoQuery = require('mingo/operators/query') as {
  $elemMatch(selector: string, spec: unknown, options: Options): (obj: Obj) => boolean
}
const mingoExpression = require('mingo/operators/expression') as {
  $dayOfYear: Expression
  $dayOfWeek: Expression
}
const mingoPipeline = require('mingo/operators/pipeline') as { $count: PipelineOperator }

const BOOLEAN_OPERATORS = ['$and', '$or', '$nor']

/** Conditions on the element itself (`{ $gt: 1 }`), not on fields of an embedded document (`{ x: 1 }`). */
const isValueCondition = (spec: unknown): boolean =>
  !!spec &&
  typeof spec === 'object' &&
  Object.keys(spec).every((k) => k.startsWith('$') && !BOOLEAN_OPERATORS.includes(k))

/** Field conditions hold only for an element that is a document. */
const documentsOnly = (spec: object): object => ({
  $and: [{ $expr: { $eq: [{ $type: '$$ROOT' }, 'object'] } }, spec],
})

function fail(message: string): never {
  throw requestFailed(message)
}

/** Sunday-based week of the year (0–53), as MongoDB's $week: week 1 starts on the first Sunday. */
function week(obj: Obj, expr: unknown, options: Options): number {
  const dayOfYear = mingoExpression.$dayOfYear(obj, expr, options) as number
  const dayOfWeek = mingoExpression.$dayOfWeek(obj, expr, options) as number
  return Math.floor((dayOfYear - dayOfWeek + 7) / 7)
}

/** Code point index of a substring, within optional [start, end) code points; -1 when absent. */
function indexOfCP(obj: Obj, expr: unknown, options: Options): number | null {
  const args = computeValue(obj, expr, null, options) as unknown[]
  if (!Array.isArray(args) || args.length < 2 || args.length > 4)
    fail('Expression $indexOfCP takes at least 2 arguments, and at most 4')
  const [text, search, start = 0, end] = args
  if (text === null || text === undefined) return null
  if (typeof text !== 'string') fail('$indexOfCP requires a string as the first argument')
  if (typeof search !== 'string') fail('$indexOfCP requires a string as the second argument')
  if (typeof start !== 'number' || start < 0 || !Number.isInteger(start))
    fail('$indexOfCP requires a nonnegative integral starting index')
  if (end !== undefined && (typeof end !== 'number' || end < 0 || !Number.isInteger(end)))
    fail('$indexOfCP requires a nonnegative integral ending index')
  const points = Array.from(text)
  const needle = Array.from(search)
  const last = Math.min(points.length, end === undefined ? points.length : (end as number))
  for (let i = start; i + needle.length <= last; i++) {
    if (needle.every((c, j) => points[i + j] === c)) return i
  }
  return -1
}

/** Bytes [index, index + count) of the UTF-8 string; a negative count takes the rest of the string. */
function substrBytes(obj: Obj, expr: unknown, options: Options): string {
  const args = computeValue(obj, expr, null, options) as unknown[]
  if (!Array.isArray(args) || args.length !== 3) fail('Expression $substrBytes takes exactly 3 arguments')
  const [text, index, count] = args
  if (text === null || text === undefined) return ''
  if (typeof index !== 'number' || index < 0) fail('$substrBytes: starting index must be non-negative')
  if (typeof count !== 'number') fail('$substrBytes: length must be a numeric type')
  const bytes = Buffer.from(String(text), 'utf8')
  const start = Math.min(Math.trunc(index), bytes.length)
  const end = count < 0 ? bytes.length : Math.min(bytes.length, start + Math.trunc(count))
  const continuation = (at: number): boolean => at < bytes.length && (bytes[at] & 0xc0) === 0x80
  if (continuation(start)) fail('$substrBytes: Invalid range, starting index is a UTF-8 continuation byte.')
  if (continuation(end))
    fail('$substrBytes: Invalid range, ending index is in the middle of a UTF-8 character.')
  return bytes.subarray(start, end).toString('utf8')
}

const context = Context.init({
  query: {
    $elemMatch: (selector: string, spec: unknown, options: Options) =>
      mingoQuery.$elemMatch(selector, isValueCondition(spec) ? spec : documentsOnly(spec as object), options),
    $jsonSchema: () => {
      throw unknownOperator('$jsonSchema')
    },
  },
  expression: { $week: week, $indexOfCP: indexOfCP, $substrBytes: substrBytes },
  pipeline: {
    // Over no documents MongoDB's $count gives no row at all, not a count of 0.
    $count: (collection, expr, options) =>
      mingoPipeline.$count(collection, expr, options).filter((row: Obj) => Number(row[expr as string]) > 0),
  },
})

/** Options for every mingo Query and Aggregator: our operators first, then mingo's. */
export const MINGO_OPTIONS: Options = { context, useGlobalContext: true }
