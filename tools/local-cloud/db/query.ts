/**
 * Reading documents: a small planner picks the candidates and mingo decides exactly which match,
 * sorts and projects. Candidates come from an `_id` lookup, else the cheapest of: a schema index's
 * ordered keys (equalities on its leading fields, then a range on the next one; walked in the
 * requested order when the index gives it, so sort + limit stops early; an `$in` on one of those
 * leading fields is one range per value, merged in order), an equality on an index's
 * first field, a multikey index's (first field, array element) pairs (`$all`, `$in` or equality on
 * an array field: every element an `$all` names narrows the set), or the whole collection. A count
 * whose every condition an index plan covers is answered from two positions in the index, without
 * reading documents.
 */
import 'mingo/init/system'
import { Query } from 'mingo'
import { isPlainObject, type Doc } from './codec'
import { DbError, requestFailed } from './errors'
import { MINGO_OPTIONS } from './mongo-ops'
import { compareValues, isScalarBound, sameBracket, type Entry } from './ordered'
import type { SecondaryIndex } from './indexes'
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

/** The values an `$all` requires together, when they are plain scalars (else null: not planned). */
function allValues(cond: unknown): unknown[] | null {
  if (!isPlainObject(cond) || Object.keys(cond).length !== 1 || !Array.isArray(cond.$all)) return null
  const values = cond.$all as unknown[]
  return values.length && values.every(isScalarBound) ? values : null
}

function union(sets: Set<DocKey>[]): Set<DocKey> {
  if (sets.length === 1) return sets[0]
  const out = new Set<DocKey>()
  for (const set of sets) for (const id of set) out.add(id)
  return out
}

function intersect(a: Set<DocKey>, b: Set<DocKey>): Set<DocKey> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  const out = new Set<DocKey>()
  for (const id of small) if (large.has(id)) out.add(id)
  return out
}

/**
 * Candidates from a multikey compound index: equality on its first field and, on its second (an
 * array field), equalities, `$in` or `$all` — each value `$all` names must be held, so the sets
 * intersect and a substring search by grams reads only the documents holding all of them.
 */
function multikeyCandidates(
  coll: Collection,
  index: SecondaryIndex,
  fields: Map<string, unknown[]>,
): Set<DocKey> | null {
  const firstConds = fields.get(index.fields[0])
  const firsts = firstConds?.length === 1 ? equalityValues(firstConds[0]) : null
  const conds = fields.get(index.fields[1])
  if (!firsts || !conds?.length || index.fields.length < 2) return null
  const holding = (value: unknown) => union(firsts.map((f) => index.pairLookup(coll.docs, f, value)))
  let found: Set<DocKey> | null = null
  const narrow = (set: Set<DocKey>) => (found = found === null ? set : intersect(found, set))
  for (const cond of conds) {
    const all = allValues(cond)
    if (all) for (const value of all) narrow(holding(value))
    else {
      const any = equalityValues(cond)
      if (any && any.every(isScalarBound)) narrow(union(any.map(holding)))
    }
  }
  return found
}

function* byKeys(coll: Collection, keys: Iterable<DocKey>): Iterable<Doc> {
  for (const key of keys) {
    const doc = coll.docs.get(key)
    if (doc) yield doc
  }
}

/** A field condition the ordered keys can serve: one value, or a range within one BSON type. */
type Bound =
  { eq: unknown } | { lo?: unknown; loOpen: boolean; hi?: unknown; hiOpen: boolean; bracket: unknown }

