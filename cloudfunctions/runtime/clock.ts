/** The one place functions read the time; rules in core take it as a parameter. */
export function now(): Date {
  return new Date()
}
