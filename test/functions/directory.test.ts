/**
 * The member directory (directory function) through the local cloud and the real wx-server-sdk:
 * search by any part of a nickname (served by the multikey grams index), filters with chip counts,
 * paging and bad cursors, the request budget, the member's page with private notes, the exports in
 * the one export format, and that another community's staff and plain members read nothing.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { ExportPart } from '../../cloudfunctions/core/csv'
import type {
  DirectoryPage,
  MemberPage,
  NotesPage,
  StaffNote,
} from '../../cloudfunctions/core/contracts/directory'
import { databaseRequests } from '../../tools/bench/measure'
import { addCommunity, addMember, data, errorCode } from '../support/fixtures'
import { databaseOf, sdkFor, startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'

jest.setTimeout(120_000)

let cloud: RunningCloud
let db: SdkDatabase
const C = 'dir'
const OTHER = 'dir2'

const call = <T>(event: Record<string, unknown>, openid: string, community = C) =>
  cloud.call<ActionResult<T>>('directory', { ...event, _community: community }, openid)
const ok = async <T>(event: Record<string, unknown>, openid: string, community = C) =>
  data(await call<T>(event, openid, community))
const search = (input: Record<string, unknown>, openid = 'o-admin') =>
  ok<DirectoryPage>({ action: 'search', ...input }, openid)
const names = (page: DirectoryPage) => page.members.map((m) => m.nickname).sort()

const NAMES = ['跑步的阿哲', '阿哲', '林小雨', '小雨同学', '周宁', '陈一帆', 'Mary-Jane', '雨林漫步']

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await addCommunity(db, C, { name: '晨读会', memberCount: 30 })
  await addCommunity(db, OTHER, { name: '跑团', memberCount: 2 })
  await addMember(db, C, 'o-owner', { role: 'owner', nickname: '林晓' })
  await addMember(db, C, 'o-admin', { role: 'admin', nickname: '管家周' })
  await addMember(db, C, 'o-org', { role: 'organiser', nickname: '一帆组织' })
  for (const [i, nickname] of NAMES.entries())
    await addMember(db, C, `o-${i}`, {
      nickname,
      level: i % 3 === 0 ? 'advanced' : 'newcomer',
      joinedAt: new Date(Date.UTC(2026, 5, 1 + i)),
    })
  // Filters' fields as the score job, onboarding and sanctions write them.
  await db
    .collection('members')
    .doc(`${C}_o-0`)
    .update({ data: { tier: 'core', tags: ['上班族', '跑步'] } })
  await db
    .collection('members')
    .doc(`${C}_o-2`)
    .update({ data: { tags: ['学生'], silent: true } })
  await db
    .collection('members')
    .doc(`${C}_o-3`)
    .update({ data: { mutedUntil: new Date(Date.now() + 86_400_000 * 3650) } })
  await db
    .collection('members')
    .doc(`${C}_o-5`)
    .update({ data: { status: 'removed', endedAt: new Date() } })
  await addMember(db, OTHER, 'o-other-admin', { role: 'admin', nickname: '阿哲的教练' })
  await addMember(db, OTHER, 'o-x', { nickname: '阿哲跑团' })
})

afterAll(async () => {
  await cloud?.stop()
})

describe('search', () => {
  test('a middle part of a nickname finds it; only this community, left and removed aside', async () => {
    expect(names(await search({ query: '的阿' }))).toEqual(['跑步的阿哲'])
    expect(names(await search({ query: '阿哲' }))).toEqual(['跑步的阿哲', '阿哲'].sort())
    expect(names(await search({ query: '雨' }))).toEqual(['小雨同学', '林小雨', '雨林漫步'].sort())
    expect(names(await search({ query: 'ＪＡＮＥ' }))).toEqual(['Mary-Jane'])
    // 陈一帆 was removed: found only under the removed status.
    expect(names(await search({ query: '一帆' }))).toEqual(['一帆组织'])
    expect(names(await search({ query: '一帆', status: 'removed' }))).toEqual(['陈一帆'])
    expect((await search({ query: '不存在的人' })).total).toBe(0)
  })

  test('filters and the counts beside each chip', async () => {
    const all = await search({})
    expect(all.total).toBe(NAMES.length + 3 - 1)
    expect(all.counts?.status).toMatchObject({ active: 10, muted: 1, silent: 1, removed: 1 })
    expect(all.counts?.tag).toMatchObject({ 上班族: 1, 跑步: 1, 学生: 1 })
    expect(all.counts?.role).toMatchObject({ owner: 1, admin: 1, organiser: 1, member: 7 })
    expect(names(await search({ status: 'muted' }))).toEqual(['小雨同学'])
    expect(names(await search({ status: 'silent' }))).toEqual(['林小雨'])
    expect(names(await search({ tag: '跑步' }))).toEqual(['跑步的阿哲'])
    expect(names(await search({ tier: 'core' }))).toEqual(['跑步的阿哲'])
    expect(names(await search({ role: 'organiser' }))).toEqual(['一帆组织'])
    const advanced = await search({ level: 'advanced' })
    expect(names(advanced)).toEqual(['Mary-Jane', '小雨同学', '跑步的阿哲'].sort())
    // The level chips count with the other filters, ignoring the level filter itself.
    expect(advanced.counts?.level).toMatchObject({ advanced: 3, newcomer: 7 })
    const muted = (await search({ query: '小雨' })).members.find((m) => m.nickname === '小雨同学')
    expect(muted?.statuses.map((s) => s.name)).toEqual(['禁言中'])
  })

  test('pages newest joiner first; a bad cursor is INVALID_CURSOR', async () => {
    const first = await search({ limit: 4 })
    expect(first.members).toHaveLength(4)
    const second = await search({ limit: 4, cursor: first.nextCursor })
    const third = await search({ limit: 4, cursor: second.nextCursor })
    expect(third.nextCursor).toBeNull()
    const seen = [...first.members, ...second.members, ...third.members].map((m) => m.memberId)
    expect(new Set(seen).size).toBe(first.total)
    expect(first.members[0].nickname).toBe('雨林漫步')
    for (const cursor of ['abc', '-1', '1.5', '99999999'])
      expect(errorCode(await call({ action: 'search', cursor }, 'o-admin'))).toBe('INVALID_CURSOR')
  })

  test('a search costs at most 3 requests, membership included', async () => {
    const before = await databaseRequests(cloud)
    await search({ query: '小雨', level: 'advanced' })
    expect((await databaseRequests(cloud)) - before).toBeLessThanOrEqual(3)
  })

  test('members, organisers and another community’s staff read nothing', async () => {
    expect(errorCode(await call({ action: 'search', query: '阿哲' }, 'o-1'))).toBe('FORBIDDEN')
    expect(errorCode(await call({ action: 'search', query: '阿哲' }, 'o-org'))).toBe('FORBIDDEN')
    const theirs = await ok<DirectoryPage>({ action: 'search', query: '阿哲' }, 'o-other-admin', OTHER)
    expect(names(theirs)).toEqual(['阿哲的教练', '阿哲跑团'].sort())
    for (const action of ['member', 'notes'])
      expect(errorCode(await call({ action, memberId: `${C}_o-0` }, 'o-other-admin', OTHER))).toBe(
        'NOT_FOUND',
      )
    expect(
      errorCode(
        await call({ action: 'saveNote', memberId: `${C}_o-0`, text: '看看' }, 'o-other-admin', OTHER),
      ),
    ).toBe('NOT_FOUND')
  })
})

describe('the member page and notes', () => {
  test('profile, score view, ledger, notes kept private and screened', async () => {
    const note = await ok<StaffNote>(
      { action: 'saveNote', memberId: `${C}_o-0`, text: '线下活动很积极' },
      'o-admin',
    )
    expect(note.byNickname).toBe('管家周')
    const page = await ok<MemberPage>({ action: 'member', memberId: `${C}_o-0` }, 'o-owner')
    expect(page.profile).toMatchObject({ nickname: '跑步的阿哲', tierName: '核心', tags: ['上班族', '跑步'] })
    expect(page.score.nickname).toBe('跑步的阿哲')
    expect(page.score.thisWeek.parts).toHaveLength(5)
    expect(page.violations).toEqual([])
    expect(page.notes.notes.map((n) => n.text)).toEqual(['线下活动很积极'])
    const notes = await ok<NotesPage>({ action: 'notes', memberId: `${C}_o-0` }, 'o-owner')
    expect(notes.notes).toHaveLength(1)
    // Staff text is screened: the word list's risky word is refused and nothing is stored.
    const refused = await call({ action: 'saveNote', memberId: `${C}_o-0`, text: '帮人代开发票' }, 'o-admin')
    expect(refused.ok).toBe(false)
    expect((await ok<NotesPage>({ action: 'notes', memberId: `${C}_o-0` }, 'o-owner')).notes).toHaveLength(1)
    expect(errorCode(await call({ action: 'member', memberId: `${C}_nobody` }, 'o-admin'))).toBe('NOT_FOUND')
  })
})

describe('exports', () => {
  test('members with the directory filters, in the one export format', async () => {
    const part = await ok<ExportPart>({ action: 'exportMembers', query: '雨' }, 'o-admin')
    expect(part.fileName).toMatch(/^晨读会-成员-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(part.part).toBe(1)
    expect(part.nextCursor).toBeNull()
    const lines = part.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('成员编号,昵称,角色,等级,本周分层,标签,状态,可用积分,累计积分,加入时间,最近活跃')
    expect(lines).toHaveLength(4)
    const muted = lines.find((l) => l.includes('小雨同学'))
    expect(muted).toMatch(/,禁言中,/)
    expect(muted).toMatch(/2026-06-0\d \d{2}:\d{2}/)
    expect(muted).not.toContain('o-3')
    expect(errorCode(await call({ action: 'exportMembers', cursor: 'bad' }, 'o-admin'))).toBe(
      'INVALID_CURSOR',
    )
  })

  test('the ledger by date range, members by nickname and public id', async () => {
    // A real adjustment (points.adjust) at a known time, so the ledger stays true to the balances.
    await cloud.setClock('2026-11-02T02:30:00.000Z')
    data(
      await cloud.call<ActionResult<unknown>>(
        'points',
        {
          action: 'adjust',
          memberId: `${C}_o-1`,
          delta: 20,
          reason: '线下活动帮忙',
          requestId: 'dir-adjust-1',
          _community: C,
        },
        'o-admin',
      ),
    )
    const part = await ok<ExportPart>(
      { action: 'exportLedger', from: '2026-11-01', to: '2026-11-30' },
      'o-admin',
    )
    expect(part.fileName).toMatch(/^晨读会-积分流水-\d{4}-\d{2}-\d{2}-2026-11-01至2026-11-30\.csv$/)
    const lines = part.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('时间,成员编号,成员,类型,积分变动,变动后余额,说明,流水号')
    expect(lines[1]).toMatch(/^2026-11-02 10:30,[^,]+,阿哲,/)
    expect(lines[1]).not.toContain('o-1')
    const none = await ok<ExportPart>(
      { action: 'exportLedger', from: '2026-10-01', to: '2026-10-31' },
      'o-admin',
    )
    expect(none.rows).toBe(0)
    expect(
      errorCode(await call({ action: 'exportLedger', from: '2026-11-30', to: '2026-11-01' }, 'o-admin')),
    ).toBe('INVALID_INPUT')
  })
})
