/**
 * Content safety rules (issue 3): a community's own word list and what happens to a verdict.
 * Member text passes the word list first, then the platform's content-security API; the worse of
 * the two verdicts wins. risky is refused, review is held for an admin, pass is shown.
 */
export type Verdict = 'pass' | 'review' | 'risky'

/** A word the community chose to block (risky) or to hold for a look (review). */
export interface CommunityWord {
  word: string
  verdict: 'risky' | 'review'
}

export const WORD_MAX_LENGTH = 20
export const WORD_LIST_MAX = 200

/** What a referenced document shows while held, after approval, after rejection. */
export type Visibility = 'visible' | 'held' | 'rejected'

export type HeldStatus = 'held' | 'approved' | 'rejected'

/** The kinds of member text the app screens, with the name an admin reads in the queue. */
export const HELD_KIND_NAMES: Record<string, string> = {
  intro: '自我介绍',
  nickname: '昵称',
  checkin_note: '打卡日记',
  questionnaire: '入群问卷',
  survey_text: '问卷回答',
  post: '广场帖子',
  post_reply: '帖子回复',
  post_reported: '被举报的帖子',
  reply_reported: '被举报的回复',
}

export function heldKindName(kind: string): string {
  return HELD_KIND_NAMES[kind] ?? '成员内容'
}

const VERDICT_RANK: Record<Verdict, number> = { pass: 0, review: 1, risky: 2 }

/** The stricter of two verdicts. */
export function worseVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICT_RANK[a] >= VERDICT_RANK[b] ? a : b
}

/**
 * Everything a word can be padded with and still read the same: control and format characters
 * (zero-width spaces and joiners, bidi marks), punctuation (incl. `.` and `·`), symbols, spaces,
 * combining marks (strike-through overlays, variation selectors) and the blank Hangul fillers.
 */
const IGNORED_FOR_MATCH = /[\p{Cc}\p{Cf}\p{P}\p{S}\p{Z}\p{M}\s\u115f\u1160\u3164\uffa0]/gu

/**
 * The one form text is matched in (word lists, nickname rules): NFKC (full-width and compatibility
 * forms fold to their plain forms), lower case, and IGNORED_FOR_MATCH dropped — so `拉\u200b人\u200b头`,
 * `拉.人.头`, `拉·人·头` and `ＡＢ` match 拉人头 and ab.
 */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFKC').replace(IGNORED_FOR_MATCH, '')
}

/** The community word list's verdict on `text`: risky if any risky word occurs, else review if any review word. */
export function matchCommunityWords(
  text: string,
  words: readonly CommunityWord[] | null | undefined,
): Verdict {
  if (!words?.length) return 'pass'
  const haystack = normaliseForMatch(text)
  let verdict: Verdict = 'pass'
  for (const entry of words) {
    const needle = normaliseForMatch(entry.word)
    if (!needle || !haystack.includes(needle)) continue
    verdict = worseVerdict(verdict, entry.verdict)
    if (verdict === 'risky') break
  }
  return verdict
}

/** Which community words occur in `text` (shown to admins next to a held item). */
export function matchedWords(text: string, words: readonly CommunityWord[] | null | undefined): string[] {
  const haystack = normaliseForMatch(text)
  return (words ?? [])
    .filter((w) => normaliseForMatch(w.word) && haystack.includes(normaliseForMatch(w.word)))
    .map((w) => w.word)
}

/** A word list as saved: trimmed, empty entries dropped, duplicates merged (risky wins). */
export function cleanWordList(words: readonly CommunityWord[]): CommunityWord[] {
  const byWord = new Map<string, CommunityWord>()
  for (const entry of words) {
    const word = entry.word.trim()
    if (!word) continue
    const key = normaliseForMatch(word)
    const prev = byWord.get(key)
    byWord.set(key, {
      word: prev?.word ?? word,
      verdict: prev ? (worseVerdict(prev.verdict, entry.verdict) as CommunityWord['verdict']) : entry.verdict,
    })
  }
  return [...byWord.values()]
}

/**
 * A member photo's state for everyone but its author: checking until the platform's asynchronous
 * media check answers, then pass (shown) or blocked (review or risky: photos have no admin queue).
 */
export type PhotoStatus = 'checking' | 'pass' | 'blocked'

export function photoStatusOf(suggest: Verdict): PhotoStatus {
  return suggest === 'pass' ? 'pass' : 'blocked'
}

/** The photos others may see: only those whose verdict is pass (rows from before issue 9 have no statuses). */
export function shownPhotos(
  photos: readonly string[],
  statuses: readonly PhotoStatus[] | undefined,
): string[] {
  if (!statuses) return [...photos]
  return photos.filter((_, i) => statuses[i] === 'pass')
}

/** How a screened text is stored: pass is visible at once, review waits for an admin. risky is never stored. */
export function visibilityFor(verdict: Exclude<Verdict, 'risky'>): Visibility {
  return verdict === 'pass' ? 'visible' : 'held'
}

/** The referenced document's visibility after an admin's decision. */
export function decisionVisibility(decision: 'approve' | 'reject'): Visibility {
  return decision === 'approve' ? 'visible' : 'rejected'
}

/** Only a held item can be decided; deciding it again the same way is harmless. */
export function canDecide(status: HeldStatus, decision: 'approve' | 'reject'): 'apply' | 'same' | 'decided' {
  if (status === 'held') return 'apply'
  if ((status === 'approved' && decision === 'approve') || (status === 'rejected' && decision === 'reject'))
    return 'same'
  return 'decided'
}

/** A held item's id: one per referenced document, so resubmitting replaces the earlier hold. */
export function heldId(communityId: string, collection: string, docId: string): string {
  return `${communityId}:${collection}:${docId}`
}
