/**
 * Writing documents: update operators applied by mingo to a copy (the stored document never changes
 * in place, so a failed batch leaves nothing behind), replacements for `set`, and the documents an
 * upsert creates.
 */
import { createUpdater } from 'mingo'
import { clone, isPlainObject, sameValue, type Doc } from './codec'
import { requestFailed, writeFailed } from './errors'
import { MINGO_OPTIONS } from './mongo-ops'

const mingoUpdate = createUpdater({ cloneMode: 'deep', queryOptions: MINGO_OPTIONS })

export function hasOperators(data: Doc): boolean {
  return Object.keys(data).some((k) => k.startsWith('$'))
}

/** `merge: true` turns a plain object into `$set` (the SDK already does; raw callers may not). */
export function toUpdateExpression(data: Doc): Doc {
  const keys = Object.keys(data)
  const ops = keys.filter((k) => k.startsWith('$'))
  if (ops.length === 0) return { $set: data }
  if (ops.length !== keys.length)
    throw writeFailed(`Unknown modifier: ${keys.find((k) => !k.startsWith('$'))}`)
  return data
}

/** The document after `expression`, or null when it changes nothing (Mongo's nModified = 0). */
export function applyUpdate(doc: Doc, expression: Doc): Doc | null {
  const next = clone(doc)
  let changed = false
  for (const [op, args] of Object.entries(expression)) {
    if (isPlainObject(args) && Object.keys(args).length === 0) {
      throw writeFailed(`'${op}' is empty. You must specify a field like so: {${op}: {<field>: ...}}`)
    }
    try {
      if (mingoUpdate(next, { [op]: args } as never).length) changed = true
    } catch (err) {
      throw writeFailed((err as Error).message)
    }
  }
  if (!sameValue(next._id, doc._id)) {
    throw writeFailed("Performing an update on the path '_id' would modify the immutable field '_id'")
  }
  return changed && !sameValue(next, doc) ? next : null
}

/** `set` replaces the whole document but keeps its `_id`, first as Mongo stores it. */
export function replacement(id: unknown, data: Doc): Doc {
  if (hasOperators(data)) throw requestFailed('replacement document must not contain update operators')
  const rest = clone(data)
  delete rest._id
  return { _id: id, ...rest }
}

/** Fields an upsert copies from its query: top-level equalities (and those inside `$and`). */
export function upsertBase(query: Doc | undefined): Doc {
  const base: Doc = {}
  const take = (q: Doc): void => {
    for (const [key, value] of Object.entries(q)) {
      if (key === '$and' && Array.isArray(value)) value.forEach((sub) => isPlainObject(sub) && take(sub))
      else if (key.startsWith('$') || key.includes('.')) continue
      else if (isPlainObject(value) && hasOperators(value)) {
        if ('$eq' in value) base[key] = clone(value.$eq)
      } else base[key] = clone(value)
    }
  }
  if (query) take(query)
  return base
}
