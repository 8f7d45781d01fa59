/**
 * The ordered side of a compound index: every document's key (its values at the index fields, in the
 * index's directions) kept sorted, as a real database's B-tree keeps them. The query planner uses it
 * to walk an equality prefix plus a range in index order (sort + limit stop early) and to count a
 * range from two positions, so a leaderboard's "how many are above me" does not read the documents.
 *
 * Storage is a sorted list of blocks (at most BLOCK_MAX entries each): an insert or delete costs a
 * binary search and a splice within one block; a position is the sum of the lengths of the blocks
 * before it (a few hundred additions at a million entries).
 */
import { EJSON, type Document } from 'bson'

export interface Entry {
  key: unknown[]
  id: string | number
}

const BLOCK_MAX = 1024

/** Mongo's order of BSON types (null and missing first, then numbers, strings, objects, arrays…). */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 1
  if (typeof value === 'number') return 2
  if (typeof value === 'string') return 3
  if (Array.isArray(value)) return 5
  if (typeof value === 'boolean') return 8
  if (value instanceof Date) return 9
  if (value instanceof RegExp) return 11
  return 4
}

/** Compare two values in Mongo's cross-type order (scalars exactly; objects by their EJSON text). */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  switch (ra) {
    case 1:
      return 0
    case 2:
      return (a as number) - (b as number) || 0
    case 3:
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1
    case 8:
      return Number(a) - Number(b)
    case 9:
      return (a as Date).getTime() - (b as Date).getTime()
  }
  const ta = EJSON.stringify(a as Document, { relaxed: false })
  const tb = EJSON.stringify(b as Document, { relaxed: false })
  return ta === tb ? 0 : ta < tb ? -1 : 1
}

/** Same BSON type bracket: a range condition only ever matches values of its bound's type. */
export function sameBracket(a: unknown, b: unknown): boolean {
  return typeRank(a) === typeRank(b)
}

/** A value the planner may use as an equality or range bound. */
export function isScalarBound(value: unknown): boolean {
  const rank = typeRank(value)
  return (rank === 1 || rank === 2 || rank === 3 || rank === 8 || rank === 9) && !Number.isNaN(value)
}

function idOrder(a: string | number, b: string | number): number {
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1
  return a === b ? 0 : a < b ? -1 : 1
}

export class OrderedKeys {
  private blocks: Entry[][] = []
  private total = 0

  constructor(private readonly directions: (1 | -1)[]) {}

  get size(): number {
    return this.total
  }

  /** Full order: the fields in their directions, then the document id (so every entry is findable). */
  compare(a: Entry, b: Entry): number {
    for (let i = 0; i < this.directions.length; i++) {
      const c = compareValues(a.key[i], b.key[i])
      if (c !== 0) return c * this.directions[i]
    }
    return idOrder(a.id, b.id)
  }

  /** The first position whose entry `rel` does not place before the target (rel: <0 before, ≥0 not). */
  lowerBound(rel: (entry: Entry) => number): number {
    return this.search((entry) => rel(entry) >= 0)
  }

  /** The first position whose entry `rel` places after the target. */
  upperBound(rel: (entry: Entry) => number): number {
    return this.search((entry) => rel(entry) > 0)
  }

  /** The first position where `past` turns true (it must be monotonic over the order). */
  private search(past: (entry: Entry) => boolean): number {
    let lo = 0
    let hi = this.blocks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const block = this.blocks[mid]
      if (past(block[block.length - 1])) hi = mid
      else lo = mid + 1
    }
    let position = 0
    for (let i = 0; i < lo; i++) position += this.blocks[i].length
    if (lo === this.blocks.length) return position
    const block = this.blocks[lo]
    let a = 0
    let b = block.length
    while (a < b) {
      const mid = (a + b) >> 1
      if (past(block[mid])) b = mid
      else a = mid + 1
    }
    return position + a
  }

  /** Entries from position `from` (inclusive) to `to` (exclusive), forwards or backwards. */
  *range(from: number, to: number, reverse = false): Iterable<Entry> {
    if (from >= to) return
    if (!reverse) {
      let skip = from
      let left = to - from
      for (const block of this.blocks) {
        if (skip >= block.length) {
          skip -= block.length
          continue
        }
        for (let i = skip; i < block.length && left > 0; i++, left--) yield block[i]
        skip = 0
        if (left === 0) return
      }
      return
    }
    let end = this.total
    for (let b = this.blocks.length - 1; b >= 0; b--) {
      const block = this.blocks[b]
      const start = end - block.length
      for (let i = block.length - 1; i >= 0; i--) {
        const position = start + i
        if (position < from) return
        if (position < to) yield block[i]
      }
      end = start
    }
  }

  insert(entry: Entry): void {
    this.total++
    if (this.blocks.length === 0) {
      this.blocks.push([entry])
      return
    }
    const b = Math.min(this.blockFor(entry), this.blocks.length - 1)
    const block = this.blocks[b]
    block.splice(this.indexIn(block, entry), 0, entry)
    if (block.length > BLOCK_MAX)
      this.blocks.splice(b, 1, block.slice(0, BLOCK_MAX / 2), block.slice(BLOCK_MAX / 2))
  }

  remove(entry: Entry): void {
    const b = this.blockFor(entry)
    if (b === this.blocks.length) return
    const block = this.blocks[b]
    const i = this.indexIn(block, entry)
    if (i >= block.length || this.compare(block[i], entry) !== 0) return
    block.splice(i, 1)
    this.total--
    if (block.length === 0) this.blocks.splice(b, 1)
  }

  /** The first block whose last entry is not before `entry` (blocks.length when none). */
  private blockFor(entry: Entry): number {
    let lo = 0
    let hi = this.blocks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const block = this.blocks[mid]
      if (this.compare(block[block.length - 1], entry) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private indexIn(block: Entry[], entry: Entry): number {
    let lo = 0
    let hi = block.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.compare(block[mid], entry) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
