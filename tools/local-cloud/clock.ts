/**
 * The time that functions and the database see. Tests move it with POST /_local/clock; it then
 * runs on from the set instant at real speed, so timeouts and durations still behave.
 */
export class LocalClock {
  private offsetMs = 0

  now(): Date {
    return new Date(Date.now() + this.offsetMs)
  }

  /** Set the clock to `iso`, or back to real time with null. */
  set(iso: string | null): void {
    if (iso === null) {
      this.offsetMs = 0
      return
    }
    const target = Date.parse(iso)
    if (Number.isNaN(target)) throw new Error(`not an ISO time: ${iso}`)
    this.offsetMs = target - Date.now()
  }

  /** Milliseconds to add to the real clock: what a function instance is told. */
  get offset(): number {
    return this.offsetMs
  }
}
