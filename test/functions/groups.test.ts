/** The `groups` function through the local cloud and the real wx-server-sdk: binding, counts, unbinding, the QR code. */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { BindResult, GroupList, QrCode } from '../../cloudfunctions/core/contracts/groups'
import { QR_PAGE } from '../../cloudfunctions/core/groups'
import { pngSize } from '../../tools/local-cloud/png'
import { scanCode } from '../../tools/local-cloud/openapi/wxacode'
import { databaseOf, sdkFor, startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'
import { addCommunity, addMember, data, errorCode } from '../support/fixtures'

jest.setTimeout(180_000)

let cloud: RunningCloud
let db: SdkDatabase

const call = <T>(event: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>('groups', event, openid)
const share = async (openGId: string) =>
  ({ $cloudID: (await cloud.control<{ cloudID: string }>('group-share', { openGId })).cloudID }) as unknown
const bind = async (openGId: string, name: string, openid = 'o-adm') =>
  call<BindResult>({ action: 'bind', groupShare: await share(openGId), name }, openid)

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await addCommunity(db, 'c-a', { name: '读书会', inviteCode: 'RD8K2M' })
  await addCommunity(db, 'c-b', { name: '跑团' })
  await addMember(db, 'c-a', 'o-own', { role: 'owner', nickname: '主理人' })
  await addMember(db, 'c-a', 'o-adm', { role: 'admin', nickname: '管理员' })
  await addMember(db, 'c-a', 'o-org', { role: 'organiser', nickname: '活动官' })
  await addMember(db, 'c-a', 'o-m1', { nickname: '张三' })
  await addMember(db, 'c-b', 'o-bown', { role: 'owner', nickname: '团长' })
})

afterAll(() => cloud?.stop())

describe('groups.bind', () => {
  it('binds the group the share card came from, once; members who join from it are counted there', async () => {
    const first = data(await bind('G-READ-1', '读书会1群'))
    expect(first).toMatchObject({
      created: true,
      group: { name: '读书会1群', memberCount: 0, capacity: 500 },
    })
    // Tapping again renames, it does not make a second group.
    expect(data(await bind('G-READ-1', '读书会·一群'))).toMatchObject({
      created: false,
      group: { id: first.group.id },
    })

    // A new member opens the app from the group's card and joins: they remember the group.
    const joined = await cloud.call<ActionResult<unknown>>(
      'member',
      { action: 'joinByGroup', groupShare: await share('G-READ-1') },
      'o-new',
    )
    expect(joined.ok).toBe(true)
    const member = (await db.collection('members').doc('c-a_o-new').get()) as unknown as {
      data: { groupId?: string }
    }
    expect(member.data.groupId).toBe(first.group.id)

    const list = data(await call<GroupList>({ action: 'list' }, 'o-adm'))
    expect(list.groups).toEqual([
      expect.objectContaining({ id: first.group.id, name: '读书会·一群', memberCount: 1, nearFull: false }),
    ])
    expect(list.withoutGroup).toBe(4)
  })

  it('keeps one group in one community', async () => {
    expect(errorCode(await bind('G-READ-1', '抢过来', 'o-bown'))).toBe('GROUP_BOUND_ELSEWHERE')
    const groups = (await db.collection('groups').where({ openGId: 'G-READ-1' }).get()) as unknown as {
      data: { communityId: string }[]
    }
    expect(groups.data.map((g) => g.communityId)).toEqual(['c-a'])
  })

  it('refuses a forged or expired card, and staff without the groups right', async () => {
    expect(
      errorCode(await call({ action: 'bind', groupShare: { cloudID: '23_forged' }, name: 'x' }, 'o-adm')),
    ).toBe('GROUP_SHARE_EXPIRED')
    expect(errorCode(await bind('G-READ-9', '活动官的群', 'o-org'))).toBe('FORBIDDEN')
    expect(errorCode(await bind('G-READ-9', '成员的群', 'o-m1'))).toBe('FORBIDDEN')
    expect(errorCode(await call({ action: 'list' }, 'o-m1'))).toBe('FORBIDDEN')
  })
})

describe('groups.list', () => {
  it('marks a group near full at 450 of its 500', async () => {
    const g = data(await bind('G-READ-2', '读书会2群', 'o-own')).group
    // 450 members who joined from group 2 (written directly: joining one by one would take minutes).
    const rows = Array.from({ length: 450 }, (_, i) => ({
      _id: `c-a_o-full-${i}`,
      communityId: 'c-a',
      openid: `o-full-${i}`,
      role: 'member',
      nickname: `成员${i}`,
      groupId: g.id,
    }))
    for (const row of rows) {
      const { _id, ...doc } = row
      await db.collection('members').doc(_id).set({ data: doc })
    }
    let list = data(await call<GroupList>({ action: 'list' }, 'o-adm'))
    expect(list.groups.find((x) => x.id === g.id)).toMatchObject({ memberCount: 450, nearFull: true })
    // One who left no longer counts.
    await db
      .collection('members')
      .doc('c-a_o-full-0')
      .update({ data: { status: 'left' } })
    list = data(await call<GroupList>({ action: 'list' }, 'o-adm'))
    expect(list.groups.find((x) => x.id === g.id)).toMatchObject({ memberCount: 449, nearFull: false })
  })
})

describe('groups.unbind', () => {
  it('unbinds: the group’s cards stop admitting, other communities cannot touch it', async () => {
    const g = data(await bind('G-READ-3', '读书会3群')).group
    expect(errorCode(await call({ action: 'unbind', groupId: g.id }, 'o-bown'))).toBe('NOT_FOUND')
    expect(data(await call({ action: 'unbind', groupId: g.id }, 'o-adm'))).toEqual({ unbound: true })
    const joined = await cloud.call<ActionResult<unknown>>(
      'member',
      { action: 'joinByGroup', groupShare: await share('G-READ-3') },
      'o-late',
    )
    expect(errorCode(joined)).toBe('GROUP_NOT_BOUND')
    expect(data(await call<GroupList>({ action: 'list' }, 'o-adm')).groups.map((x) => x.id)).not.toContain(
      g.id,
    )
  })
})

describe('groups.qrcode', () => {
  it('is a PNG from wxacode.getUnlimited with the invite code as its scene, opening the join flow', async () => {
    const code = data(await call<QrCode>({ action: 'qrcode' }, 'o-adm'))
    expect(code).toMatchObject({ scene: 'RD8K2M', page: QR_PAGE })
    const png = Buffer.from(code.png, 'base64')
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    expect(pngSize(png)).toEqual({ width: 430, height: 430 })
    expect(scanCode(png)).toEqual({ scene: 'RD8K2M', page: QR_PAGE })
    expect(errorCode(await call({ action: 'qrcode' }, 'o-m1'))).toBe('FORBIDDEN')
  })
})
