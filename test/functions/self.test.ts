/**
 * What a member does about themselves (issue 11, `member`): their profile, their communities, their
 * own data and erasing themselves, through the local cloud and the real wx-server-sdk.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { MemberOutputs } from '../../cloudfunctions/core/contracts/member'
import { DELETE_ME_CONFIRMATION, ERASED_NICKNAME } from '../../cloudfunctions/core/erasure'
import { nameGrams } from '../../cloudfunctions/core/nickname'
import { checkDataDir, rebuildDerived } from '../../tools/rebuild'
import { addCommunity, addMember, data, errorCode, getDoc } from '../support/fixtures'
import { databaseOf, sdkFor, startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'
import { uploadFixture } from '../support/storage'

jest.setTimeout(90_000)

let cloud: RunningCloud
let db: SdkDatabase

const T0 = '2026-11-18T02:00:00.000Z'

function member<A extends keyof MemberOutputs>(
  action: A,
  input: Record<string, unknown>,
  openid: string,
  community?: string,
) {
  return cloud.call<ActionResult<MemberOutputs[A]>>(
    'member',
    { action, ...input, ...(community ? { _community: community } : {}) },
    openid,
  )
}

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await cloud.setClock(T0)
  await addCommunity(db, 'c-read', { name: '读书会', inviteCode: 'READ22' })
  await addCommunity(db, 'c-run', { name: '跑团', inviteCode: 'RUNN22' })
  await addMember(db, 'c-read', 'o-admin', { role: 'admin', nickname: '周宁' })
  await addMember(db, 'c-run', 'o-both', { nickname: '跑者阿明', level: 'advanced' })
  // Added last, so the reading group is o-both's current community.
  await addMember(db, 'c-read', 'o-both', { nickname: '成员both' })
  await db
    .collection('word_lists')
    .doc('c-read')
    .set({
      data: {
        communityId: 'c-read',
        words: [{ word: '加微信', verdict: 'risky' }],
        updatedAt: new Date(T0),
        updatedBy: 'o-admin',
      },
    })
  await db
    .collection('checkins')
    .doc('c-read:o-both:2026-11-17')
    .set({
      data: {
        communityId: 'c-read',
        openid: 'o-both',
        nickname: '成员both',
        dayKey: '2026-11-17',
        note: '读完第三章',
        noteStatus: 'visible',
        createdAt: new Date('2026-11-17T02:00:00Z'),
      },
    })
})

afterAll(() => cloud?.stop())

describe('saveProfile', () => {
  test('a joiner still named 成员xxxx is told so; a new nickname is saved with its search grams and follows into the feed', async () => {
    const before = data(await member('me', {}, 'o-both'))
    expect(before.member).toMatchObject({ nickname: '成员both', defaultNickname: true })

    const saved = data(await member('saveProfile', { nickname: '  林间读者 ' }, 'o-both', 'c-read'))
    expect(saved.member).toMatchObject({ nickname: '林间读者', defaultNickname: false })
    expect(await getDoc(db, 'members', 'c-read_o-both')).toMatchObject({
      nickname: '林间读者',
      nameGrams: nameGrams('林间读者'),
    })
    // The feed's copy of the name follows; the other community keeps its own name.
    expect(await getDoc(db, 'checkins', 'c-read:o-both:2026-11-17')).toMatchObject({ nickname: '林间读者' })
    expect(await getDoc(db, 'members', 'c-run_o-both')).toMatchObject({ nickname: '跑者阿明' })
    const feed = await cloud.call<ActionResult<{ items: { nickname: string }[] }>>(
      'checkin',
      { action: 'feed', _community: 'c-read' },
      'o-admin',
    )
    expect(data(feed).items.map((i) => i.nickname)).toContain('林间读者')
  })

  test.each([
    ['a staff title', '管理员小林', 'INVALID_INPUT'],
    ['a word the community refuses', '加微信领书', 'CONTENT_RISKY'],
    ['an empty name', '   ', 'INVALID_INPUT'],
  ])('refuses %s and changes nothing', async (_what, nickname, code) => {
    expect(errorCode(await member('saveProfile', { nickname }, 'o-both', 'c-read'))).toBe(code)
    expect(await getDoc(db, 'members', 'c-read_o-both')).toMatchObject({ nickname: '林间读者' })
  })

  test('an avatar is an uploaded cloud file; anything else is refused; null takes it away', async () => {
    const fileId = await uploadFixture(cloud, 'avatars/o-both/a.png')
    const saved = data(await member('saveProfile', { avatarFileId: fileId }, 'o-both', 'c-read'))
    expect(saved.member?.avatarFileId).toBe(fileId)
    expect(await getDoc(db, 'members', 'c-read_o-both')).toMatchObject({ avatarFileId: fileId })
    expect(
      errorCode(
        await member('saveProfile', { avatarFileId: 'https://evil.example/x.png' }, 'o-both', 'c-read'),
      ),
    ).toBe('INVALID_INPUT')
    expect(await getDoc(db, 'members', 'c-read_o-both')).toMatchObject({ avatarFileId: fileId })
    data(await member('saveProfile', { avatarFileId: null }, 'o-both', 'c-read'))
    expect(await getDoc(db, 'members', 'c-read_o-both')).not.toHaveProperty('avatarFileId')
  })

  test('someone in no community cannot save a profile', async () => {
    expect(errorCode(await member('saveProfile', { nickname: '路人' }, 'o-nobody'))).toBe('NOT_MEMBER')
  })
})

describe('myCommunities and switchCommunity', () => {
  test('lists every community the caller belongs to with role and level, the current one marked', async () => {
    const { items } = data(await member('myCommunities', {}, 'o-both'))
    expect(items.map((c) => [c.id, c.name, c.roleName, c.levelName, c.current]).sort()).toEqual(
      [
        ['c-read', '读书会', '成员', '新手', true],
        ['c-run', '跑团', '成员', '进阶', false],
      ].sort(),
    )
  })

  test('switching makes the other community current: the answer names it and `me` follows without context', async () => {
    const res = await member('switchCommunity', { communityId: 'c-run' }, 'o-both', 'c-read')
    expect(res).toMatchObject({ ok: true, community: 'c-run' })
    expect(data(res).community?.name).toBe('跑团')
    expect(await getDoc(db, 'users', 'o-both')).toMatchObject({ currentCommunityId: 'c-run' })
    expect(data(await member('me', {}, 'o-both')).community?.id).toBe('c-run')
    const { items } = data(await member('myCommunities', {}, 'o-both'))
    expect(items.find((c) => c.current)?.id).toBe('c-run')
  })

  test('a community the caller is not in (or has left) cannot be switched to, and nothing changes', async () => {
    await addMember(db, 'c-run', 'o-admin', { nickname: '周宁' })
    await db
      .collection('members')
      .doc('c-run_o-admin')
      .update({ data: { status: 'left' } })
    await db
      .collection('users')
      .doc('o-admin')
      .set({ data: { currentCommunityId: 'c-read', updatedAt: new Date(T0) } })
    const res = await member('switchCommunity', { communityId: 'c-run' }, 'o-admin', 'c-read')
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_MEMBER' }) })
    expect(errorCode(await member('switchCommunity', { communityId: 'c-nowhere' }, 'o-both'))).toBe(
      'NOT_MEMBER',
    )
    expect(await getDoc(db, 'users', 'o-admin')).toMatchObject({ currentCommunityId: 'c-read' })
    expect(data(await member('myCommunities', {}, 'o-admin')).items.map((c) => c.id)).toEqual(['c-read'])
  })
})

describe('myData and deleteMe', () => {
  const checkin = (event: Record<string, unknown>, openid: string) =>
    cloud.call<ActionResult<{ items: { id: string; nickname: string }[] }>>(
      'checkin',
      { ...event, _community: 'c-read' },
      openid,
    )
  const all = async (collection: string, where: object) =>
    ((await db.collection(collection).where(where).limit(1000).get()) as unknown as { data: Doc[] }).data
  type Doc = { _id: string } & Record<string, unknown>

  beforeAll(async () => {
    // The hand-written check-in above has no ledger row; real ones follow.
    await db.collection('checkins').doc('c-read:o-both:2026-11-17').remove()
    await db
      .collection('users')
      .doc('o-both')
      .set({ data: { currentCommunityId: 'c-read', updatedAt: new Date(T0) } })
    data(await checkin({ action: 'checkIn', note: '今天读了《额尔古纳河右岸》' }, 'o-both'))
    data(await checkin({ action: 'checkIn', note: '周宁的第一天' }, 'o-admin'))
    const feed = data(await checkin({ action: 'feed' }, 'o-admin')).items
    const both = feed.find((i) => i.nickname === '林间读者')!
    const admin = feed.find((i) => i.nickname === '周宁')!
    data(await checkin({ action: 'like', checkinId: both.id }, 'o-admin'))
    data(await checkin({ action: 'like', checkinId: admin.id }, 'o-both'))
  })

  test('myData shows every section of what is held about me, in every community, with Chinese headers', async () => {
    const mine = data(await member('myData', {}, 'o-both'))
    const section = (key: string) => mine.sections.find((s) => s.key === key)!
    expect(mine.sections.map((s) => s.title)).toEqual([
      '个人资料',
      '积分明细',
      '兑换记录',
      '打卡记录',
      '问卷回答',
      '自我介绍',
      '入群申请',
      '违规记录',
    ])
    expect(
      section('profile')
        .rows.map((r) => [r[0], r[1]])
        .sort(),
    ).toEqual(
      [
        ['读书会', '林间读者'],
        ['跑团', '跑者阿明'],
      ].sort(),
    )
    expect(section('checkins').header).toEqual(['社群', '日期', '打卡时间', '补签', '日记'])
    expect(section('checkins').rows).toEqual([
      ['读书会', '2026-11-18', '2026-11-18 10:00', '', '今天读了《额尔古纳河右岸》'],
    ])
    expect(section('ledger').rows.length).toBe(1)
    expect(section('answers').note).toContain('匿名问卷')
    // Nobody else's data: the admin's note is not in mine.
    expect(JSON.stringify(mine)).not.toContain('周宁的第一天')
  })

  test('deleteMe without the typed confirmation refuses and changes nothing', async () => {
    expect(errorCode(await member('deleteMe', { confirm: '好' }, 'o-both'))).toBe('INVALID_INPUT')
    expect(await getDoc(db, 'members', 'c-read_o-both')).toMatchObject({ nickname: '林间读者' })
  })

  test('deleteMe erases personal data, keeps balances under an anonymous id, and the ledger and rebuild checks stay clean', async () => {
    const before = await getDoc<{ balance: number; totalEarned: number }>(db, 'members', 'c-read_o-both')
    const adminBefore = await getDoc<{ balance: number }>(db, 'members', 'c-read_o-admin')
    const result = data(await member('deleteMe', { confirm: DELETE_ME_CONFIRMATION }, 'o-both'))
    expect(result).toEqual({ communities: 2, ledgerRowsAnonymised: 1 })

    // No document anywhere names the person: not by openid, not by nickname, not in an id.
    for (const collection of [
      'members',
      'ledger',
      'checkins',
      'checkin_likes',
      'member_activity',
      'users',
      'audit',
    ]) {
      const docs = await all(collection, {})
      const text = JSON.stringify(docs)
      expect([collection, text.includes('o-both')]).toEqual([collection, false])
      expect([collection, text.includes('林间读者') || text.includes('跑者阿明')]).toEqual([
        collection,
        false,
      ])
    }
    // The balance stays, under the anonymous member, off the boards, no longer a member.
    const anon = (await all('members', { communityId: 'c-read', nickname: ERASED_NICKNAME }))[0]
    expect(anon).toMatchObject({
      balance: before!.balance,
      totalEarned: before!.totalEarned,
      status: 'left',
      ranked: false,
    })
    expect(anon.openid).toMatch(/^erased_[0-9a-f]{24}$/)
    expect(await all('ledger', { openid: anon.openid })).toHaveLength(1)
    // Others keep what they earned; the like the erased member gave still counts for its author.
    expect(await getDoc(db, 'members', 'c-read_o-admin')).toMatchObject({ balance: adminBefore!.balance })
    expect(await all('checkin_likes', { openid: anon.openid })).toHaveLength(1)

    expect((await rebuildDerived(db as never, { check: true })).drift).toEqual([])
    expect(checkDataDir(cloud.dataDir, cloud.envId).ledger.differences).toEqual([])

    // Afterwards the person is nobody: no community, no data.
    expect(data(await member('me', {}, 'o-both'))).toEqual({ community: null, member: null })
    const after = data(await member('myData', {}, 'o-both'))
    expect(after.sections.every((s) => s.rows.length === 0)).toBe(true)
  })
})
