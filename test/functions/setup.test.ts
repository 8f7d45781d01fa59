/** The `setup` function through the local cloud: creating, the owner's settings, and the team under races. */
import type {
  CommunityProfile,
  SetupOutputs,
  StaffEntry,
  TeamView,
} from '../../cloudfunctions/core/contracts/setup'
import type { JoinOutcome } from '../../cloudfunctions/core/contracts/member'
import { MAX_OWNED_COMMUNITIES } from '../../cloudfunctions/core/team'
import { errorCode } from '../support/fixtures'
import { sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'
import { uploadFixture } from '../support/storage'
import { addCommunity, addMember, caller, count, data, getDoc, type Db } from './community-support'

jest.setTimeout(120_000)

let cloud: RunningCloud
let db: Db
let call: ReturnType<typeof caller>

const T0 = new Date('2026-11-20T02:00:00.000Z')
const mid = (cid: string, openid: string) => `${cid}_${openid}`

beforeAll(async () => {
  cloud = await startCloud()
  db = sdkFor(cloud).database()
  call = caller(cloud)
  await cloud.setClock(T0.toISOString())
  await addCommunity(db, 'c-other', 'OTHR22')
  await addMember(db, 'c-other', 'o-other-owner', 'owner', T0)
  await addMember(db, 'c-other', 'o-other-admin', 'admin', T0)
})

afterAll(() => cloud?.stop())

async function create(openid: string, name = '新社群', extra: Record<string, unknown> = {}) {
  return call<SetupOutputs['create']>(
    'setup',
    { action: 'create', name, slogan: '一起变好', ...extra },
    openid,
  )
}

describe('create', () => {
  it('makes the caller owner and first member, with a working invite code, and switches them to it', async () => {
    const res = await create('o-founder', '山野徒步', { joinPolicy: 'open' })
    const { community, profile } = data(res)
    expect(res.community).toBe(community.id)
    expect(profile).toMatchObject({
      name: '山野徒步',
      slogan: '一起变好',
      memberCount: 1,
      joinPolicy: 'open',
    })
    const member = await getDoc<{ role: string; nameGrams: string[] }>(
      db,
      'members',
      mid(community.id, 'o-founder'),
    )
    expect(member?.role).toBe('owner')
    expect(member?.nameGrams.length).toBeGreaterThan(0)
    expect((await getDoc<{ ownerOpenid: string }>(db, 'communities', community.id))?.ownerOpenid).toBe(
      'o-founder',
    )
    expect((await getDoc<{ currentCommunityId: string }>(db, 'users', 'o-founder'))?.currentCommunityId).toBe(
      community.id,
    )
    // Someone joins by the new code.
    const joined = data(
      await call<JoinOutcome>('member', { action: 'joinByInvite', code: profile.inviteCode }, 'o-hiker'),
    )
    expect(joined.status).toBe('joined')
  })

  it('refuses bad input and screened words, and creates nothing', async () => {
    expect(errorCode(await create('o-bad', 'x'))).toBe('INVALID_INPUT')
    expect(errorCode(await create('o-bad', '好社群', { joinPolicy: 'everyone' }))).toBe('INVALID_INPUT')
    expect(errorCode(await create('o-bad', '好社群', { logoFileId: 'https://evil.example/x.png' }))).toBe(
      'INVALID_INPUT',
    )
    const risky = await create('o-bad', '赌博交流群')
    expect(risky).toMatchObject({ ok: false, error: { code: 'CONTENT_RISKY' } })
    expect(errorCode(await create('o-bad', '好社群', { slogan: '代开发票' }))).toBe('CONTENT_RISKY')
    expect(await count(db, 'members', { openid: 'o-bad' })).toBe(0)
    expect(await count(db, 'communities', { ownerOpenid: 'o-bad' })).toBe(0)
  })

  it(`caps owned communities at ${MAX_OWNED_COMMUNITIES}, even when creations race`, async () => {
    const results = await Promise.all(
      Array.from({ length: MAX_OWNED_COMMUNITIES + 2 }, (_, i) => create('o-greedy', `社群${i + 1}号`)),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_OWNED_COMMUNITIES)
    expect(results.filter((r) => !r.ok).map(errorCode)).toEqual(['OWNED_LIMIT', 'OWNED_LIMIT'])
    expect(await count(db, 'communities', { ownerOpenid: 'o-greedy' })).toBe(MAX_OWNED_COMMUNITIES)
  })
})

describe('profile and invite code', () => {
  let cid: string
  let code: string
  beforeAll(async () => {
    const made = data(await create('o-prof', '读书角'))
    cid = made.community.id
    code = made.profile.inviteCode
    await addMember(db, cid, 'o-prof-admin', 'admin', T0)
  })

  it('lets the owner edit name, slogan and logo; admins and other communities cannot', async () => {
    const logo = await uploadFixture(cloud, 'logos/o-prof/logo.png')
    const saved = data(
      await call<CommunityProfile>(
        'setup',
        {
          action: 'saveProfile',
          name: '读书角2',
          slogan: '慢慢读',
          logoFileId: logo,
          _community: cid,
        },
        'o-prof',
      ),
    )
    expect(saved).toMatchObject({ name: '读书角2', slogan: '慢慢读', logoFileId: logo })
    expect((await getDoc<{ name: string }>(db, 'communities', cid))?.name).toBe('读书角2')
    const cleared = data(
      await call<CommunityProfile>(
        'setup',
        { action: 'saveProfile', name: '读书角2', slogan: '慢慢读', logoFileId: null, _community: cid },
        'o-prof',
      ),
    )
    expect(cleared.logoFileId).toBeNull()
    expect((await getDoc<{ logoFileId?: string }>(db, 'communities', cid))?.logoFileId ?? null).toBeNull()
    const asAdmin = await call(
      'setup',
      { action: 'saveProfile', name: '夺权', slogan: '', _community: cid },
      'o-prof-admin',
    )
    expect(errorCode(asAdmin)).toBe('FORBIDDEN')
    const outsider = await call(
      'setup',
      { action: 'saveProfile', name: '夺权', slogan: '', _community: cid },
      'o-other-owner',
    )
    expect(errorCode(outsider)).toBe('NOT_MEMBER')
    expect((await getDoc<{ name: string }>(db, 'communities', cid))?.name).toBe('读书角2')
  })

  it('resets the invite code: the old one stops working at once', async () => {
    const { inviteCode } = data(
      await call<{ inviteCode: string }>('setup', { action: 'resetInvite', _community: cid }, 'o-prof'),
    )
    expect(inviteCode).not.toBe(code)
    expect(errorCode(await call('member', { action: 'joinByInvite', code }, 'o-late'))).toBe(
      'INVITE_CODE_INVALID',
    )
    expect(
      data(await call<JoinOutcome>('member', { action: 'joinByInvite', code: inviteCode }, 'o-late')).status,
    ).toBe('joined')
    expect(errorCode(await call('setup', { action: 'resetInvite', _community: cid }, 'o-prof-admin'))).toBe(
      'FORBIDDEN',
    )
  })
})

describe('the team', () => {
  const C = 'c-team'
  beforeAll(async () => {
    await addCommunity(db, C, 'TEAM22')
    await addMember(db, C, 'o-boss', 'owner', T0, '老板')
    await addMember(db, C, 'o-adm', 'admin', T0, '管家')
    await addMember(db, C, 'o-adm2', 'admin', T0, '二管家')
    for (const name of ['m1', 'm2', 'm3', 'm4', 'm5']) await addMember(db, C, `o-${name}`, 'member', T0, name)
  })
  const appoint = (openid: string, target: string, role: string, title?: string) =>
    call<StaffEntry>(
      'setup',
      { action: 'appoint', memberId: mid(C, target), role, title, _community: C },
      openid,
    )
  const roleOf = async (openid: string) =>
    (await getDoc<{ role: string }>(db, 'members', mid(C, openid)))?.role

  it('lists staff with roles and titles, and the advisory', async () => {
    data(await appoint('o-adm', 'o-m1', 'organiser', '数据官'))
    const team = data(await call<TeamView>('setup', { action: 'team', _community: C }, 'o-boss'))
    expect(team.staff.map((s) => s.role)).toEqual(['owner', 'admin', 'admin', 'organiser'])
    expect(team.staff.find((s) => s.nickname === 'm1')).toMatchObject({ roleName: '活动官', title: '数据官' })
    expect(team.advisory).toMatchObject({ admins: 2, status: 'ok' })
    expect(team.canAppointAdmins).toBe(true)
    expect(errorCode(await call('setup', { action: 'team', _community: C }, 'o-m2'))).toBe('FORBIDDEN')
  })

  it('lets only the owner make admins; admins appoint below; titles only for organisers; audited', async () => {
    expect(errorCode(await appoint('o-adm', 'o-m2', 'admin'))).toBe('FORBIDDEN')
    expect(errorCode(await appoint('o-adm', 'o-adm2', 'member'))).toBe('FORBIDDEN')
    expect(errorCode(await appoint('o-m3', 'o-m2', 'volunteer'))).toBe('FORBIDDEN')
    expect(errorCode(await appoint('o-adm', 'o-m2', 'volunteer', '内容官'))).toBe('INVALID_INPUT')
    expect(errorCode(await appoint('o-other-admin', 'o-m2', 'volunteer'))).toBe('NOT_MEMBER')
    expect(errorCode(await appoint('o-boss', 'o-boss', 'admin'))).toBe('FORBIDDEN')
    expect(await roleOf('o-m2')).toBe('member')
    expect(data(await appoint('o-boss', 'o-m2', 'admin')).role).toBe('admin')
    expect(data(await appoint('o-adm', 'o-m3', 'volunteer')).roleName).toBe('志愿者')
    expect(data(await appoint('o-adm', 'o-m3', 'member')).role).toBe('member')
    expect(await count(db, 'audit', { communityId: C, kind: 'role' })).toBeGreaterThanOrEqual(4)
    // Another community's member id is not found from here.
    const foreign = await call(
      'setup',
      { action: 'appoint', memberId: mid('c-other', 'o-other-admin'), role: 'member', _community: C },
      'o-boss',
    )
    expect(errorCode(foreign)).toBe('NOT_FOUND')
    expect((await getDoc<{ role: string }>(db, 'members', mid('c-other', 'o-other-admin')))?.role).toBe(
      'admin',
    )
  })

  it('keeps an admin from appointing once the owner dismissed them, whatever the order of racing calls', async () => {
    // The owner dismisses o-adm2 while o-adm2 appoints m4 and m5.
    const results = await Promise.all([
      appoint('o-adm2', 'o-m4', 'organiser'),
      appoint('o-boss', 'o-adm2', 'member'),
      appoint('o-adm2', 'o-m5', 'volunteer'),
    ])
    expect(results[1].ok).toBe(true)
    expect(await roleOf('o-adm2')).toBe('member')
    // Any appointment by o-adm2 that succeeded committed before the dismissal (its audit row says so).
    const audits = await count(db, 'audit', { communityId: C, kind: 'role', by: 'o-adm2' })
    expect(audits).toBe(results.filter((r, i) => i !== 1 && r.ok).length)
  })

  it('transfers ownership to an admin, once, even when two transfers race', async () => {
    expect(
      errorCode(
        await call(
          'setup',
          { action: 'transferOwnership', memberId: mid(C, 'o-m1'), _community: C },
          'o-boss',
        ),
      ),
    ).toBe('FORBIDDEN')
    expect(
      errorCode(
        await call(
          'setup',
          { action: 'transferOwnership', memberId: mid(C, 'o-boss'), _community: C },
          'o-adm',
        ),
      ),
    ).toBe('FORBIDDEN')
    const results = await Promise.all(
      ['o-adm', 'o-m2'].map((target) =>
        call<SetupOutputs['transferOwnership']>(
          'setup',
          { action: 'transferOwnership', memberId: mid(C, target), _community: C },
          'o-boss',
        ),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const owners = await count(db, 'members', { communityId: C, role: 'owner' })
    expect(owners).toBe(1)
    expect(await roleOf('o-boss')).toBe('admin')
    const winner = results[0].ok ? 'o-adm' : 'o-m2'
    expect(await roleOf(winner)).toBe('owner')
    expect((await getDoc<{ ownerOpenid: string }>(db, 'communities', C))?.ownerOpenid).toBe(winner)
    expect((await getDoc<{ communityIds: string[] }>(db, 'owners', winner))?.communityIds).toEqual([C])
    // The old owner, now an admin, can no longer make admins.
    expect(errorCode(await appoint('o-boss', 'o-m5', 'admin'))).toBe('FORBIDDEN')
  })
})
