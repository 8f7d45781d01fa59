import {
  canDecide,
  cleanWordList,
  decisionVisibility,
  heldId,
  heldKindName,
  matchCommunityWords,
  matchedWords,
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
