/**
 * Cloud-function timer crons: 7 fields (second minute hour day-of-month month day-of-week year),
 * read in UTC+8. Supports `*`, lists, ranges, steps and MON–SUN / JAN–DEC names.
 */
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']

interface FieldSpec {
  min: number
  max: number
  names?: string[]
  nameBase?: number
}

const FIELDS: FieldSpec[] = [
  { min: 0, max: 59 },
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTH_NAMES, nameBase: 1 },
  { min: 0, max: 6, names: DAY_NAMES, nameBase: 0 },
  { min: 1970, max: 2199 },
]

export interface Cron {
  source: string
  fields: (Set<number> | null)[] // null = any
}

function parseValue(token: string, spec: FieldSpec): number {
  const upper = token.toUpperCase()
  const byName = spec.names?.indexOf(upper) ?? -1
  const value = byName >= 0 ? byName + (spec.nameBase ?? 0) : Number(token)
  if (!Number.isInteger(value) || value < spec.min || value > spec.max)
    throw new Error(`bad cron value ${token}`)
  return value
}

function parseField(text: string, spec: FieldSpec): Set<number> | null {
  if (text === '*' || text === '?') return null
  const values = new Set<number>()
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/')
    const step = stepText ? Number(stepText) : 1
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad cron step ${part}`)
    let from = spec.min
    let to = spec.max
    if (range !== '*') {
      const [a, b] = range.split('-')
      from = parseValue(a, spec)
      to = b !== undefined ? parseValue(b, spec) : stepText ? spec.max : from
    }
    for (let v = from; v <= to; v += step) values.add(v)
  }
  return values
}

export function parseCron(source: string): Cron {
  const parts = source.trim().split(/\s+/)
  if (parts.length !== 7) throw new Error(`a timer cron has 7 fields: ${source}`)
  return { source, fields: parts.map((p, i) => parseField(p, FIELDS[i])) }
}

/** Does `cron` fire in the second that contains `at`? */
export function cronMatches(cron: Cron, at: Date): boolean {
  const t = new Date(at.getTime() + 8 * 3600 * 1000) // read the fields in UTC+8
  const values = [
    t.getUTCSeconds(),
    t.getUTCMinutes(),
    t.getUTCHours(),
    t.getUTCDate(),
    t.getUTCMonth() + 1,
    t.getUTCDay(),
    t.getUTCFullYear(),
  ]
  const ok = (i: number): boolean => cron.fields[i] === null || cron.fields[i]!.has(values[i])
  // As in cron, when both day fields are restricted a day matches either.
  const dayOk = cron.fields[3] !== null && cron.fields[5] !== null ? ok(3) || ok(5) : ok(3) && ok(5)
  return ok(0) && ok(1) && ok(2) && dayOk && ok(4) && ok(6)
}
