/**
 * The time that the local stack sees: the local cloud's functions and database, the demo seed, and
 * the tests. One place sets it: the environment variable QUNHUO_NOW (an ISO instant, e.g.
 * `2026-12-06T16:30:00Z`) starts this clock at that instant when the process loads this module, and
 * it runs on at real speed from there. Unset, it is the real time. `tools/date-matrix.sh` runs the
 * suite at chosen moments through it.
 */
export const NOW_VARIABLE = 'QUNHUO_NOW'

/** The machine clock, kept before anything (followClock) replaces the global Date. */
const RealDate = Date
const realNow = (): number => RealDate.now()

/**
 * Set by a parent of the local stack for its children (clockEnvironment): the parent's offset itself,
 * so that every process shares one clock to the millisecond. Re-reading QUNHUO_NOW in a child would
 * start its clock at the child's own load, seconds behind the parent's.
 */
const OFFSET_VARIABLE = 'QUNHUO_NOW_OFFSET_MS'

function configuredOffset(): number {
  const inherited = process.env[OFFSET_VARIABLE]
  if (inherited) {
    const offset = Number(inherited)
    if (!Number.isFinite(offset)) throw new Error(`${OFFSET_VARIABLE} is not a number: ${inherited}`)
    return offset
  }
  const configured = process.env[NOW_VARIABLE]
  if (!configured) return 0
  const target = RealDate.parse(configured)
  if (Number.isNaN(target)) throw new Error(`${NOW_VARIABLE} is not an ISO time: ${configured}`)
  return target - realNow()
}

/** Milliseconds this process's "now" is ahead of its real clock (0 unless QUNHUO_NOW is set). */
const START_OFFSET_MS = configuredOffset()

/** Now, as the local stack sees it: what tests use for data that the cloud compares with its own now. */
export function now(): Date {
  return new RealDate(realNow() + START_OFFSET_MS)
}

/** Milliseconds "now" is ahead of the machine clock here: for a browser under test to follow. */
export function nowOffset(): number {
  return START_OFFSET_MS
}

/**
 * A Date whose "now" (`new Date()`, `Date.now()`) is this clock's, for code under test that reads
 * the machine clock: the pages in jsdom and the weapp build (test/support/follow-clock.ts).
 */
export function followClock(Real: DateConstructor): DateConstructor {
  if (START_OFFSET_MS === 0) return Real
  class ClockDate extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(realNow() + START_OFFSET_MS)
      else super(...(args as [string | number | Date]))
    }

    static now(): number {
      return realNow() + START_OFFSET_MS
    }
  }
  return ClockDate as DateConstructor
}

/**
 * What a child process of the local stack needs in its environment to share this clock: this
 * process's offset when a now is set (the child's clock is then this one exactly), else nothing.
 */
export function clockEnvironment(): Record<string, string> {
  return START_OFFSET_MS === 0 && !process.env[NOW_VARIABLE] && !process.env[OFFSET_VARIABLE]
    ? {}
    : { [OFFSET_VARIABLE]: String(START_OFFSET_MS) }
}

/**
 * The local cloud's clock. Tests move it with POST /_local/clock; it then runs on from the set
 * instant at real speed, so timeouts and durations still behave. "Real time" is the configured now.
 */
export class LocalClock {
  private offsetMs = START_OFFSET_MS

  now(): Date {
    return new RealDate(realNow() + this.offsetMs)
  }

  /** Set the clock to `iso`, or back to the configured (or real) time with null. */
  set(iso: string | null): void {
    if (iso === null) {
      this.offsetMs = START_OFFSET_MS
      return
    }
    const target = RealDate.parse(iso)
    if (Number.isNaN(target)) throw new Error(`not an ISO time: ${iso}`)
    this.offsetMs = target - realNow()
  }

  /** Milliseconds to add to the real clock: what a function instance is told. */
  get offset(): number {
    return this.offsetMs
  }
}
