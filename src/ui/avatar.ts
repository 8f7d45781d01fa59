/**
 * The character an avatar shows for a nickname: its first, unless that one reads as a dash or a dot
 * in a small circle (一, -, ·, …), then the next one; 友 when nothing is left.
 */
const DASHLIKE = /[一\-—–_·.。,，\s~～丨|]/

export function avatarText(nickname: string): string {
  const chars = Array.from(nickname)
  return chars.find((c) => !DASHLIKE.test(c)) ?? '友'
}
