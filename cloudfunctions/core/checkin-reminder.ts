/**
 * The daily check-in reminder (issue 15): the member picks a time of day; a timer every
 * REMINDER_STEP_MINUTES sends one subscribe message to those of that tick's slot who have not
 * checked in yet. Times are Asia/Shanghai wall-clock minutes; pure, the caller passes the moment.
 */
import { DAY_MS } from './time'

/** The reminder timer's period (checkin/config.json fires every 5 minutes). */
export const REMINDER_STEP_MINUTES = 5

const SHANGHAI_OFFSET_MS = 8 * 3600_000
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/

export function isReminderTime(value: string): boolean {
  return TIME_PATTERN.test(value)
}

/** 'HH:MM' → minutes after midnight. */
export function reminderMinute(time: string): number {
  const match = TIME_PATTERN.exec(time)
  if (!match) throw new Error(`not a reminder time: ${time}`)
  return Number(match[1]) * 60 + Number(match[2])
}

/** The tick that sends a reminder for `minute`: the last one at or before it (at most 4 minutes early). */
export function reminderSlot(minute: number): number {
  return Math.floor(minute / REMINDER_STEP_MINUTES) * REMINDER_STEP_MINUTES
}

/** The slot of the tick running at `at` (Asia/Shanghai minutes after midnight). */
export function slotAt(at: Date): number {
  const minute = Math.floor(((at.getTime() + SHANGHAI_OFFSET_MS) % DAY_MS) / 60_000)
  return reminderSlot(minute)
}

/** The slot before `slot` on the same day, or null at midnight. */
export function previousSlot(slot: number): number | null {
  return slot >= REMINDER_STEP_MINUTES ? slot - REMINDER_STEP_MINUTES : null
}

/** 'HH:MM' of a slot, for job ids and messages. */
export function slotText(slot: number): string {
  return `${String(Math.floor(slot / 60)).padStart(2, '0')}:${String(slot % 60).padStart(2, '0')}`
}
