import {
  decodeExportCursor,
  encodeExportCursor,
  exportFileName,
  exportTime,
  toCsv,
} from '../../cloudfunctions/core/csv'
import {
  countChips,
  matchesFilter,
  nicknameContains,
  statusesOf,
  type DirectoryFacts,
} from '../../cloudfunctions/core/directory'

const NOW = new Date('2026-12-05T04:00:00Z')
const m = (over: Partial<DirectoryFacts> = {}): DirectoryFacts => ({
  nickname: '小雨',
  role: 'member',
  level: 'newcomer',
  ...over,
})

describe('directory rules', () => {
  test('statuses: muted only while mutedUntil is ahead; left and removed stand alone', () => {
    expect(statusesOf(m({ mutedUntil: new Date(NOW.getTime() + 1) }), NOW)).toEqual(['active', 'muted'])
    expect(statusesOf(m({ mutedUntil: new Date(NOW.getTime() - 1) }), NOW)).toEqual(['active'])
    expect(statusesOf(m({ dormantSince: NOW, silent: true }), NOW)).toEqual(['active', 'dormant', 'silent'])
    expect(statusesOf(m({ status: 'removed', silent: true }), NOW)).toEqual(['removed'])
  })

  test('no status filter lists members still in the community', () => {
    expect(matchesFilter(m(), {}, NOW)).toBe(true)
    expect(matchesFilter(m({ status: 'left' }), {}, NOW)).toBe(false)
    expect(matchesFilter(m({ status: 'left' }), { status: 'left' }, NOW)).toBe(true)
    expect(matchesFilter(m({ tags: ['学生'] }), { tag: '学生', level: 'newcomer' }, NOW)).toBe(true)
    expect(matchesFilter(m({ tags: ['学生'] }), { tag: '学生', level: 'core' }, NOW)).toBe(false)
  })

  test('substring in search form', () => {
    expect(nicknameContains('Mary-Jane', 'Ｊａｎ')).toBe(true)
    expect(nicknameContains('跑步的阿哲', '的阿')).toBe(true)
    expect(nicknameContains('阿的哲', '的阿')).toBe(false)
  })

  test('each dimension counts with the other filters only', () => {
    const people = [m({ level: 'core', role: 'admin' }), m({ role: 'admin' }), m(), m({ status: 'left' })]
    const counts = countChips(people, { role: 'admin', level: 'core' }, NOW)
    expect(counts.level).toEqual({ core: 1, newcomer: 1 })
    expect(counts.role).toEqual({ admin: 1 })
    expect(counts.status).toEqual({ active: 1 })
  })
})

describe('the one export format', () => {
  test('file names: community, what, Shanghai day, detail, numbered parts', () => {
    expect(exportFileName('晨读会', '成员', NOW)).toBe('晨读会-成员-2026-12-05.csv')
    expect(exportFileName('晨 读/会', '兑换订单', NOW, { detail: '已取消' })).toBe(
      '晨读会-兑换订单-2026-12-05-已取消.csv',
    )
    expect(exportFileName('晨读会', '成员', NOW, { part: 1, more: true })).toBe(
      '晨读会-成员-2026-12-05-1.csv',
    )
    expect(exportFileName('晨读会', '成员', NOW, { part: 3 })).toBe('晨读会-成员-2026-12-05-3.csv')
  })

  test('Shanghai times, dates in cells too', () => {
    expect(exportTime(new Date('2026-12-04T16:30:00Z'))).toBe('2026-12-05 00:30')
    expect(exportTime(null)).toBe('')
    expect(toCsv(['时间'], [[new Date('2026-12-04T16:30:00Z')]])).toBe('\uFEFF时间\r\n2026-12-05 00:30\r\n')
  })

  test('cursors round-trip; anything else is refused', () => {
    const cursor = encodeExportCursor(2, ['晨读会_o-1'])
    expect(decodeExportCursor(cursor)).toEqual({ part: 2, after: ['晨读会_o-1'] })
    for (const bad of ['abc', '!!', encodeExportCursor(1, []), encodeExportCursor(1.5, [])])
      expect(decodeExportCursor(bad)).toBeNull()
  })
})
