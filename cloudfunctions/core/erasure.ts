/**
 * Erasing a member on their own request (SPEC §10): what they must type to confirm, what others see
 * in their place afterwards, and the anonymous id their kept rows move to. Pure; member/erase.ts
 * does the writes.
 */
import type { Delivery } from './delivery'

/** What a member types to confirm erasing themselves: a tap alone never deletes anyone. */
export const DELETE_ME_CONFIRMATION = '注销我的账号'

/** The name an erased member's kept rows (balances, boards, others' records) show. */
export const ERASED_NICKNAME = '已注销成员'

/** Anonymous ids start with this, so no openid can ever look like one. */
export const ERASED_ID_PREFIX = 'erased_'

/**
 * The anonymous id an erased membership's kept rows (the ledger) move to: random, per community,
 * never derived from the openid, so nothing links it back to the person. `random` is hex.
 */
export function erasedId(randomHex: string): string {
  return `${ERASED_ID_PREFIX}${randomHex}`
}

export function isErasedId(openid: string): boolean {
  return openid.startsWith(ERASED_ID_PREFIX)
}

/**
 * An erased member's order keeps its route (the queue and exports still count posted gifts) but not where
 * it went: the recipient, phone and address are personal data. A pickup place is not, and stays.
 */
export function erasedDelivery(delivery: Delivery | null | undefined): Delivery | null {
  if (!delivery) return null
  if (delivery.method === 'pickup') return delivery
  return { method: 'address', name: '', phone: '', region: '', detail: '' }
}
