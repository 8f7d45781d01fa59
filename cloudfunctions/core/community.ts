/** Invite codes are 6 characters from an alphabet without look-alikes (0/O, 1/I/L). */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const INVITE_CODE_LENGTH = 6

export function normaliseInviteCode(raw: string): string {
  return raw.trim().toUpperCase()
}

export function isWellFormedInviteCode(code: string): boolean {
  return code.length === INVITE_CODE_LENGTH && [...code].every((c) => INVITE_CODE_ALPHABET.includes(c))
}

/** A member document's id: one person, one membership per community. */
export function memberId(communityId: string, openid: string): string {
  return `${communityId}_${openid}`
}

/** The nickname a member gets before choosing one: 成员 and the last 4 characters of the openid. */
export function defaultNickname(openid: string): string {
  return `成员${openid.slice(-4)}`
}

export const NICKNAME_MAX_LENGTH = 20

/** An invite code from random bytes (at least INVITE_CODE_LENGTH of them); the randomness is the caller's. */
export function inviteCodeFrom(bytes: ArrayLike<number>): string {
  let code = ''
  for (let i = 0; i < INVITE_CODE_LENGTH; i++)
    code += INVITE_CODE_ALPHABET[bytes[i] % INVITE_CODE_ALPHABET.length]
  return code
}

export const COMMUNITY_NAME_MAX = 20
export const COMMUNITY_SLOGAN_MAX = 40
