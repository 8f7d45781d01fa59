/**
 * Values on the wire and on disk. The SDK sends canonical EJSON strings; documents go back as canonical
 * EJSON strings too (what the real service returns, `{"$numberDouble":"1.5"}` and all). In memory a
 * document is plain JS: Date, RegExp, numbers, strings, arrays, objects (bson types pass through).
 */
import { BSONRegExp, EJSON, type Document } from 'bson'

export type Doc = Record<string, unknown>

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

const JS_REGEX_FLAGS = /[^imsu]/g

/**
 * Turn parsed EJSON into evaluable JS: BSONRegExp becomes RegExp (mingo matches RegExp only) and,
 * when `now` is given, `{$tcb_server_date:{offset}}` becomes the server's time plus offset.
 */
function revive(value: unknown, now: (() => Date) | null): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(JS_REGEX_FLAGS, ''))
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], now)
    return value
  }
  if (isPlainObject(value)) {
    const marker = value.$tcb_server_date as { offset?: unknown } | undefined
    if (now && marker && typeof marker === 'object' && Object.keys(value).length === 1) {
      return new Date(now().getTime() + (Number(marker.offset) || 0))
    }
    for (const key of Object.keys(value)) value[key] = revive(value[key], now)
    return value
  }
  return value
}

/** Parse a request field that holds EJSON (string, or already-parsed JSON from a raw caller). */
export function decode(input: unknown, now: () => Date): unknown {
  if (input === undefined || input === null || input === '') return undefined
  const parsed =
    typeof input === 'string'
      ? EJSON.parse(input, { relaxed: true })
      : EJSON.deserialize(input as Document, { relaxed: true })
  // One instant per request field: two serverDate()s in one write are the same moment (plus offsets),
  // as on the service, not a millisecond apart.
  const at = now()
  return revive(parsed, () => at)
}

/** Parse EJSON written by this process (WAL, snapshot): no server dates to resolve. */
export function decodeStored(text: string): unknown {
  return revive(EJSON.parse(text, { relaxed: true }), null)
}

export const encodeStored = (value: unknown): string => EJSON.stringify(value as Document, { relaxed: true })

/**
 * A document as the SDK reads it back (`res.data.list.map(EJSON.parse)`). Like the service, an
 * ObjectId anywhere but the document's own `_id` goes back as its hex string.
 */
export function encodeDoc(doc: Doc): string {
  const text = EJSON.stringify(doc, { relaxed: false })
  if (!text.includes('"$oid"')) return text
  let root: unknown
  return EJSON.stringify(
    doc,
    function (this: unknown, key: string, value: unknown) {
      if (key === '') root = value
      else if (isOid(value) && !(key === '_id' && this === root)) return value.$oid
      return value
    },
    undefined,
    { relaxed: false },
  )
}

const isOid = (value: unknown): value is { $oid: string } =>
  isPlainObject(value) && typeof value.$oid === 'string' && Object.keys(value).length === 1

/** The first field name, at any depth, that starts with `$` (the service refuses such documents). */
export function dollarField(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = dollarField(item)
      if (found) return found
    }
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$')) return key
      const found = dollarField(item)
      if (found) return found
    }
  }
  return null
}

/** Deep copy of plain data; Date and RegExp copied, other class instances (bson types) shared as immutable. */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) out[key] = clone(value[key])
    return out as T
  }
  return value
}

/** Value equality for "did this update change anything" (Mongo's nModified). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  if (a instanceof RegExp && b instanceof RegExp) return a.source === b.source && a.flags === b.flags
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]))
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a[k], b[k]))
  }
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b)
  if (a && b && typeof a === 'object' && typeof b === 'object') return encodeStored(a) === encodeStored(b)
  return false
}

/** A type-aware key for a single value: equal keys for values Mongo's equality treats as equal. */
export function valueKey(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return 's' + value
    case 'number':
      return 'n' + (Object.is(value, -0) ? 0 : value)
    case 'boolean':
      return 'b' + value
  }
  if (value instanceof Date) return 'd' + value.getTime()
  return 'j' + EJSON.stringify(value as Document, { relaxed: false })
}

export { isPlainObject }
