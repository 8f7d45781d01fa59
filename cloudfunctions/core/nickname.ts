/**
 * What a nickname may be (issue 9): it is shown beside everything a member does, so it must be
 * visible, read left to right as typed, and never pass for a staff title. Content screening
 * (word list, platform) comes after this rule, in runtime.
 */
import { normaliseForMatch } from './moderation'
import { ROLE_NAMES } from './roles'

/** Titles that make a nickname look like the community's staff or the platform ("主理人 林晓"). */
export const STAFF_TITLES: readonly string[] = [
  ROLE_NAMES.owner,
  ROLE_NAMES.admin,
  ROLE_NAMES.organiser,
  '群主',
  '群管',
  '官方',
  '客服',
  '版主',
  '系统通知',
  '系统消息',
]

/** Bidi embeddings, overrides, isolates and marks: they reorder what others read. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u
/** Control characters (C0, DEL, C1): line breaks, escapes and the like. */
const CONTROL = /\p{Cc}/u
/** What draws nothing: spaces, format characters (zero-width…), blank fillers, the blank braille cell. */
const INVISIBLE = /[\p{Z}\p{Cf}\s\u115f\u1160\u3164\uffa0\u2800]/gu

/** Why a nickname is refused, in words a member reads; null when it is fine. */
export function nicknameProblem(nickname: string): string | null {
  if (BIDI.test(nickname)) return '昵称不能包含改变文字方向的字符'
  if (CONTROL.test(nickname)) return '昵称不能包含控制字符或换行'
  if (!nickname.normalize('NFKC').replace(INVISIBLE, '')) return '昵称不能是空白或看不见的字符'
  const plain = normaliseForMatch(nickname)
  const title = STAFF_TITLES.find((t) => plain.includes(normaliseForMatch(t)))
  if (title) return `昵称不能包含「${title}」等身份称呼，以免被误认为社群工作人员`
  return null
}

/** A nickname as the directory search compares it: NFKC, lower case, no invisible characters. */
export function searchForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(INVISIBLE, '')
}

/**
 * The keys a member document stores for substring search (`nameGrams`, a multikey index): every
 * character and every pair of adjacent characters of the nickname's search form. Any substring of
 * the nickname then has all its `queryGrams` among them, so an index finds candidates without a scan.
 */
export function nameGrams(nickname: string): string[] {
  const chars = [...searchForm(nickname)]
  const grams = new Set(chars)
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1])
  return [...grams]
}

/** The grams a query must all find (`$all`): its character if it has one, else its pairs. */
export function queryGrams(query: string): string[] {
  const chars = [...searchForm(query)]
  if (chars.length <= 1) return chars
  const grams = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1])
  return [...grams]
}
