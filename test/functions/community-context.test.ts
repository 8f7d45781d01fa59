/**
 * The community context (`_community`): the client says which community it acts in; the handler
 * reads the membership there in one request, refuses a community the caller is not in, falls back
 * to the last-used community without it, and every answer says which community the caller acts in.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { InviteView, JoinResult, MeResult } from '../../cloudfunctions/core/contracts/member'
import { addCommunity, addMember, data, errorCode } from '../support/fixtures'
import { databaseOf, sdkFor, startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'
import { databaseRequests } from '../../tools/bench/measure'

jest.setTimeout(60_000)

let cloud: RunningCloud
let db: SdkDatabase

const call = <T>(fn: string, event: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>(fn, event, openid)

/** The database requests one call made (GET /_local/stats before and after). */
async function requestsOf<T>(work: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const before = await databaseRequests(cloud)
  const result = await work()
  return { result, requests: (await databaseRequests(cloud)) - before }
}

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await addCommunity(db, 'c-book', { name: '读书会', inviteCode: 'BKREAD' })
  await addCommunity(db, 'c-run', { name: '跑团', inviteCode: 'RUN234' })
  await addCommunity(db, 'c-tea', { name: '茶友会', inviteCode: 'TEA234' })
  // o-both is in both; their last-used community (users doc) is c-run, the later write.
  await addMember(db, 'c-book', 'o-both', { nickname: '书虫' })
  await addMember(db, 'c-run', 'o-both', { nickname: '跑者' })
  await addMember(db, 'c-run', 'o-runner', { nickname: '阿跑', role: 'admin' })
  // A member whose openid ends in another caller's: a crafted `_community` must not reach them.
  await addMember(db, 'c-run', 'x_o-book', { nickname: '别人' })
  await addMember(db, 'c-book', 'o-book', { nickname: '只读书' })
})

afterAll(async () => {
  await cloud?.stop()
})

describe('the community context', () => {
  it('reads the membership of the named community in one request', async () => {
    const { result, requests } = await requestsOf(() =>
      call<MeResult>('member', { action: 'me', _community: 'c-book' }, 'o-both'),
    )
    const me = data(result)
    expect(me.community).toMatchObject({ id: 'c-book', name: '读书会' })
    expect(me.member).toMatchObject({ nickname: '书虫' })
    expect(result.community).toBe('c-book')
    expect(requests).toBe(1)
  })

  it('acts in the named community, not the last-used one, for member actions too', async () => {
    const res = await call<InviteView>('member', { action: 'invite', _community: 'c-book' }, 'o-both')
    expect(data(res)).toMatchObject({ communityName: '读书会', code: 'BKREAD' })
    expect(res.community).toBe('c-book')
  })

  it('refuses a community the caller is not a member of, and shows nothing of it', async () => {
    const summary = await call<unknown>('points', { action: 'summary', _community: 'c-run' }, 'o-book')
    expect(errorCode(summary)).toBe('NOT_MEMBER')
    expect(summary).not.toHaveProperty('data')
    expect(summary).not.toHaveProperty('community')
    expect(JSON.stringify(summary)).not.toContain('跑团')
    // An anyone-action answers as for someone outside any community.
    const me = await call<MeResult>('member', { action: 'me', _community: 'c-run' }, 'o-book')
    expect(data(me)).toEqual({ community: null, member: null })
    expect(me).not.toHaveProperty('community')
  })

  it('never reaches another member through a crafted community id', async () => {
    // members/c-run_x_o-book is someone else's; `c-run_x` + `_o-book` would name it.
    for (const fn of [
      { fn: 'points', action: 'summary' },
      { fn: 'member', action: 'me' },
    ]) {
      const res = await call<MeResult>(fn.fn, { action: fn.action, _community: 'c-run_x' }, 'o-book')
      expect(JSON.stringify(res)).not.toContain('别人')
    }
    expect(errorCode(await call('points', { action: 'summary', _community: 'c-run_x' }, 'o-book'))).toBe(
      'NOT_MEMBER',
    )
  })

  it('refuses a community context that is not an id, and changes nothing', async () => {
    for (const bad of [42, '', 'c'.repeat(65), { $ne: null }]) {
      const res = await call<unknown>('points', { action: 'summary', _community: bad }, 'o-both')
      expect(errorCode(res)).toBe('INVALID_INPUT')
    }
  })

  it('falls back to the last-used community without a context', async () => {
    const { result, requests } = await requestsOf(() => call<MeResult>('member', { action: 'me' }, 'o-both'))
    expect(data(result).community).toMatchObject({ id: 'c-run', name: '跑团' })
    expect(data(result).member).toMatchObject({ nickname: '跑者' })
    expect(result.community).toBe('c-run')
    // users/<openid>, then the membership read.
    expect(requests).toBe(2)
  })

  it('reports the joined community after a join, and acts in it from then on', async () => {
    const joined = await call<JoinResult>(
      'member',
      { action: 'joinByInvite', code: 'TEA234', nickname: '茶客', _community: 'c-book' },
      'o-book',
    )
    expect(data(joined)).toMatchObject({ status: 'joined', community: { id: 'c-tea' } })
    expect(joined.community).toBe('c-tea')
    const me = await call<MeResult>('member', { action: 'me', _community: joined.community }, 'o-book')
    expect(data(me).community).toMatchObject({ id: 'c-tea', name: '茶友会' })
    expect(data(me).member).toMatchObject({ nickname: '茶客', balance: 0 })
    // The old community still answers when named.
    const book = await call<MeResult>('member', { action: 'me', _community: 'c-book' }, 'o-book')
    expect(data(book).member).toMatchObject({ nickname: '只读书' })
  })

  it('sees a rule edit made through another function at once (no stale per-instance copy)', async () => {
    // Warm the checkin instance on c-run's rules, edit them through points, then check in.
    data(await call('checkin', { action: 'today', _community: 'c-run' }, 'o-runner'))
    data(
      await call(
        'points',
        {
          action: 'updateRule',
          rule: 'checkin',
          points: 13,
          dailyCap: 13,
          enabled: true,
          _community: 'c-run',
        },
        'o-runner',
      ),
    )
    const res = await call<{ points: number }>(
      'checkin',
      { action: 'checkIn', _community: 'c-run' },
      'o-runner',
    )
    expect(data(res).points).toBe(13)
    const after = await call<{ balance: number }>(
      'points',
      { action: 'summary', _community: 'c-run' },
      'o-runner',
    )
    expect(data(after).balance).toBe(13)
  })
})
