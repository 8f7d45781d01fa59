/** The `member` function through the local cloud and the real wx-server-sdk. */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { JoinResult, MeResult } from '../../cloudfunctions/core/contracts/member'
import { now, sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'

jest.setTimeout(60_000)

let cloud: RunningCloud
let db: ReturnType<ReturnType<typeof sdkFor>['database']>

const call = <T>(event: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>('member', event, openid)

function data<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.data
}

async function memberCount(id: string): Promise<number> {
  const res = (await db.collection('communities').doc(id).get()) as unknown as {
    data: { memberCount: number }
  }
  return res.data.memberCount
}

async function countMembers(where: object): Promise<number> {
  return ((await db.collection('members').where(where).count()) as { total: number }).total
}

beforeAll(async () => {
  cloud = await startCloud()
  db = sdkFor(cloud).database()
  await db
    .collection('communities')
    .doc('c-book')
    .set({
      data: {
        name: '读书会',
        slogan: '一起读书',
        inviteCode: 'BKREAD',
        joinPolicy: 'open',
        memberCount: 1,
        createdAt: now(),
      },
    })
  await db
    .collection('communities')
    .doc('c-run')
    .set({
      data: {
        name: '跑团',
        slogan: '一起跑',
        inviteCode: 'RUN234',
        joinPolicy: 'open',
        memberCount: 0,
        createdAt: now(),
      },
    })
  await db
    .collection('groups')
    .doc('g1')
    .set({ data: { openGId: 'G-BOOK-1', communityId: 'c-book', name: '读书会1群' } })
  await db
    .collection('members')
    .doc('c-book_o-owner')
    .set({
      data: {
        communityId: 'c-book',
        openid: 'o-owner',
        nickname: '群主',
        role: 'owner',
        level: 'newcomer',
        balance: 0,
        totalEarned: 0,
        joinedAt: now(),
        via: 'owner',
      },
    })
  await db
    .collection('users')
    .doc('o-owner')
    .set({ data: { currentCommunityId: 'c-book', updatedAt: now() } })
})

afterAll(() => cloud?.stop())

describe('member.me', () => {
  it('tells a stranger they belong to no community', async () => {
    expect(data(await call<MeResult>({ action: 'me' }, 'o-stranger'))).toEqual({
      community: null,
      member: null,
    })
  })

  it('shows staff the invite code', async () => {
    const me = data(await call<MeResult>({ action: 'me' }, 'o-owner'))
    expect(me.community).toMatchObject({ id: 'c-book', name: '读书会', inviteCode: 'BKREAD' })
    expect(me.member).toMatchObject({
      nickname: '群主',
      role: 'owner',
      roleName: '主理人',
      levelName: '新手',
    })
  })

  it('refuses an identity sent in the event', async () => {
    const res = await call<MeResult>({ action: 'me', openid: 'o-owner' }, 'o-stranger')
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('names an unknown action', async () => {
    expect(await call({ action: 'deleteEverything' }, 'o-owner')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACTION' },
    })
  })
})

describe('member.joinByInvite', () => {
  it('rejects a missing, malformed or unknown code and changes nothing', async () => {
    const before = await memberCount('c-book')
    expect(await call({ action: 'joinByInvite' }, 'o-bad')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { code: expect.any(String) } },
    })
    expect(await call({ action: 'joinByInvite', code: 'B0OK' }, 'o-bad')).toMatchObject({
      ok: false,
      error: { code: 'INVITE_CODE_INVALID', message: '邀请码无效，请向群主确认' },
    })
    expect(await call({ action: 'joinByInvite', code: 'ZZZZZZ' }, 'o-bad')).toMatchObject({
      ok: false,
      error: { code: 'INVITE_CODE_INVALID' },
    })
    expect(await memberCount('c-book')).toBe(before)
    expect(await countMembers({ openid: 'o-bad' })).toBe(0)
  })

  it('joins with a code in any case, as a member and newcomer, and counts them once', async () => {
    const before = await memberCount('c-book')
    const joined = data(
      await call<JoinResult>({ action: 'joinByInvite', code: ' bkread ', nickname: '阿青' }, 'o-qing'),
    )
    expect(joined).toMatchObject({
      alreadyMember: false,
      community: { id: 'c-book', name: '读书会', memberCount: before + 1 },
      member: { nickname: '阿青', role: 'member', roleName: '成员', level: 'newcomer', balance: 0 },
    })
    expect(joined.community.inviteCode).toBeUndefined()
    const again = data(await call<JoinResult>({ action: 'joinByInvite', code: 'BKREAD' }, 'o-qing'))
    expect(again.alreadyMember).toBe(true)
    expect(again.member.nickname).toBe('阿青')
    expect(await memberCount('c-book')).toBe(before + 1)
    const me = data(await call<MeResult>({ action: 'me' }, 'o-qing'))
    expect(me.community?.name).toBe('读书会')
  })

  it('gives a default nickname when none is chosen', async () => {
    const joined = data(await call<JoinResult>({ action: 'joinByInvite', code: 'RUN234' }, 'o-runner-7788'))
    expect(joined.member.nickname).toBe('成员7788')
    // The directory finds the member by any part of the nickname: the join writes its grams with it.
    const stored = (await db.collection('members').where({ openid: 'o-runner-7788' }).get()) as unknown as {
      data: { nameGrams?: string[] }[]
    }
    expect(stored.data[0].nameGrams?.sort()).toEqual(
      ['7', '77', '78', '8', '88', '员', '员7', '成', '成员'].sort(),
    )
  })

  it('turns away a nickname the content check calls risky, changing nothing', async () => {
    const res = await call({ action: 'joinByInvite', code: 'RUN234', nickname: '加微信返现' }, 'o-spammer')
    expect(res).toMatchObject({ ok: false, error: { code: 'CONTENT_RISKY' } })
    expect(await countMembers({ openid: 'o-spammer' })).toBe(0)
  })

  it('makes one membership of 12 parallel joins by one person', async () => {
    const before = await memberCount('c-run')
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        call<JoinResult>({ action: 'joinByInvite', code: 'RUN234' }, 'o-eager'),
      ),
    )
    // Every tap gets an answer, exactly one of them the new membership.
    const joined = results.map((r) => data(r))
    expect(joined.filter((r) => !r.alreadyMember)).toHaveLength(1)
    expect(await countMembers({ openid: 'o-eager', communityId: 'c-run' })).toBe(1)
    expect(await memberCount('c-run')).toBe(before + 1)
  })
})

describe('member.joinByGroup', () => {
  it('joins the community bound to the group the card was shared in', async () => {
    const { cloudID } = await cloud.control<{ cloudID: string }>('group-share', { openGId: 'G-BOOK-1' })
    const joined = data(
      await call<JoinResult>({ action: 'joinByGroup', groupShare: { $cloudID: cloudID } }, 'o-fromgroup'),
    )
    expect(joined.community.name).toBe('读书会')
    expect(joined.member.role).toBe('member')
  })

  it('explains an unbound group and an expired share', async () => {
    const { cloudID } = await cloud.control<{ cloudID: string }>('group-share', { openGId: 'G-NOWHERE' })
    expect(await call({ action: 'joinByGroup', groupShare: { $cloudID: cloudID } }, 'o-lost')).toMatchObject({
      ok: false,
      error: { code: 'GROUP_NOT_BOUND' },
    })
    expect(
      await call({ action: 'joinByGroup', groupShare: { $cloudID: 'forged-or-expired' } }, 'o-lost'),
    ).toMatchObject({
      ok: false,
      error: { code: 'GROUP_SHARE_EXPIRED' },
    })
    expect(await countMembers({ openid: 'o-lost' })).toBe(0)
  })
})
