/** The square's rules (core/square): the hot score, the valued-post criteria and the content mix. */
import { qualitySource } from '../../cloudfunctions/core/featured'
import {
  adPostsLeft,
  CONTENT_CATEGORIES,
  CONTENT_CATEGORY_NAMES,
  CONTENT_MIX_TARGET,
  contentMix,
  firstMondayOf,
  hiddenByReports,
  hotScore,
  textFingerprint,
  valuedPostRefusal,
  withFingerprint,
} from '../../cloudfunctions/core/square'

const at = (iso: string) => new Date(iso)

describe('hot score', () => {
  it('grows with likes and replies, a reply worth two likes', () => {
    const createdAt = at('2026-11-20T04:00:00Z')
    const none = hotScore({ likes: 0, replies: 0, createdAt })
    const one = hotScore({ likes: 1, replies: 0, createdAt })
    const ten = hotScore({ likes: 10, replies: 0, createdAt })
    expect(one).toBe(none) // log10(1) = 0: a single like is where every post starts
    expect(ten).toBeCloseTo(none + 1, 6)
    expect(hotScore({ likes: 0, replies: 5, createdAt })).toBe(ten)
  })

  it('decays by age: twelve hours older needs ten times the interaction to stand level', () => {
    const older = hotScore({ likes: 100, replies: 0, createdAt: at('2026-11-20T00:00:00Z') })
    const newer = hotScore({ likes: 10, replies: 0, createdAt: at('2026-11-20T12:00:00Z') })
    expect(older).toBeCloseTo(newer, 6)
    const busyOld = hotScore({ likes: 50, replies: 10, createdAt: at('2026-11-18T00:00:00Z') })
    const quietNew = hotScore({ likes: 1, replies: 0, createdAt: at('2026-11-20T00:00:00Z') })
    expect(quietNew).toBeGreaterThan(busyOld)
  })

  it('is a stored, sortable number that does not depend on when it is computed', () => {
    const input = { likes: 7, replies: 3, createdAt: at('2026-12-01T08:00:00Z') }
    expect(hotScore(input)).toBe(hotScore({ ...input }))
    expect(Number.isFinite(hotScore({ likes: -3, replies: -1, createdAt: input.createdAt }))).toBe(true)
  })
})

describe('valued posts', () => {
  it('needs enough substance, not counting spaces, punctuation and emoji', () => {
    expect(valuedPostRefusal('好！！！👍👍👍 哈哈', [])).toBe('too_short')
    expect(valuedPostRefusal('。。。。。。。。。。。。。。。。。。。。。', [])).toBe('too_short')
    expect(valuedPostRefusal('今天读完了《活着》，福贵的一生让我想了很久很久。', [])).toBeNull()
  })

  it('is not a duplicate of the author’s recent posts, however it is padded', () => {
    const text = '今天读完了《活着》，福贵的一生让我想了很久很久。'
    const recent = withFingerprint([], textFingerprint(text))
    expect(valuedPostRefusal(text, recent)).toBe('duplicate')
    expect(valuedPostRefusal(`  ${text.replace('，', ' , ')}！！`, recent)).toBe('duplicate')
    expect(valuedPostRefusal('今天读完了《兄弟》，李光头的故事让我笑了又哭。', recent)).toBeNull()
  })

  it('compares only the recent ones', () => {
    let recent: string[] = []
    for (let i = 0; i < 8; i++)
      recent = withFingerprint(recent, textFingerprint(`第 ${i} 篇读书笔记：写点不一样的内容`))
    expect(recent).toHaveLength(5)
    expect(valuedPostRefusal('第 7 篇读书笔记：写点不一样的内容', recent)).toBe('duplicate')
    expect(valuedPostRefusal('第 0 篇读书笔记：写点不一样的内容', recent)).toBeNull()
  })

  it('pays quality marks under one rule for notes and posts', () => {
    expect(qualitySource('post', 'p1')).toBe('quality:post:p1')
    expect(qualitySource('checkin', '2026-11-20')).toBe('quality:checkin:2026-11-20')
  })
})

describe('content mix', () => {
  it('is 3:5:2 in Chinese categories', () => {
    expect(CONTENT_CATEGORIES.map((c) => CONTENT_CATEGORY_NAMES[c])).toEqual(['干货', '互动', '生活'])
    expect(CONTENT_MIX_TARGET).toEqual({ practical: 0.3, interaction: 0.5, life: 0.2 })
  })

  it('gives shares and the distance from the target', () => {
    expect(contentMix({ practical: 30, interaction: 50, life: 20 })).toMatchObject({
      total: 100,
      distance: 0,
    })
    const lopsided = contentMix({ practical: 80, interaction: 10, life: 10 })
    expect(lopsided.shares.practical).toBeCloseTo(0.8)
    expect(lopsided.gaps.interaction).toBeCloseTo(-0.4)
    expect(lopsided.distance).toBeCloseTo(0.5)
    expect(contentMix({ life: 5 }).distance).toBeCloseTo(0.8)
  })

  it('is empty without posts, and ignores nonsense counts', () => {
    expect(contentMix({})).toEqual({
      total: 0,
      shares: { practical: 0, interaction: 0, life: 0 },
      gaps: { practical: 0, interaction: 0, life: 0 },
      distance: 0,
    })
    expect(contentMix({ practical: -5, interaction: 1 }).total).toBe(1)
  })
})

it('hides after enough distinct reports, only what is visible', () => {
  expect(hiddenByReports(2, 'visible')).toBe(false)
  expect(hiddenByReports(3, 'visible')).toBe(true)
  expect(hiddenByReports(9, 'held')).toBe(false)
})

it('finds the first Monday of a month for the rules Q&A', () => {
  expect(firstMondayOf('2026-12')).toBe('2026-12-07')
  expect(firstMondayOf('2026-06')).toBe('2026-06-01')
  expect(firstMondayOf('2028-02')).toBe('2028-02-07')
})

it('counts ad posts left under an approval by month (限量发布)', () => {
  const approval = { status: 'approved' as const, quotaPerMonth: 4, used: { month: '2026-12', count: 3 } }
  expect(adPostsLeft(approval, '2026-12')).toBe(1)
  expect(adPostsLeft({ ...approval, used: { month: '2026-12', count: 9 } }, '2026-12')).toBe(0)
  expect(adPostsLeft(approval, '2027-01')).toBe(4)
  expect(adPostsLeft({ ...approval, status: 'refused' }, '2026-12')).toBe(0)
  expect(adPostsLeft({ ...approval, status: 'pending', used: null }, '2026-12')).toBe(0)
})
