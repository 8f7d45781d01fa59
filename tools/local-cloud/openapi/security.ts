/**
 * security.msgSecCheck from a word list. Answers in the real API's JSON (v2: errcode 0 and a
 * verdict in result.suggest; v1: errcode 87014 for risky text), so function code reads the verdict
 * exactly as it would in production.
 */
import { randomBytes } from 'node:crypto'
import { normaliseForMatch } from '../../../cloudfunctions/core/moderation'
import defaultWords from './sensitive-words.json'
import type { WxJson } from './wx-json'

export type Suggest = 'pass' | 'review' | 'risky'

export interface SensitiveWord {
  word: string
  /** WeChat's label for the category, e.g. 20006 illegal, 10001 advertising. */
  label: number
}

export interface WordLists {
  risky: SensitiveWord[]
  review: SensitiveWord[]
}

/** Label the real API gives text with no problem. */
const LABEL_NORMAL = 100
/** Label for words added without one: 21000 "other". */
const LABEL_OTHER = 21000

/** Fold width and case and drop spacing and padding, so "赌 博", "赌.博" or full-width letters still hit. */
const normalize = normaliseForMatch

export class SecurityCheck {
  private lists: WordLists

  constructor(lists: WordLists = defaultWords) {
    this.lists = { risky: [...lists.risky], review: [...lists.review] }
  }

  words(): WordLists {
    return { risky: [...this.lists.risky], review: [...this.lists.review] }
  }

  /** Add words for this run (tests, dev); the JSON file stays the source of the defaults. */
  addWords(additions: {
    risky?: (string | SensitiveWord)[]
    review?: (string | SensitiveWord)[]
  }): WordLists {
    for (const kind of ['risky', 'review'] as const) {
      for (const entry of additions[kind] ?? []) {
        const word = typeof entry === 'string' ? { word: entry, label: LABEL_OTHER } : entry
        if (!word.word || typeof word.word !== 'string') throw new Error(`${kind}: empty word`)
        if (!this.lists[kind].some((w) => w.word === word.word)) this.lists[kind].push(word)
      }
    }
    return this.words()
  }

  /** The verdict for one text, and the words that decided it. */
  judge(content: string): { suggest: Suggest; label: number; hits: SensitiveWord[] } {
    const text = normalize(content)
    const risky = this.lists.risky.filter((w) => text.includes(normalize(w.word)))
    if (risky.length) return { suggest: 'risky', label: risky[0].label, hits: risky }
    const review = this.lists.review.filter((w) => text.includes(normalize(w.word)))
    if (review.length) return { suggest: 'review', label: review[0].label, hits: review }
    return { suggest: 'pass', label: LABEL_NORMAL, hits: [] }
  }

  /** The API itself: `params` are the call's parameters, snake_case as on the wire. */
  msgSecCheck(params: Record<string, unknown>): WxJson {
    const content = params.content
    if (typeof content !== 'string' || content === '') {
      return { errcode: 47001, errmsg: 'data format error hint: content is required' }
    }
    const verdict = this.judge(content)
    if (Number(params.version) !== 2) {
      // v1 has no verdict field: risky text is an error, everything else is ok.
      return verdict.suggest === 'risky'
        ? { errcode: 87014, errmsg: 'risky content' }
        : { errcode: 0, errmsg: 'ok' }
    }
    if (typeof params.openid !== 'string' || params.openid === '') {
      return { errcode: 40003, errmsg: 'invalid openid hint: openid is required for version 2' }
    }
    const scene = Number(params.scene)
    if (![1, 2, 3, 4].includes(scene)) {
      return { errcode: 40129, errmsg: `invalid scene hint: scene must be 1-4, got ${String(params.scene)}` }
    }
    return {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: verdict.suggest, label: verdict.label },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: 90 },
        ...(verdict.hits.length
          ? verdict.hits.map((hit) => ({
              strategy: 'keyword',
              errcode: 0,
              suggest: verdict.suggest,
              label: hit.label,
              level: 20,
              keyword: hit.word,
            }))
          : [{ strategy: 'keyword', errcode: 0, suggest: 'pass', label: LABEL_NORMAL }]),
      ],
      trace_id: traceId(),
    }
  }
}

function traceId(): string {
  const hex = randomBytes(12).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16, 24)}`
}
