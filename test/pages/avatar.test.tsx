/** src/ui/avatar: a name starting with 一 must not show a minus sign in its avatar. */
import { avatarText } from '@/ui/avatar'

test('avatars skip characters that read as a dash', () => {
  expect(avatarText('一帆')).toBe('帆')
  expect(avatarText('小林')).toBe('小')
  expect(avatarText('-_-')).toBe('友')
  expect(avatarText('')).toBe('友')
})
