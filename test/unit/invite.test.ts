import {
  INVITE_REF_ALPHABET,
  INVITE_REF_LENGTH,
  invitePath,
  inviteRefFrom,
  inviteRefId,
  isWellFormedInviteRef,
} from '../../cloudfunctions/core/invite'

describe('personal invite refs', () => {
  it('draws a ref of the alphabet from random bytes, and recognises it', () => {
    const ref = inviteRefFrom([0, 1, 30, 31, 255, 128, 7, 64])
    expect(ref).toHaveLength(INVITE_REF_LENGTH)
    expect([...ref].every((c) => INVITE_REF_ALPHABET.includes(c))).toBe(true)
    expect(ref.startsWith(`${INVITE_REF_ALPHABET[0]}${INVITE_REF_ALPHABET[1]}`)).toBe(true)
    expect(isWellFormedInviteRef(ref)).toBe(true)
  })

  it('refuses refs of the wrong length or with look-alike characters', () => {
    for (const bad of ['', 'abc', 'abcdefghj', 'abcdefg0', 'ABCDEFGH', 'o-member'])
      expect(isWellFormedInviteRef(bad)).toBe(false)
  })

  it('keys a ref by its community and links to the join page with code and ref', () => {
    expect(inviteRefId('c-1', 'k7m2p9qx')).toBe('c-1_k7m2p9qx')
    expect(invitePath('QHREAD', 'k7m2p9qx')).toBe('/pages/home/index?code=QHREAD&ref=k7m2p9qx')
  })
})
