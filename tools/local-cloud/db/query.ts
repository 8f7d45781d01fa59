/**
 * Reading documents: a small planner picks the candidates (an `_id` lookup, else the most selective
 * schema index with an equality on its first field, else the whole collection, iterated in place),
 * and mingo decides exactly which match, sorts and projects.
 */
import 'mingo/init/system'
import { Query } from 'mingo'
import { isPlainObject, type Doc } from './codec'
import { requestFailed } from './errors'
import { docKey, type Collection, type DocKey } from './store'

export interface FindSpec {
  query?: Doc
  order?: Record<string, 1 | -1>
  offset?: number
  limit?: number
  projection?: Doc
}

/** The values a condition pins a field to, or null when it is not a plain equality / $in. */
function equalityValues(cond: unknown): unknown[] | null {
  if (cond === undefined || cond instanceof RegExp) return null
  if (!isPlainObject(cond)) return [cond]
  const keys = Object.keys(cond)
  if (!keys.some((k) => k.startsWith('$'))) return [cond]
  if ('$eq' in cond && !(cond.$eq instanceof RegExp)) return [cond.$eq]
  if (Array.isArray(cond.$in) && !cond.$in.some((v) => v instanceof RegExp)) return cond.$in
  return null
}

function* byKeys(coll: Collection, keys: Iterable<DocKey>): Iterable<Doc> {
  for (const key of keys) {
    const doc = coll.docs.get(key)
    if (doc) yield doc
  }
}

/** A superset of the documents `query` can match, without copying the collection. */
export function candidates(coll: Collection, query: Doc | undefined): Iterable<Doc> {
  if (!query) return coll.docs.values()
  const ids = equalityValues(query._id)
  if (ids) return byKeys(coll, new Set(ids.map(docKey)))
  let best: Set<DocKey> | null = null
  for (const index of coll.indexes) {
    const values = equalityValues(query[index.firstField])
    if (!values) continue
    const found = new Set<DocKey>()
    for (const value of values) for (const id of index.lookup(value)) found.add(id)
    if (!best || found.size < best.size) best = found
  }
  return best ? byKeys(coll, best) : coll.docs.values()
}

export function compile(query: Doc | undefined): Query {
  try {
    return new Query(query ?? {})
  } catch (err) {
    throw requestFailed((err as Error).message)
  }
}

export function* matching(coll: Collection, query: Doc | undefined): Iterable<Doc> {
  const test = compile(query)
  for (const doc of candidates(coll, query)) if (test.test(doc)) yield doc
}

export function find(coll: Collection, spec: FindSpec): Doc[] {
  const offset = spec.offset ?? 0
  const limit = spec.limit ?? Infinity
  const order = spec.order && Object.keys(spec.order).length ? spec.order : null
  let docs: Doc[]
  if (order) {
    // mingo sorts with Mongo's cross-type ordering.
    docs = new Query({})
      .find<Doc>([...matching(coll, spec.query)])
      .sort(order)
      .skip(offset)
      .limit(limit)
      .all()
  } else {
    docs = []
    let skipped = 0
    for (const doc of matching(coll, spec.query)) {
      if (docs.length >= limit) break
      if (skipped < offset) skipped++
      else docs.push(doc)
    }
  }
  return project(docs, spec.query, spec.projection)
}

/** Apply a find projection (field inclusion/exclusion, $slice, $elemMatch, positional `$`). */
export function project(docs: Doc[], query: Doc | undefined, projection: Doc | undefined): Doc[] {
  if (!projection || Object.keys(projection).length === 0) return docs
  try {
    // mingo appends _id; Mongo keeps it first.
    return new Query(query ?? {})
      .find<Doc>(docs, projection)
      .all()
      .map(({ _id, ...rest }) => (_id === undefined ? rest : { _id, ...rest }))
  } catch (err) {
    throw requestFailed((err as Error).message)
  }
}

export function count(coll: Collection, query: Doc | undefined): number {
  let n = 0
  for (const doc of matching(coll, query)) if (doc) n++
  return n
}

/** The first match, for single-document update/remove. */
export function first(coll: Collection, query: Doc | undefined): Doc | null {
  for (const doc of matching(coll, query)) return doc
  return null
}
