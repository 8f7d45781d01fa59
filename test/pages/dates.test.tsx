/** src/ui/dates: the one date style of the app, in Asia/Shanghai time whatever the machine's zone. */
import { dateText, dateTimeText, dayKeyText, dayText, fullDateTimeText, timeText } from '@/ui/dates'

describe('dates people read', () => {
  it('are Shanghai days and times: 16:30 UTC is already the next day', () => {
    const late = '2026-12-04T16:30:00.000Z'
    expect(dayText(late)).toBe('12月5日')
    expect(dateText(late)).toBe('2026年12月5日')
    expect(dateTimeText(late)).toBe('12月5日 00:30')
    expect(fullDateTimeText(late)).toBe('2026年12月5日 00:30')
    expect(timeText(late)).toBe('00:30')
  })

  it('read day keys as they are', () => {
    expect(dayKeyText('2026-01-09')).toBe('1月9日')
    expect(dayText(new Date('2026-02-28T15:59:00Z'))).toBe('2月28日')
  })
})