function boundOf(cond: unknown): Bound | null {
  if (!isPlainObject(cond)) return isScalarBound(cond) ? { eq: cond } : null
  const keys = Object.keys(cond)
  if (keys.length === 1 && keys[0] === '$eq') return isScalarBound(cond.$eq) ? { eq: cond.$eq } : null
  if (!keys.length || !keys.every((k) => ['$gt', '$gte', '$lt', '$lte'].includes(k))) return null
  const values = keys.map((k) => cond[k])
  if (!values.every((v) => isScalarBound(v) && v !== null && sameBracket(v, values[0]))) return null
  const lo = '$gt' in cond ? cond.$gt : cond.$gte
  const hi = '$lt' in cond ? cond.$lt : cond.$lte
  if (('$gt' in cond && '$gte' in cond) || ('$lt' in cond && '$lte' in cond)) return null
  return { lo, loOpen: '$gt' in cond, hi, hiOpen: '$lt' in cond, bracket: values[0] }
}

/** The query as a conjunction of field conditions; `extra` counts anything else ($or, $where…). */
function conjuncts(
  query: Doc,
  into = new Map<string, unknown[]>(),
): { fields: Map<string, unknown[]>; extra: number } {
  let extra = 0
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(cond) && cond.every(isPlainObject)) {
      for (const part of cond) extra += conjuncts(part as Doc, into).extra
    } else if (key.startsWith('$')) extra++
    else into.set(key, [...(into.get(key) ?? []), cond])
  }
  return { fields: into, extra }
}

/** Where an index entry falls against a bound on one field, in raw ascending terms. */
function against(value: unknown, bound: Bound): number {
  if ('eq' in bound) return compareValues(value, bound.eq)
  if (!sameBracket(value, bound.bracket)) return compareValues(value, bound.bracket)
  if (bound.lo !== undefined) {
    const c = compareValues(value, bound.lo)
    if (c < 0 || (c === 0 && bound.loOpen)) return -1
  }
  if (bound.hi !== undefined) {
    const c = compareValues(value, bound.hi)
    if (c > 0 || (c === 0 && bound.hiOpen)) return 1
  }
  return 0
}

interface IndexPlan {
  index: SecondaryIndex
  from: number
  to: number
  /** +1 walk forwards, -1 backwards, 0 the index does not give the requested order. */
  walk: 1 | -1 | 0
  /** Every condition of the query is one of the plan's bounds: the range is exactly the matches. */
  covered: boolean
  /** How many leading index fields the bounds pin or range. */
  used: number
}

function indexPlan(
  index: SecondaryIndex,
  fields: Map<string, unknown[]>,
  extra: number,
  order: Record<string, 1 | -1> | null,
): IndexPlan | null {
  if (index.multikey) return null
  const bounds: Bound[] = []
  for (const field of index.fields) {
    const conds = fields.get(field)
    const bound = conds?.length === 1 ? boundOf(conds[0]) : null
    if (!bound) break
    bounds.push(bound)
    if (!('eq' in bound)) break
  }
  const pinned = new Set(index.fields.slice(0, bounds.length).filter((_, i) => 'eq' in bounds[i]))
  const rest = order ? Object.entries(order).filter(([f]) => !pinned.has(f)) : []
  let walk: 1 | -1 | 0 = 1
  rest.forEach(([field, dir], i) => {
    const at = pinned.size + i
    const sign = index.fields[at] === field ? ((dir * index.directions[at]) as 1 | -1) : 0
    if (i === 0) walk = sign
    else if (sign !== walk) walk = 0
  })
  if (!bounds.length && !rest.length) return null
  const rel = (entry: Entry): number => {
    for (let i = 0; i < bounds.length; i++) {
      const c = against(entry.key[i], bounds[i])
      if (c !== 0) return c * index.directions[i]
    }
    return 0
  }
  const used = index.fields.slice(0, bounds.length)
  const covered = extra === 0 && fields.size === used.length && used.every((f) => fields.has(f))
  return {
    index,
    from: index.ordered.lowerBound(rel),
    to: index.ordered.upperBound(rel),
    walk,
    covered,
    used: bounds.length,
  }
}

/** At most this many values of an `$in` become ranges of their own. */
const SPLIT_MAX = 16

/**
 * An `$in` on a leading field of the index (after equalities): one range per value, like Mongo's
 * SORT_MERGE, so a board over two days is still a page walk and a covered count. Null when the
 * index cannot serve every value that way.
 */
