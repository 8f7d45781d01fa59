/**
 * Input a client controls, through the gateway: an event nested thousands of levels deep, and a
 * group share whose decrypted `data` the client wrote itself.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import { INPUT_TOO_DEEP_MESSAGE } from '../../cloudfunctions/core/input'
import type { JoinResult } from '../../cloudfunctions/core/contracts/member'
import { sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'

jest.setTimeout(60_000)

let cloud: RunningCloud
let db: ReturnType<ReturnType<typeof sdkFor>['database']>

async function countMembers(where: object): Promise<number> {
  return ((await db.collection('members').where(where).count()) as { total: number }).total
}

/** POST raw text to the gateway: what a client can send that a JS object cannot easily hold. */
async function post(fn: string, body: string, openid: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${cloud.url}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body,
  })
  return { status: res.status, body: await res.json() }
}

beforeAll(async () => {
  cloud = await startCloud()
  db = sdkFor(cloud).database()
  await db
    .collection('communities')
    .doc('c-guard')
    .set({
      data: {
        name: '守门社',
        slogan: '小心',
        inviteCode: 'GUARD2',
        joinPolicy: 'open',
        memberCount: 0,
        createdAt: new Date(),
      },
    })
  await db
    .collection('groups')
    .doc('g-guard')
    .set({ data: { openGId: 'G-GUARD-1', communityId: 'c-guard', name: '守门社1群' } })
})

afterAll(() => cloud?.stop())

describe('an event nested 5,000 levels deep', () => {
  it.each([
    ['arrays', `{"action":"me","x":${'['.repeat(5000)}${']'.repeat(5000)}}`],
    ['objects', `{"action":"calendar","month":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`],
  ])('of %s answers INVALID_INPUT, not a 500', async (_kind, body) => {
    for (const fn of ['member', 'checkin']) {
      const reply = await post(fn, body, 'o-deep')
      expect(reply.status).toBe(200)
      expect(reply.body).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.any(String), fields: { _: INPUT_TOO_DEEP_MESSAGE } },
      })
    }
  })

  it('leaves ordinary nesting alone', async () => {
    const reply = await post('member', JSON.stringify({ action: 'me' }), 'o-deep')
    expect(reply).toMatchObject({ status: 200, body: { ok: true } })
  })
})

describe('member.joinByGroup trusts only what the platform decrypts', () => {
  const join = (groupShare: unknown, openid: string) =>
    cloud.call<ActionResult<JoinResult>>('member', { action: 'joinByGroup', groupShare }, openid)

  it('refuses a forged share carrying a real group id and a made-up CloudID; nobody joins', async () => {
    for (const data of [{ openGId: 'G-GUARD-1' }, { opengid: 'G-GUARD-1' }]) {
      const reply = await join({ cloudID: '23_made-up-by-the-client', data }, 'o-forger')
      expect(reply).toMatchObject({ ok: false, error: { code: 'GROUP_SHARE_EXPIRED' } })
    }
    expect(await countMembers({ openid: 'o-forger' })).toBe(0)
    expect(await countMembers({ communityId: 'c-guard' })).toBe(0)
  })

  it('refuses a real CloudID of another group dressed up with this group id', async () => {
    const { cloudID } = await cloud.control<{ cloudID: string }>('group-share', { openGId: 'G-ELSEWHERE' })
    const reply = await join({ cloudID, data: { opengid: 'G-GUARD-1' } }, 'o-forger')
    // The platform says G-ELSEWHERE, which no community binds.
    expect(reply).toMatchObject({ ok: false, error: { code: 'GROUP_NOT_BOUND' } })
    expect(await countMembers({ communityId: 'c-guard' })).toBe(0)
  })

  it('refuses an unknown $cloudID at the gateway (no data) and still joins with a real one', async () => {
    const forged = await join({ $cloudID: '23_never-issued' }, 'o-forger')
    expect(forged).toMatchObject({ ok: false, error: { code: 'GROUP_SHARE_EXPIRED' } })
    const { cloudID } = await cloud.control<{ cloudID: string }>('group-share', { openGId: 'G-GUARD-1' })
    const joined = await join({ $cloudID: cloudID }, 'o-real')
    expect(joined).toMatchObject({ ok: true, data: { community: { name: '守门社' } } })
    expect(await countMembers({ communityId: 'c-guard' })).toBe(1)
  })
})
