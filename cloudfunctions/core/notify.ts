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
  /** An order shipped, was fulfilled or cancelled. */
  orderUpdate: 'qh-order-update',
  /** A violation recorded against the member (a warning, a mute…): SPEC §9. */
  violationNotice: 'qh-violation-notice',
  /** An activity the member signed up for is about to start (T−1h; asked at the sign-up tap). */
  activityReminder: 'qh-activity-reminder',
  /** An activity the member signed up for changed: cancelled, or a waitlist place confirmed. */
  activityChange: 'qh-activity-change',
  /** The member's daily check-in reminder, at the time they picked (asked where they pick it). */
  checkinReminder: 'qh-checkin-reminder',
  /** Staff hid or deleted the member's post or reply (issue 13), with the reason. */
  contentNotice: 'qh-content-notice',
  /** A health alert of the dashboard (owner, admins, 数据官; asked on the dashboard). */
  healthAlert: 'qh-health-alert',
} as const

/** WeChat asks for at most this many templates in one requestSubscribeMessage. */
export const SUBSCRIBE_MAX_PER_REQUEST = 3

export type MessageTemplate = keyof typeof MESSAGE_TEMPLATES

/** Subscribe-message field values are short: thing.* fields take at most 20 characters. */
export function messageThing(text: string): string {
  return text.length <= 20 ? text : `${text.slice(0, 19)}…`
}