function splitPlans(
  index: SecondaryIndex,
  fields: Map<string, unknown[]>,
  extra: number,
  order: Record<string, 1 | -1> | null,
): IndexPlan[] | null {
  if (index.multikey) return null
  for (const [at, field] of index.fields.entries()) {
    const conds = fields.get(field)
    if (conds?.length !== 1) return null
    const cond = conds[0]
    const bound = boundOf(cond)
    if (bound && 'eq' in bound) continue
    if (bound) return null
    if (!isPlainObject(cond) || Object.keys(cond).length !== 1 || !Array.isArray(cond.$in)) return null
    const values = (cond.$in as unknown[]).filter(
      (v, i, all) => all.findIndex((w) => compareValues(v, w) === 0) === i,
    )
    if (values.length < 2 || values.length > SPLIT_MAX || !values.every(isScalarBound)) return null
    const parts = values.map((value) => indexPlan(index, new Map(fields).set(field, [value]), extra, order))
    return parts.every((part) => part && part.used > at) ? (parts as IndexPlan[]) : null
  }
  return null
}

/** The ranges' entries in the requested order (each range already is), merged; else one after another. */
function* mergedEntries(plans: IndexPlan[], order: Record<string, 1 | -1> | null): Iterable<Entry> {
  const { index } = plans[0]
  const ranges = plans.map((p) => p.index.ordered.range(p.from, p.to, p.walk === -1))
  if (!order || plans[0].walk === 0) {
    for (const range of ranges) yield* range
    return
  }
  const walks = ranges.map((range) => range[Symbol.iterator]())
  const keys = Object.entries(order).map(([field, dir]) => [index.fields.indexOf(field), dir] as const)
  const compare = (a: Entry, b: Entry): number => {
    for (const [at, dir] of keys) {
      const c = compareValues(a.key[at], b.key[at])
      if (c !== 0) return c * dir
    }
    return 0
  }
  const heads = walks.map((walk) => walk.next())
  for (;;) {
    let min = -1
    heads.forEach((head, i) => {
      if (
        !head.done &&
        (min < 0 || compare(head.value, (heads[min] as IteratorYieldResult<Entry>).value) < 0)
      )
        min = i
    })
    if (min < 0) return
    yield (heads[min] as IteratorYieldResult<Entry>).value
    heads[min] = walks[min].next()
  }
}

function* byEntries(coll: Collection, entries: Iterable<Entry>): Iterable<Doc> {
  for (const entry of entries) {
    const doc = coll.docs.get(entry.id)
    if (doc) yield doc
  }
}

interface Candidates {
  docs: Iterable<Doc>
  /** The candidates come in the requested order. */
  sorted: boolean
  /** Exactly the matches (no need to test them), when known. */
  exact: number | null
}

/**
 * The cheapest superset of the documents `query` can match. With `order` and a `wanted` count
 * (offset + limit), an index walk in that order costs only what it must read to fill the page.
 */
