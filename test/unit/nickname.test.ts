import { nameGrams, nicknameProblem, queryGrams } from '../../cloudfunctions/core/nickname'

describe('nickname rule', () => {
  it.each(['小雨', '林晓 Lin', '跑步的阿哲🏃', 'Mary-Jane', '时间管理者', '羽毛球 badminton'])(
    'accepts %s',
    (name) => {
      expect(nicknameProblem(name)).toBeNull()
    },
  )

  it.each([
    ['主理人 林晓', '主理人'],
    ['林晓（主理人）', '主理人'],
    ['主.理.人', '主理人'],
    ['主\u200b理人', '主理人'],
    ['管理员小王', '管理员'],
    ['活动官-阿哲', '活动官'],
    ['群主', '群主'],
    ['官方客服', '官方'],
    ['读书会客服', '客服'],
    ['系统通知', '系统通知'],
  ])('refuses %s as a staff title', (name, title) => {
    expect(nicknameProblem(name)).toBe(`昵称不能包含「${title}」等身份称呼，以免被误认为社群工作人员`)
  })

  it.each(['\u202e小雨', '小\u202d雨', '小\u2066雨\u2069', '\u200f小雨', '小\u061c雨'])(
    'refuses bidi controls (%j)',
    (name) => {
      expect(nicknameProblem(name)).toBe('昵称不能包含改变文字方向的字符')
    },
  )

  it.each(['小\n雨', '小\u0007雨', '小\u009b雨', '\u0000'])('refuses control characters (%j)', (name) => {
    expect(nicknameProblem(name)).toBe('昵称不能包含控制字符或换行')
  })

  it.each(['\u200b', '\u200b\u200c\u200d', '\u3000 ', '\ufeff\u2060', '\u3164', '\u2800\u2800', '\u00a0'])(
    'refuses an invisible nickname (%j)',
    (name) => {
      expect(nicknameProblem(name)).toBe('昵称不能是空白或看不见的字符')
    },
  )
})

describe('nickname search grams', () => {
  it('stores every character and adjacent pair of the search form', () => {
    expect(nameGrams('林小雨').sort()).toEqual(['小', '小雨', '林', '林小', '雨'].sort())
    expect(nameGrams('Mary').sort()).toEqual(['a', 'ar', 'm', 'ma', 'r', 'ry', 'y'].sort())
  })

  it('folds width and case, drops invisible characters and repeats', () => {
    expect(nameGrams('ＡＢ\u200bａ').sort()).toEqual(['a', 'ab', 'b', 'ba'].sort())
    expect(queryGrams(' Ａb ')).toEqual(['ab'])
    expect(nameGrams('哈哈哈').sort()).toEqual(['哈', '哈哈'])
  })

  it('asks a one-character query for that character, a longer one for its pairs', () => {
    expect(queryGrams('雨')).toEqual(['雨'])
    expect(queryGrams('林小雨')).toEqual(['林小', '小雨'])
    expect(queryGrams('  ')).toEqual([])
  })

  it.each([
    ['跑步的阿哲', '的阿'],
    ['跑步的阿哲', '阿哲'],
    ['Mary-Jane', 'y-j'],
    ['陈一帆', '一'],
  ])('every substring of %s (%s) finds its grams among the stored ones', (nickname, part) => {
    const stored = new Set(nameGrams(nickname))
    expect(queryGrams(part).every((g) => stored.has(g))).toBe(true)
  })

  it('a name without the part misses at least one gram', () => {
    const stored = new Set(nameGrams('林晓'))
    expect(queryGrams('小雨').every((g) => stored.has(g))).toBe(false)
  })
})
