/**
 * Subscribe-message templates the product sends. The ids are the ones applied for in the
 * mini-program console (订阅消息); locally any id works, since the local cloud keeps its own
 * one-time grants per template. One home, so the client asks for the same ids the server sends.
 */
export const MESSAGE_TEMPLATES = {
  /** 月度Top3 reward paid. */
  monthlyTop: 'qh-monthly-top3',
  /** 私聊唤醒: a silent member is invited back with a benefit. */
  wakeUp: 'qh-wake-up',
  /** An order was fulfilled or cancelled. */
  orderUpdate: 'qh-order-update',
  /** A violation was recorded on the member (the ladder, SPEC §9). */
  violation: 'qh-violation-notice',
} as const

export type MessageTemplate = keyof typeof MESSAGE_TEMPLATES

/** Subscribe-message field values are short: thing.* fields take at most 20 characters. */
export function messageThing(text: string): string {
  return text.length <= 20 ? text : `${text.slice(0, 19)}…`
}
