/**
 * Limits on the shape of any action's input, checked before its schema: no real input nests deeper
 * than a few levels, and a schema walking thousands of levels would overflow the stack.
 */

/** Deepest nesting of objects and arrays an action input may have (the event itself is level 1). */
export const MAX_INPUT_DEPTH = 32

export const INPUT_TOO_DEEP_MESSAGE = '提交的内容嵌套层级太深'

/** Whether `value` nests objects/arrays deeper than `max`; iterative, so any depth is safe to check. */
export function nestsDeeperThan(value: unknown, max: number = MAX_INPUT_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length) {
    const [current, depth] = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth > max) return true
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
    }
  }
  return false
}
