/**
 * Personal invite references: the opaque code in a member's invite link (`?code=…&ref=…`). A ref
 * names an inviter without revealing their openid; it is drawn at random, once per member.
 */

/** Lower-case letters and digits without the look-alikes (0/o, 1/l/i). */
export const INVITE_REF_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
export const INVITE_REF_LENGTH = 8
/** Invitees listed per page on the invite page. */
export const INVITEES_PAGE_SIZE = 5

/** A ref from random bytes (at least INVITE_REF_LENGTH of them); the randomness is the caller's. */
export function inviteRefFrom(bytes: ArrayLike<number>): string {
  let ref = ''
  for (let i = 0; i < INVITE_REF_LENGTH; i++)
    ref += INVITE_REF_ALPHABET[bytes[i] % INVITE_REF_ALPHABET.length]
  return ref
}

export function isWellFormedInviteRef(ref: string): boolean {
  return ref.length === INVITE_REF_LENGTH && [...ref].every((c) => INVITE_REF_ALPHABET.includes(c))
}

/** The `invite_refs` document id: a ref is unique within its community by construction. */
export function inviteRefId(communityId: string, ref: string): string {
  return `${communityId}_${ref}`
}

/** The join page a personal invite opens, with the community code and the inviter's ref. */
export function invitePath(code: string, ref: string): string {
  return `/pages/home/index?code=${encodeURIComponent(code)}&ref=${encodeURIComponent(ref)}`
}
