/**
 * Secondary indexes from the schema. Each keeps two maps: the full (compound) key for unique checks,
 * and the first field's values for equality lookups by the query planner. A document is filed under
 * every value reachable at the first field (array elements included, null when missing), so a lookup
 * returns a superset of the matches; mingo then filters exactly. Each also keeps its keys in index
 * order (ordered.ts) for equality-prefix + range plans, sorted walks and range counts; like Mongo's
 * multikey indexes, that order stops being used once a document holds an array at an indexed path;
 * a multikey compound index then answers equalities on its first two fields from a map of every
 * (first value, second value) pair its documents hold, as Mongo keeps one key per array element.
 */
import type { IndexSpec } from '../../../cloudfunctions/core/schema'
import { isPlainObject, valueKey, type Doc } from './codec'
import { OrderedKeys, type Entry } from './ordered'

export type DocKey = string | number

/** Every value a dotted path reaches, expanding arrays met on the way (Mongo's multikey reading). */
export function pathValues(doc: unknown, path: string[]): unknown[] {
  const out: unknown[] = []
  const walk = (value: unknown, depth: number): void => {
    if (depth === path.length) {
      out.push(value)
      if (Array.isArray(value)) out.push(...value)
      return
    }
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth)
      if (value.length === 0) out.push(null)
      return
    }
    if (isPlainObject(value) && path[depth] in value) walk(value[path[depth]], depth + 1)
    else out.push(null)
  }
  walk(doc, 0)
  return out
}

/** The single value at a dotted path (no array expansion), null when missing: unique keys. */
function valueAt(doc: Doc, path: string[]): unknown {
  let value: unknown = doc
  for (const part of path) {
    if (!isPlainObject(value) || !(part in value)) return null
    value = value[part]
  }
  return value ?? null
}

/** What a path reads, whole: the value at its end, or the first array met on the way (all beneath it). */
function subtreeAt(doc: Doc, path: string[]): unknown {
  let value: unknown = doc
  for (const part of path) {
    if (Array.isArray(value)) return value
    if (!isPlainObject(value) || !(part in value)) return null
    value = value[part]
  }
  return value ?? null
}

const pairKey = (first: string, second: string): string => `${first}\u0001${second}`

function addTo(map: Map<string, Set<DocKey>>, key: string, id: DocKey): void {
  let set = map.get(key)
  if (!set) map.set(key, (set = new Set()))
  set.add(id)
}

function removeFrom(map: Map<string, Set<DocKey>>, key: string, id: DocKey): void {
  const set = map.get(key)
  if (!set) return
  set.delete(id)
  if (set.size === 0) map.delete(key)
}

export class SecondaryIndex {
  readonly fields: string[]
  private readonly paths: string[][]
  private readonly byFull = new Map<string, Set<DocKey>>()
  private readonly byFirst = new Map<string, Set<DocKey>>()
  readonly directions: (1 | -1)[]
  readonly ordered: OrderedKeys
  /** Some document had an array at an indexed path: the ordered keys are no longer complete. */
  multikey = false
  /** Ids by (first field value, second field value) with arrays expanded; built on first use, then kept. */
  private byPair: Map<string, Set<DocKey>> | null = null

  /**
   * `orderedOnly`: keep only the ordered keys (the `_id` index: equality on `_id` goes to the
   * documents' own map, so the two lookup maps would only cost memory).
   */
  constructor(
    readonly spec: IndexSpec,
    readonly orderedOnly = false,
  ) {
    this.fields = Object.keys(spec.keys)
    this.paths = this.fields.map((f) => f.split('.'))
    this.directions = this.fields.map((f) => (spec.keys[f] === -1 ? -1 : 1))
    this.ordered = new OrderedKeys(this.directions)
  }

  get name(): string {
    return this.spec.name
  }

  get unique(): boolean {
    return Boolean(this.spec.unique)
  }

  get firstField(): string {
    return this.fields[0]
  }

  fullKey(doc: Doc): string {
    return this.paths.map((p) => valueKey(valueAt(doc, p))).join('\u0001')
  }

  /** The two documents hold the same values at every indexed path: the index files them alike. */
  sameKey(a: Doc, b: Doc): boolean {
    return this.paths.every((p) => valueKey(subtreeAt(a, p)) === valueKey(subtreeAt(b, p)))
  }

  /** Human-readable `{ field: value }` for the duplicate-key message. */
  describe(doc: Doc): string {
    const parts = this.fields.map((f, i) => `${f}: ${JSON.stringify(valueAt(doc, this.paths[i]))}`)
    return `{ ${parts.join(', ')} }`
  }

  private firstKeys(doc: Doc): Set<string> {
    return new Set(pathValues(doc, this.paths[0]).map(valueKey))
  }

  /** The document's ordered entry, or null when an indexed path crosses an array. */
  private entry(id: DocKey, doc: Doc): Entry | null {
    const key: unknown[] = []
    for (const path of this.paths) {
      let value: unknown = doc
      for (const part of path) {
        if (Array.isArray(value)) return null
        value = isPlainObject(value) && part in value ? value[part] : null
      }
      if (Array.isArray(value)) return null
      key.push(value ?? null)
    }
    return { key, id }
  }

  /** Every (first, second) value pair the document holds, arrays expanded (a multikey index's keys). */
  private pairKeys(doc: Doc): Set<string> {
    const seconds = new Set(pathValues(doc, this.paths[1]).map(valueKey))
    const out = new Set<string>()
    for (const first of this.firstKeys(doc)) for (const second of seconds) out.add(pairKey(first, second))
    return out
  }

  add(id: DocKey, doc: Doc): void {
    if (this.orderedOnly) {
      this.ordered.insert(this.entry(id, doc) as Entry)
      return
    }
    addTo(this.byFull, this.fullKey(doc), id)
    for (const key of this.firstKeys(doc)) addTo(this.byFirst, key, id)
    if (this.byPair) for (const key of this.pairKeys(doc)) addTo(this.byPair, key, id)
    if (this.multikey) return
    const entry = this.entry(id, doc)
    if (entry) this.ordered.insert(entry)
    else this.multikey = true
  }

  remove(id: DocKey, doc: Doc): void {
    if (this.orderedOnly) {
      this.ordered.remove(this.entry(id, doc) as Entry)
      return
    }
    removeFrom(this.byFull, this.fullKey(doc), id)
    for (const key of this.firstKeys(doc)) removeFrom(this.byFirst, key, id)
    if (this.byPair) for (const key of this.pairKeys(doc)) removeFrom(this.byPair, key, id)
    const entry = this.multikey ? null : this.entry(id, doc)
    if (entry) this.ordered.remove(entry)
  }

  /** Ids whose full key equals this one. */
  holders(fullKey: string): Set<DocKey> | undefined {
    return this.byFull.get(fullKey)
  }

  /**
   * Ids holding `first` at the first field and `second` at the second (arrays expanded; a superset
   * like `lookup`). For multikey compound indexes; `docs` builds the map on the first call.
   */
  pairLookup(docs: Map<DocKey, Doc>, first: unknown, second: unknown): Set<DocKey> {
    if (this.fields.length < 2) return new Set()
    if (!this.byPair) {
      this.byPair = new Map()
      for (const [id, doc] of docs) for (const key of this.pairKeys(doc)) addTo(this.byPair, key, id)
    }
    return this.byPair.get(pairKey(valueKey(first), valueKey(second))) ?? new Set()
  }

  /** Ids that may have `value` at the first field (superset; empty set when none). */
  lookup(value: unknown): Set<DocKey> {
    return this.byFirst.get(valueKey(value)) ?? new Set()
  }
}
