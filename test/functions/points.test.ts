/** The `points` function through the local cloud and the real wx-server-sdk. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type {
  AdjustResult,
  AuditEntry,
  GrantCardsResult,
  LedgerEntry,
  MemberPick,
  PointsPage,
  PointsSummary,
  RuleView,
  RulesResult,
} from '../../cloudfunctions/core/contracts/points'
import type { Database } from '../../cloudfunctions/runtime/cloud'
import { post } from '../../cloudfunctions/runtime/ledger'
import { verifyDataDir, verifyUrl } from '../../tools/verify-ledger'
import { now, REPO_ROOT, startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'
import { addCommunity, addMember, countWhere, data, dbOf, errorCode, memberDoc } from './points-support'

jest.setTimeout(60_000)

let cloud: RunningCloud
let db: SdkDatabase

const call = <T>(event: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>('points', event, openid)

let seq = 0
const rid = () => `req-${Date.now().toString(36)}-${(seq++).toString(36).padStart(4, '0')}`

beforeAll(async () => {
  cloud = await startCloud()
  db = dbOf(cloud)
  await addCommunity(db, 'c-a', '读书会')
  await addCommunity(db, 'c-b', '跑团')
  await addMember(db, 'c-a', 'o-own', { role: 'owner', nickname: '主理人阿青' })
  await addMember(db, 'c-a', 'o-adm', { role: 'admin', nickname: '管理员小林' })
  await addMember(db, 'c-a', 'o-org', { role: 'organiser', nickname: '活动官' })
  await addMember(db, 'c-a', 'o-m1', { nickname: '张三' })
  await addMember(db, 'c-a', 'o-m2', { nickname: '张小四' })
  await addMember(db, 'c-a', 'o-m3', { nickname: '李五' })
  await addMember(db, 'c-b', 'o-bown', { role: 'owner', nickname: '跑团团长' })
  await addMember(db, 'c-b', 'o-b1', { nickname: '张跑跑' })
})

afterAll(() => cloud?.stop())

describe('rules', () => {
  it('a member reads the SPEC defaults and may not edit', async () => {
    const res = data(await call<RulesResult>({ action: 'rules' }, 'o-m1'))
    expect(res.canEdit).toBe(false)
    expect(res.rules.find((r) => r.key === 'checkin')).toMatchObject({
      name: '每日打卡',
      points: 5,
      dailyCap: 5,
      isDefault: true,
    })
    const edit = { action: 'updateRule', rule: 'post', points: 30, dailyCap: 90, enabled: true }
    expect(errorCode(await call(edit, 'o-m1'))).toBe('FORBIDDEN')
    expect(errorCode(await call(edit, 'o-org'))).toBe('FORBIDDEN')
  })

  it('an admin edits a rule; members see it; the other community does not', async () => {
    const saved = data(
      await call<RuleView>(
        { action: 'updateRule', rule: 'post', points: 30, dailyCap: 90, enabled: true },
        'o-adm',
      ),
    )
    expect(saved).toMatchObject({ key: 'post', points: 30, dailyCap: 90, isDefault: false })
    const seen = data(await call<RulesResult>({ action: 'rules' }, 'o-m1'))
    expect(seen.rules.find((r) => r.key === 'post')).toMatchObject({ points: 30, dailyCap: 90 })
    const other = data(await call<RulesResult>({ action: 'rules' }, 'o-b1'))
    expect(other.rules.find((r) => r.key === 'post')).toMatchObject({ points: 20, dailyCap: 100 })
  })

  it('refuses a cap below the points or points over 1000, and changes nothing', async () => {
    const low = await call(
      { action: 'updateRule', rule: 'post', points: 30, dailyCap: 20, enabled: true },
      'o-own',
    )
    expect(low).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { dailyCap: expect.any(String) } },
    })
    const high = await call(
      { action: 'updateRule', rule: 'post', points: 1001, dailyCap: null, enabled: true },
      'o-own',
    )
    expect(errorCode(high)).toBe('INVALID_INPUT')
    const seen = data(await call<RulesResult>({ action: 'rules' }, 'o-m1'))
    expect(seen.rules.find((r) => r.key === 'post')).toMatchObject({ points: 30, dailyCap: 90 })
  })
})

describe('adjust', () => {
  it('only owners and admins', async () => {
    const event = { action: 'adjust', memberId: 'c-a_o-m1', delta: 10, reason: '活动奖励', requestId: rid() }
    expect(errorCode(await call(event, 'o-m1'))).toBe('FORBIDDEN')
    expect(errorCode(await call(event, 'o-org'))).toBe('FORBIDDEN')
    expect(errorCode(await call(event, 'o-stranger'))).toBe('NOT_MEMBER')
    expect((await memberDoc(db, 'c-a_o-m1')).balance).toBe(0)
  })

  it('adds points with a reason, one ledger row and one audit row', async () => {
    const requestId = rid()
    const res = data(
      await call<AdjustResult>(
        { action: 'adjust', memberId: 'c-a_o-m1', delta: 100, reason: '线下分享嘉宾', requestId },
        'o-adm',
      ),
    )
    expect(res).toEqual({ balance: 100, delta: 100, duplicate: false })
    const row = (await db.collection('ledger').doc(`c-a:o-m1:adjust:${requestId}`).get()) as unknown as {
      data: Record<string, unknown>
    }
    expect(row.data).toMatchObject({
      kind: 'adjust',
      delta: 100,
      earned: 100,
      reason: '管理员调整 · 线下分享嘉宾',
      by: 'o-adm',
    })
    const audit = (await db.collection('audit').doc(`c-a:adjust:${requestId}`).get()) as unknown as {
      data: Record<string, unknown>
    }
    expect(audit.data).toMatchObject({
      kind: 'adjust',
      by: 'o-adm',
      target: 'c-a_o-m1',
      amount: 100,
      reason: '线下分享嘉宾',
    })
  })

  it('a retry with the same requestId changes nothing, even sent 20 times at once', async () => {
    const requestId = rid()
    const event = { action: 'adjust', memberId: 'c-a_o-m3', delta: 7, reason: '重复提交测试', requestId }
    const results = await Promise.all(Array.from({ length: 20 }, () => call<AdjustResult>(event, 'o-adm')))
    const oks = results.map((r) => data(r))
    expect(oks.filter((r) => !r.duplicate)).toHaveLength(1)
    expect(oks.every((r) => r.delta === 7 && r.balance === 7)).toBe(true)
    expect(data(await call<AdjustResult>(event, 'o-adm'))).toEqual({ balance: 7, delta: 7, duplicate: true })
    // Even a retry that changed its mind about the amount or the target pays nothing.
    expect(
      data(await call<AdjustResult>({ ...event, delta: 50, memberId: 'c-a_o-m2' }, 'o-adm')).duplicate,
    ).toBe(true)
    expect(await countWhere(db, 'ledger', { communityId: 'c-a', openid: 'o-m3' })).toBe(1)
    expect(await countWhere(db, 'audit', { communityId: 'c-a', requestId })).toBe(1)
    expect((await memberDoc(db, 'c-a_o-m3')).balance).toBe(7)
    expect((await memberDoc(db, 'c-a_o-m2')).balance).toBe(0)
  })

  it('20 parallel posts of one source pay once', async () => {
    const at = now()
    // The survey the rows name, so verify:ledger finds the source that allows 300 (issue 9).
    await db
      .collection('surveys')
      .doc('s-2026-reading')
      .set({
        data: { communityId: 'c-a', kind: 'survey', reward: 300, createdBy: 'o-own', title: '读书偏好' },
      })
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(db as unknown as Database, {
          communityId: 'c-a',
          openid: 'o-m3',
          source: 'survey:s-2026-reading',
          kind: 'earn',
          delta: 300,
          reason: '完成问卷 · 读书偏好',
          now: at,
        }),
      ),
    )
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
    expect(
      await countWhere(db, 'ledger', { communityId: 'c-a', openid: 'o-m3', source: 'survey:s-2026-reading' }),
    ).toBe(1)
    expect(await memberDoc(db, 'c-a_o-m3')).toMatchObject({ balance: 307, totalEarned: 307 })
  })

  it('30 parallel −10 adjustments on a balance of 100: exactly 10 apply, never below zero', async () => {
    data(
      await call(
        { action: 'adjust', memberId: 'c-a_o-m2', delta: 100, reason: '预存积分', requestId: rid() },
        'o-own',
      ),
    )
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        call<AdjustResult>(
          { action: 'adjust', memberId: 'c-a_o-m2', delta: -10, reason: '并发扣分', requestId: rid() },
          'o-adm',
        ),
      ),
    )
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code))
    expect(codes.filter((c) => c === 'ok')).toHaveLength(10)
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'INSUFFICIENT_POINTS')).toBe(true)
    expect(await memberDoc(db, 'c-a_o-m2')).toMatchObject({ balance: 0, totalEarned: 100 })
    expect(await countWhere(db, 'ledger', { communityId: 'c-a', openid: 'o-m2' })).toBe(11)
    expect(await countWhere(db, 'audit', { communityId: 'c-a', target: 'c-a_o-m2' })).toBe(11)
  })

  it('refuses to go below zero with a clear message', async () => {
    const res = await call(
      { action: 'adjust', memberId: 'c-a_o-m2', delta: -1, reason: '扣分', requestId: rid() },
      'o-adm',
    )
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_POINTS', message: '积分不足：当前 0 分' },
    })
  })

  it('needs a reason of 2–100 characters and a non-zero delta', async () => {
    const base = { action: 'adjust', memberId: 'c-a_o-m1', delta: 5, reason: '奖励', requestId: rid() }
    expect(errorCode(await call({ ...base, reason: '奖' }, 'o-adm'))).toBe('INVALID_INPUT')
    expect(errorCode(await call({ ...base, reason: '奖'.repeat(101) }, 'o-adm'))).toBe('INVALID_INPUT')
    expect(errorCode(await call({ ...base, delta: 0 }, 'o-adm'))).toBe('INVALID_INPUT')
    expect(errorCode(await call({ ...base, requestId: undefined }, 'o-adm'))).toBe('INVALID_INPUT')
    expect((await memberDoc(db, 'c-a_o-m1')).balance).toBe(100)
  })

  it('cannot reach a member of another community', async () => {
    const res = await call(
      { action: 'adjust', memberId: 'c-b_o-b1', delta: 50, reason: '跨群加分', requestId: rid() },
      'o-own',
    )
    expect(errorCode(res)).toBe('NOT_FOUND')
    expect((await memberDoc(db, 'c-b_o-b1')).balance).toBe(0)
    const cards = await call(
      { action: 'grantMakeupCards', memberId: 'c-b_o-b1', count: 2, requestId: rid() },
      'o-own',
    )
    expect(errorCode(cards)).toBe('NOT_FOUND')
  })
})

describe('make-up cards', () => {
  it('an admin grants cards once per requestId; members may not', async () => {
    const requestId = rid()
    const event = {
      action: 'grantMakeupCards',
      memberId: 'c-a_o-m1',
      count: 3,
      reason: '连续打卡奖励',
      requestId,
    }
    expect(errorCode(await call(event, 'o-m1'))).toBe('FORBIDDEN')
    expect(data(await call<GrantCardsResult>(event, 'o-adm'))).toEqual({ makeupCards: 3, duplicate: false })
    expect(data(await call<GrantCardsResult>(event, 'o-adm'))).toEqual({ makeupCards: 3, duplicate: true })
    expect(
      data(await call<GrantCardsResult>({ ...event, requestId: rid(), count: 2 }, 'o-own')).makeupCards,
    ).toBe(5)
    expect(errorCode(await call({ ...event, requestId: rid(), count: 11 }, 'o-adm'))).toBe('INVALID_INPUT')
    expect(errorCode(await call({ ...event, requestId: rid(), count: 0 }, 'o-adm'))).toBe('INVALID_INPUT')
    expect((await memberDoc(db, 'c-a_o-m1')).makeupCards).toBe(5)
    expect(data(await call<PointsSummary>({ action: 'summary' }, 'o-m1')).makeupCards).toBe(5)
  })
})

describe('members search and audit log', () => {
  it('finds members by nickname prefix in the caller community only, paged', async () => {
    const page = data(
      await call<PointsPage<MemberPick>>({ action: 'members', prefix: '张', limit: 1 }, 'o-adm'),
    )
    expect(page.items.map((m) => m.nickname)).toEqual(['张三'])
    expect(page.nextCursor).not.toBeNull()
    const next = data(
      await call<PointsPage<MemberPick>>(
        { action: 'members', prefix: '张', limit: 1, cursor: page.nextCursor },
        'o-adm',
      ),
    )
    expect(next.items.map((m) => m.nickname)).toEqual(['张小四'])
    expect(next.nextCursor).toBeNull()
    expect(errorCode(await call({ action: 'members', prefix: '张' }, 'o-m1'))).toBe('FORBIDDEN')
  })

  it('lists adjustments, grants and rule edits newest first, for staff only', async () => {
    const all: AuditEntry[] = []
    let cursor: string | null | undefined
    do {
      const page = data(
        await call<PointsPage<AuditEntry>>(
          { action: 'auditLog', limit: 5, cursor: cursor ?? undefined },
          'o-own',
        ),
      )
      all.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(new Set(all.map((a) => a.kind))).toEqual(new Set(['adjust', 'makeup_cards', 'rule']))
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length)
    const times = all.map((a) => a.createdAt)
    expect([...times].sort().reverse()).toEqual(times)
    expect(all.find((a) => a.kind === 'makeup_cards' && a.amount === 3)).toMatchObject({
      byNickname: '管理员小林',
      targetNickname: '张三',
      amount: 3,
    })
    expect(errorCode(await call({ action: 'auditLog' }, 'o-m1'))).toBe('FORBIDDEN')
    const other = data(await call<PointsPage<AuditEntry>>({ action: 'auditLog' }, 'o-bown'))
    expect(other.items).toEqual([])
  })
})

describe('summary, celebration and ledger', () => {
  it('shows balance, level, progress and rights', async () => {
    const s = data(await call<PointsSummary>({ action: 'summary' }, 'o-m1'))
    expect(s).toMatchObject({
      balance: 100,
      totalEarned: 100,
      level: 'newcomer',
      levelName: '新手',
      next: { level: 'advanced', name: '进阶', at: 500, toGo: 400 },
      rights: [{ key: 'basic_materials', name: '基础资料' }],
      celebration: null,
      lastChange: null,
    })
    expect(s.progress).toBeCloseTo(0.2)
    expect(s.levels.map((l) => [l.name, l.threshold])).toEqual([
      ['新手', 0],
      ['进阶', 500],
      ['核心', 2000],
    ])
  })

  it('a promotion celebrates once, until acknowledged', async () => {
    data(
      await call(
        { action: 'adjust', memberId: 'c-a_o-m1', delta: 400, reason: '年度贡献', requestId: rid() },
        'o-adm',
      ),
    )
    const s = data(await call<PointsSummary>({ action: 'summary' }, 'o-m1'))
    expect(s).toMatchObject({ level: 'advanced', levelName: '进阶' })
    expect(s.celebration).toMatchObject({ kind: 'promote', from: 'newcomer', to: 'advanced', toName: '进阶' })
    expect(s.celebration?.reason).toContain('累计获得 500 分')
    expect(s.rights.map((r) => r.name)).toEqual(['基础资料', '优先答疑通道'])
    // Nobody else may acknowledge it.
    expect(errorCode(await call({ action: 'ackLevelChange', id: s.celebration!.id }, 'o-m2'))).toBe(
      'NOT_FOUND',
    )
    expect(data(await call({ action: 'ackLevelChange', id: s.celebration!.id }, 'o-m1'))).toEqual({
      acknowledged: true,
    })
    const after = data(await call<PointsSummary>({ action: 'summary' }, 'o-m1'))
    expect(after.celebration).toBeNull()
    expect(after.lastChange).toMatchObject({ kind: 'promote', toName: '进阶' })
  })

  it('pages the ledger newest first without gaps or repeats', async () => {
    const base = Date.parse('2026-06-01T02:00:00Z')
    for (let i = 0; i < 25; i++)
      await post(db as unknown as Database, {
        communityId: 'c-a',
        openid: 'o-own',
        source: `checkin:day-${i}`,
        kind: 'earn',
        delta: 5,
        reason: '每日打卡',
        // Pairs share a timestamp: the cursor must still be exact.
        now: new Date(base + Math.floor(i / 2) * 86_400_000),
      })
    const seen: LedgerEntry[] = []
    let cursor: string | null | undefined
    let pages = 0
    do {
      const page = data(
        await call<PointsPage<LedgerEntry>>({ action: 'ledger', cursor: cursor ?? undefined }, 'o-own'),
      )
      seen.push(...page.items)
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(2)
    expect(seen).toHaveLength(25)
    expect(new Set(seen.map((e) => e.id)).size).toBe(25)
    expect(seen[0]).toMatchObject({
      kind: 'earn',
      kindName: '获得',
      delta: 5,
      reason: '每日打卡',
      balanceAfter: 125,
    })
    const times = seen.map((e) => e.createdAt)
    expect([...times].sort().reverse()).toEqual(times)
    expect(errorCode(await call({ action: 'ledger', cursor: 'garbage' }, 'o-own'))).toBe('INVALID_CURSOR')
    expect(errorCode(await call({ action: 'ledger', limit: 101 }, 'o-own'))).toBe('INVALID_INPUT')
  })

  it('records a visit at most once a day', async () => {
    expect(data(await call({ action: 'touch' }, 'o-m3'))).toEqual({ recorded: true })
    expect(data(await call({ action: 'touch' }, 'o-m3'))).toEqual({ recorded: false })
    expect((await memberDoc(db, 'c-a_o-m3')).lastVisitAt).toBeInstanceOf(Date)
  })
})

describe('verify:ledger', () => {
  it('finds no difference after all of the above, through the SDK and from the data folder', async () => {
    const viaUrl = await verifyUrl(cloud.url, cloud.envId)
    expect(viaUrl.differences).toEqual([])
    expect(viaUrl.rows).toBeGreaterThanOrEqual(40)
    const viaData = await verifyDataDir(cloud.dataDir, cloud.envId)
    expect(viaData).toMatchObject({ rows: viaUrl.rows, members: viaUrl.members, differences: [] })
  })

  it('finds a planted difference, and the command exits non-zero', async () => {
    await db
      .collection('members')
      .doc('c-a_o-m3')
      .update({ data: { balance: 999 } })
    const report = await verifyUrl(cloud.url, cloud.envId)
    expect(report.differences).toEqual([
      { memberId: 'c-a_o-m3', problem: 'balance', stored: 999, fromLedger: 307 },
    ])
    const run = promisify(execFile)
    const failed = await run(
      process.execPath,
      ['--import', 'tsx', 'tools/verify-ledger.ts', '--data', cloud.dataDir, '--env', cloud.envId],
      {
        cwd: REPO_ROOT,
      },
    ).then(
      () => null,
      (err: { code: number; stdout: string }) => err,
    )
    expect(failed?.code).toBe(1)
    expect(failed?.stdout).toMatch(/c-a_o-m3: balance stored 999, ledger says 307/)
    expect(failed?.stdout).toMatch(/1 difference\(s\)/)
    await db
      .collection('members')
      .doc('c-a_o-m3')
      .update({ data: { balance: 307 } })
    const ok = await run(
      process.execPath,
      ['--import', 'tsx', 'tools/verify-ledger.ts', '--url', cloud.url, '--env', cloud.envId],
      {
        cwd: REPO_ROOT,
      },
    )
    expect(ok.stdout).toMatch(/0 difference\(s\)/)
  })
})
