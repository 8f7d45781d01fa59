import {
  canDecide,
  cleanWordList,
  decisionVisibility,
  heldId,
  heldKindName,
  matchCommunityWords,
  matchedWords,
  normaliseForMatch,
  visibilityFor,
  worseVerdict,
} from '../../cloudfunctions/core/moderation'

const words = [
  { word: '拼单', verdict: 'review' as const },
  { word: '加V', verdict: 'risky' as const },
]

describe('community word list', () => {
  it('passes text with none of the words', () => {
    expect(matchCommunityWords('今天读完了《活着》', words)).toBe('pass')
    expect(matchCommunityWords('任何内容', [])).toBe('pass')
    expect(matchCommunityWords('任何内容', null)).toBe('pass')
  })

  it('holds a review word and refuses a risky one; risky wins', () => {
    expect(matchCommunityWords('有人拼单吗', words)).toBe('review')
    expect(matchCommunityWords('加v聊', words)).toBe('risky')
    expect(matchCommunityWords('拼单请加 V', words)).toBe('risky')
  })

  it('ignores case and spaces', () => {
    expect(matchCommunityWords('加　 v', words)).toBe('risky')
    expect(matchedWords('拼 单 加V', words)).toEqual(['拼单', '加V'])
  })

  // Issue 9: the word list was bypassed by padding a word with invisible or punctuation characters.
  it.each([
    ['zero-width spaces', '拉\u200b人\u200b头'],
    ['zero-width joiner and non-joiner', '拉\u200d人\u200c头'],
    ['byte-order mark and word joiner', '\ufeff拉\u2060人头'],
    ['soft hyphen', '拉\u00ad人\u00ad头'],
    ['dots', '拉.人.头'],
    ['middle dots', '拉·人·头'],
    ['katakana middle dot', '拉・人・头'],
    ['ideographic full stops and commas', '拉。人、头'],
    ['full-width punctuation', '拉，人！头'],
    ['dashes and underscores', '拉-人_头—'],
    ['stars and emoji', '拉★人🙂头'],
    ['control characters', '拉\u0007人\t头'],
    ['bidi marks', '拉\u202e人\u200f头'],
    ['combining strike-through', '拉\u0336人\u0336头'],
    ['variation selectors', '拉\ufe0f人\ufe0e头'],
    ['ideographic and no-break spaces', '拉\u3000人\u00a0头'],
    ['Hangul filler', '拉\u3164人头'],
    ['surrounded by text', '周末一起拉.人.头吧'],
  ])('matches a word padded with %s', (_name, text) => {
    expect(matchCommunityWords(text, [{ word: '拉人头', verdict: 'risky' }])).toBe('risky')
  })

  it.each([
    ['full-width letters', 'ＪＩＡ　ＶＸ', 'jiavx'],
    ['full-width digits', '加Ｖ１２３', '加v123'],
    ['half-width katakana', 'ｶﾀｶﾅ', 'カタカナ'],
    ['circled letters', 'ⓋⓍ', 'vx'],
    ['mathematical bold letters', '𝐯𝐱', 'vx'],
  ])('folds %s to their plain forms', (_name, text, plain) => {
    expect(normaliseForMatch(text)).toBe(plain)
    expect(matchCommunityWords(text, [{ word: plain, verdict: 'review' }])).toBe('review')
  })

  it('matches a list word written with the same padding, and leaves clean text alone', () => {
    expect(matchCommunityWords('拉人头', [{ word: '拉·人·头', verdict: 'review' }])).toBe('review')
    expect(matchCommunityWords('拉了一个人来读书', [{ word: '拉人头', verdict: 'risky' }])).toBe('pass')
    expect(normaliseForMatch('今天读完了《活着》')).toBe('今天读完了活着')
  })

  it('cleans a list: trims, drops blanks, merges duplicates with risky winning', () => {
    expect(
      cleanWordList([
        { word: ' 拼单 ', verdict: 'review' },
        { word: '', verdict: 'risky' },
        { word: '拼单', verdict: 'risky' },
      ]),
    ).toEqual([{ word: '拼单', verdict: 'risky' }])
  })
})

describe('verdicts', () => {
  it('takes the stricter of two verdicts', () => {
    expect(worseVerdict('pass', 'review')).toBe('review')
    expect(worseVerdict('risky', 'review')).toBe('risky')
    expect(worseVerdict('pass', 'pass')).toBe('pass')
  })

  it('shows passed text, holds reviewed text, and decides held text once', () => {
    expect(visibilityFor('pass')).toBe('visible')
    expect(visibilityFor('review')).toBe('held')
    expect(decisionVisibility('approve')).toBe('visible')
    expect(decisionVisibility('reject')).toBe('rejected')
    expect(canDecide('held', 'approve')).toBe('apply')
    expect(canDecide('approved', 'approve')).toBe('same')
    expect(canDecide('approved', 'reject')).toBe('decided')
    expect(canDecide('rejected', 'approve')).toBe('decided')
  })

  it('names kinds for admins and keys one held item per document', () => {
    expect(heldKindName('intro')).toBe('自我介绍')
    expect(heldKindName('something')).toBe('成员内容')
    expect(heldId('c1', 'intros', 'c1_o1')).toBe('c1:intros:c1_o1')
  })
})
