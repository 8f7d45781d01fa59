import { cronMatches, parseCron } from '../../tools/local-cloud/functions/cron'

describe('timer crons are read in UTC+8', () => {
  it('fires a daily 02:00 job at 18:00 UTC', () => {
    const cron = parseCron('0 0 2 * * * *')
    expect(cronMatches(cron, new Date('2026-11-21T18:00:00Z'))).toBe(true)
    expect(cronMatches(cron, new Date('2026-11-22T02:00:00Z'))).toBe(false)
  })

  it('understands weekday names, lists, ranges and steps', () => {
    const mondays = parseCron('0 30 9 * * MON *')
    expect(cronMatches(mondays, new Date('2026-11-23T01:30:00Z'))).toBe(true) // Monday 09:30 in Shanghai
    expect(cronMatches(mondays, new Date('2026-11-24T01:30:00Z'))).toBe(false)
    const everyFive = parseCron('0 */5 8-9 * * * *')
    expect(cronMatches(everyFive, new Date('2026-11-23T00:55:00Z'))).toBe(true)
    expect(cronMatches(everyFive, new Date('2026-11-23T00:56:00Z'))).toBe(false)
    expect(cronMatches(parseCron('0 0 0 1,15 * * *'), new Date('2026-11-14T16:00:00Z'))).toBe(true)
  })

  it('rejects crons without seven fields or with values out of range', () => {
    expect(() => parseCron('0 0 * * *')).toThrow(/7 fields/)
    expect(() => parseCron('0 61 * * * * *')).toThrow(/bad cron value/)
  })
})