export function plan(
  coll: Collection,
  query: Doc | undefined,
  order: Record<string, 1 | -1> | null = null,
  wanted = Infinity,
): Candidates {
  const whole = {
    docs: coll.docs.values(),
    sorted: !order,
    exact: !query || !Object.keys(query).length ? coll.docs.size : null,
  }
  if (!query && !order) return whole
  const ids = query ? equalityValues(query._id) : null
  if (ids) return { docs: byKeys(coll, new Set(ids.map(docKey))), sorted: !order, exact: null }
  const { fields, extra } = conjuncts(query ?? {})
  let best: Candidates = whole
  let bestCost = order ? coll.docs.size * 2 : coll.docs.size
  for (const index of coll.indexes) {
    const values = index.orderedOnly ? null : equalityValues(fields.get(index.firstField)?.[0])
    if (values) {
      // One value: the index's own set (no copy), so planning stays cheap on big collections.
      let found = index.lookup(values[0])
      if (values.length > 1) {
        found = new Set(found)
        for (const value of values.slice(1)) for (const id of index.lookup(value)) found.add(id)
      }
      const cost = order ? found.size * 2 : found.size
      if (cost < bestCost)
        [best, bestCost] = [{ docs: byKeys(coll, found), sorted: !order, exact: null }, cost]
    }
    const multi = index.multikey ? multikeyCandidates(coll, index, fields) : null
    if (multi) {
      const cost = order ? multi.size * 2 : multi.size
      if (cost < bestCost)
        [best, bestCost] = [{ docs: byKeys(coll, multi), sorted: !order, exact: null }, cost]
    }
    const single = indexPlan(index, fields, extra, order)
    for (const ranges of [single && [single], splitPlans(index, fields, extra, order)]) {
      if (!ranges) continue
      const size = ranges.reduce((sum, r) => sum + (r.to - r.from), 0)
      const covered = ranges.every((r) => r.covered)
      const sorted = !order || ranges[0].walk !== 0
      const cost = sorted ? (covered ? Math.min(size, wanted) : size) : size * 2
      if (cost < bestCost) {
        bestCost = cost
        best = { docs: byEntries(coll, mergedEntries(ranges, order)), sorted, exact: covered ? size : null }
      }
    }
  }
  return best
}

/** A superset of the documents `query` can match, without copying the collection. */
export function candidates(coll: Collection, query: Doc | undefined): Iterable<Doc> {
  return plan(coll, query).docs
}

export function compile(query: Doc | undefined): Query {
  try {
    return new Query(query ?? {}, MINGO_OPTIONS)
  } catch (err) {
    if (err instanceof DbError) throw err
    throw requestFailed((err as Error).message)
  }
}

function* tested(docs: Iterable<Doc>, query: Doc | undefined): Iterable<Doc> {
  const test = compile(query)
  for (const doc of docs) if (test.test(doc)) yield doc
}

export function matching(coll: Collection, query: Doc | undefined): Iterable<Doc> {
  return tested(candidates(coll, query), query)
}

export function find(coll: Collection, spec: FindSpec): Doc[] {
  const offset = spec.offset ?? 0
  const limit = spec.limit ?? Infinity
  const order = spec.order && Object.keys(spec.order).length ? spec.order : null
  const source = plan(coll, spec.query, order, offset + limit)
  let docs: Doc[]
  if (order && !source.sorted) {
    // mingo sorts with Mongo's cross-type ordering.
    docs = new Query({}, MINGO_OPTIONS)
      .find<Doc>([...tested(source.docs, spec.query)])
      .sort(order)
      .skip(offset)
      .limit(limit)
      .all()
  } else {
    docs = []
    let skipped = 0
    if (limit > 0)
      for (const doc of tested(source.docs, spec.query)) {
        if (skipped < offset) skipped++
        else if (docs.push(doc) >= limit) break
      }
  }
  return project(docs, spec.query, spec.projection)
}

/** Apply a find projection (field inclusion/exclusion, $slice, $elemMatch, positional `$`). */
export function project(docs: Doc[], query: Doc | undefined, projection: Doc | undefined): Doc[] {
  if (!projection || Object.keys(projection).length === 0) return docs
  try {
    // mingo appends _id; Mongo keeps it first.
    return new Query(query ?? {}, MINGO_OPTIONS)
      .find<Doc>(docs, projection)
      .all()
      .map(({ _id, ...rest }) => (_id === undefined ? rest : { _id, ...rest }))
  } catch (err) {
    if (err instanceof DbError) throw err
    throw requestFailed((err as Error).message)
  }
}

export function count(coll: Collection, query: Doc | undefined): number {
  const source = plan(coll, query)
  if (source.exact !== null) return source.exact
  let n = 0
  for (const doc of tested(source.docs, query)) if (doc) n++
  return n
}

/** The first match, for single-document update/remove. */
export function first(coll: Collection, query: Doc | undefined): Doc | null {
  for (const doc of matching(coll, query)) return doc
  return null
}
