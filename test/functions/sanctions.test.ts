/**
 * The violations ladder through the local cloud (SPEC §9): each violation one step up, the mute
 * enforced in every member text entry, quiet hours, appeals once, removal and leaving taking effect
 * everywhere, and rejoining through the join policy.
 */
import type { SanctionsOutputs } from '../../cloudfunctions/core/contracts/sanctions'
import type { ActionResult } from '../../cloudfunctions/core/errors'
import { shanghaiDayStart } from '../../cloudfunctions/core/time'
import { question } from '../support/surveys'
import { sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'
import { addCommunity, addMember, caller, count, data, getDoc, type Db } from './community-support'

jest.setTimeout(120_000)

let cloud: RunningCloud
let db: Db
let call: ReturnType<typeof caller>

const DAY = '2026-12-01'
/** `hour`:00 in Shanghai on DAY. */
const at = (hour: number) => new Date(shanghaiDayStart(DAY).getTime() + hour * 3_600_000).toISOString()
const T0 = at(10)
const C = 'c-s'
const mid = (openid: string) => `${C}_${openid}`
const codeOf = (r: ActionResult<unknown>) => (r.ok ? null : r.error.code)
const sanctions = <A extends keyof SanctionsOutputs>(
  action: A,
  input: Record<string, unknown>,
  openid: string,
) => call<SanctionsOutputs[A]>('sanctions', { action, ...input }, openid)

beforeAll(async () => {
  cloud = await startCloud()
  db = sdkFor(cloud).database()
  call = caller(cloud)
  await cloud.setClock(T0)
  await addCommunity(db, C, 'SANC22')
  await addMember(db, C, 'o-owner', 'owner', new Date(T0), '主理人')
  await addMember(db, C, 'o-admin', 'admin', new Date(T0), '管理员小周')
  await addMember(db, C, 'o-org', 'organiser', new Date(T0), '活动官')
  for (const m of ['o-m1', 'o-m2', 'o-m3']) await addMember(db, C, m, 'member', new Date(T0), `成员${m}`)
})

afterAll(() => cloud?.stop())

describe('the ladder', () => {
  it('takes a member one step up per violation: warning, public naming, 24-hour mute', async () => {
    expect(codeOf(await sanctions('record', { memberId: mid('o-m1'), reason: '刷屏' }, 'o-org'))).toBe(
      'FORBIDDEN',
    )
    const first = data(await sanctions('record', { memberId: mid('o-m1'), reason: '刷屏广告' }, 'o-admin'))
    expect(first.violation).toMatchObject({ step: 1, stepName: '私下提醒', state: 'live' })
    expect(first.mutedUntil).toBeNull()
    // Skipping is off by default: staff cannot jump to removal.
    expect(
      codeOf(await sanctions('record', { memberId: mid('o-m1'), reason: '辱骂', step: 4 }, 'o-admin')),
    ).toBe('INVALID_INPUT')
    const second = data(
      await sanctions(
        'record',
        { memberId: mid('o-m1'), reason: '发布广告', evidenceText: '截图见群' },
        'o-admin',
      ),
    )
    expect(second.violation.step).toBe(2)
    const board = data(await sanctions('notices', {}, 'o-m2'))
    expect(board.items).toEqual([expect.objectContaining({ nickname: '成员o-m1', reason: '发布广告' })])
    const third = data(await sanctions('record', { memberId: mid('o-m1'), reason: '再次广告' }, 'o-admin'))
    expect(third.violation.step).toBe(3)
    expect(Date.parse(third.mutedUntil!)).toBe(Date.parse(third.violation.createdAt) + 24 * 3_600_000)
    const mine = data(await sanctions('mine', {}, 'o-m1'))
    expect(mine.violations.map((v) => v.step)).toEqual([3, 2, 1])
    expect(mine.nextStep).toBe(4)
    expect(mine.mutedUntil).toBe(third.mutedUntil)
    // The owner is never sanctioned.
    expect(codeOf(await sanctions('record', { memberId: mid('o-owner'), reason: '测试' }, 'o-admin'))).toBe(
      'SANCTION_NOT_ALLOWED',
    )
  })

  it('refuses a muted member in every text entry point, and a bare check-in still counts', async () => {
    // A published survey with a text question, answered by nobody yet.
    const saved = data(
      await call<{ id: string }>(
        'survey',
        {
          action: 'save',
          title: '读书会反馈',
          intro: '',
          questions: [question({ id: 'say', type: 'text' })],
          deadline: null,
          anonymous: false,
          reward: null,
        },
        'o-admin',
      ),
    )
    data(await call('survey', { action: 'publish', surveyId: saved.id }, 'o-admin'))
    const attempts: [string, Record<string, unknown>][] = [
      ['checkin', { action: 'checkIn', note: '今天读了三十页' }],
      ['checkin', { action: 'checkIn', photos: ['cloud://env/photo.jpg'] }],
      ['community', { action: 'submitIntro', text: '大家好，我是一名喜欢读书的老师' }],
      ['survey', { action: 'submit', surveyId: saved.id, answers: { say: '很好' } }],
    ]
    for (const [fn, event] of attempts) {
      const res = await call(fn, event, 'o-m1')
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'MUTED', message: '你已被禁言，2026-12-02 10:00 后才能发言' },
      })
    }
    expect(await count(db, 'checkins', { communityId: C, openid: 'o-m1' })).toBe(0)
    expect(await count(db, 'intros', { communityId: C, openid: 'o-m1' })).toBe(0)
    expect(await count(db, 'survey_responses', { surveyId: saved.id })).toBe(0)
    const bare = data(await call<{ alreadyCheckedIn: boolean }>('checkin', { action: 'checkIn' }, 'o-m1'))
    expect(bare.alreadyCheckedIn).toBe(false)
    // Another member is not muted.
    data(await call('community', { action: 'submitIntro', text: '大家好，我是一名喜欢读书的老师' }, 'o-m2'))
  })

  it('lets the member appeal each violation once; an overturn voids the step and lifts the mute', async () => {
    const mine = data(await sanctions('mine', {}, 'o-m1'))
    const mute = mine.violations.find((v) => v.step === 3)!
    expect(mute.canAppeal).toBe(true)
    const appealed = data(
      await sanctions(
        'appeal',
        { violationId: mute.id, text: '那条是朋友借我手机发的，我已经删除了' },
        'o-m1',
      ),
    )
    expect(appealed.appeal).toMatchObject({ decision: null })
    expect(
      codeOf(await sanctions('appeal', { violationId: mute.id, text: '再申诉一次可以吗谢谢' }, 'o-m1')),
    ).toBe('APPEAL_CLOSED')
    // Nobody else appeals my record.
    expect(
      codeOf(await sanctions('appeal', { violationId: mute.id, text: '替他申诉一下谢谢' }, 'o-m2')),
    ).toBe('NOT_FOUND')
    const queue = data(await sanctions('list', {}, 'o-admin'))
    expect(queue.appeals.map((v) => v.id)).toEqual([mute.id])
    const decided = data(
      await sanctions('decideAppeal', { violationId: mute.id, decision: 'overturned' }, 'o-admin'),
    )
    expect(decided.state).toBe('overturned')
    expect(data(await sanctions('list', {}, 'o-admin')).appeals).toEqual([])
    const after = data(await sanctions('mine', {}, 'o-m1'))
    expect(after.mutedUntil).toBeNull()
    expect(after.nextStep).toBe(3)
    data(await call('community', { action: 'submitIntro', text: '大家好，我是一名喜欢读书的老师' }, 'o-m1'))
  })
})

describe('quiet hours', () => {
  it('only the owner sets them; notes are refused inside the window with when posting opens', async () => {
    const quiet = {
      expiryDays: 180,
      allowSkip: true,
      quietHours: { enabled: true, start: '22:00', end: '08:00' },
    }
    expect(codeOf(await sanctions('saveSettings', quiet, 'o-admin'))).toBe('FORBIDDEN')
    expect(data(await sanctions('saveSettings', quiet, 'o-owner'))).toMatchObject({ allowSkip: true })
    await cloud.setClock(at(23))
    expect(await call('checkin', { action: 'checkIn', note: '晚安' }, 'o-m2')).toMatchObject({
      ok: false,
      error: {
        code: 'QUIET_HOURS',
        message: '现在是社群的安静时段（22:00–08:00），2026-12-02 08:00 后可以发言',
      },
    })
    data(await call('checkin', { action: 'checkIn' }, 'o-m2'))
    await cloud.setClock(at(24 + 9))
    data(await call('checkin', { action: 'checkIn', note: '早安，继续读书' }, 'o-m2'))
  })
})

describe('removal and leaving', () => {
  it('removal (a skipped step 4) ends the membership everywhere and opens a task for a human admin', async () => {
    const before = (await getDoc<{ memberCount: number }>(db, 'communities', C))!.memberCount
    const res = data(
      await sanctions('record', { memberId: mid('o-m3'), reason: '骚扰其他成员', step: 4 }, 'o-admin'),
    )
    expect(res).toMatchObject({ removed: true, violation: { step: 4 } })
    expect((await getDoc<{ memberCount: number }>(db, 'communities', C))!.memberCount).toBe(before - 1)
    expect(await getDoc(db, 'members', mid('o-m3'))).toMatchObject({ status: 'removed', ranked: false })
    expect(codeOf(await call('checkin', { action: 'checkIn' }, 'o-m3'))).toBe('NOT_MEMBER')
    expect(codeOf(await sanctions('mine', {}, 'o-m3'))).toBe('NOT_MEMBER')
    const board = data(
      await call<{ rows: { nickname: string }[] }>('rank', { action: 'board', kind: 'total' }, 'o-m2'),
    )
    expect(JSON.stringify(board)).not.toContain('成员o-m3')
    const picks = data(
      await call<{ items: { memberId: string }[] }>('points', { action: 'members' }, 'o-admin'),
    )
    expect(picks.items.map((i) => i.memberId)).not.toContain(mid('o-m3'))
    expect(codeOf(await sanctions('record', { memberId: mid('o-m3'), reason: '再记一次' }, 'o-admin'))).toBe(
      'NOT_FOUND',
    )
    const tasks = data(await sanctions('removalTasks', {}, 'o-admin'))
    expect(tasks.open).toEqual([expect.objectContaining({ nickname: '成员o-m3', reason: '骚扰其他成员' })])
    const done = data(await sanctions('completeRemovalTask', { taskId: tasks.open[0].id }, 'o-admin'))
    expect(done.status).toBe('done')
    expect(data(await sanctions('removalTasks', {}, 'o-admin')).open).toEqual([])

    // Rejoining goes through the join policy (open here): the same document, active, counted again.
    const back = data(
      await call<{ status: string; rejoined?: boolean; alreadyMember: boolean }>(
        'member',
        { action: 'joinByInvite', code: 'SANC22' },
        'o-m3',
      ),
    )
    expect(back).toMatchObject({ status: 'joined', rejoined: true, alreadyMember: false })
    expect((await getDoc<{ memberCount: number }>(db, 'communities', C))!.memberCount).toBe(before)
    expect(await getDoc(db, 'members', mid('o-m3'))).toMatchObject({ status: 'active', ranked: true })
    // The violation is still on their record.
    expect(data(await sanctions('mine', {}, 'o-m3')).violations.map((v) => v.step)).toEqual([4])
  })

  it('a member leaves; the owner cannot', async () => {
    expect(codeOf(await call('member', { action: 'leave' }, 'o-org'))).toBe('INVALID_INPUT')
    expect(codeOf(await call('member', { action: 'leave', confirm: true }, 'o-owner'))).toBe(
      'OWNER_CANNOT_LEAVE',
    )
    const before = (await getDoc<{ memberCount: number }>(db, 'communities', C))!.memberCount
    data(await call('member', { action: 'leave', confirm: true }, 'o-org'))
    expect(await getDoc(db, 'members', mid('o-org'))).toMatchObject({ status: 'left', role: 'member' })
    expect((await getDoc<{ memberCount: number }>(db, 'communities', C))!.memberCount).toBe(before - 1)
    expect(await count(db, 'removal_tasks', { communityId: C, memberId: mid('o-org') })).toBe(0)
  })
})

describe('moderation reject', () => {
  it('records a violation in the same tap only when asked, and the value score counts only that', async () => {
    // Two held intros (the platform stand-in holds 微商), each rejected; one records a violation.
    for (const m of ['o-m2', 'o-m1'])
      data(await call('community', { action: 'submitIntro', text: '我平时做微商，也爱读书' }, m))
    const queue = data(
      await call<{ items: { id: string; openid: string }[] }>(
        'moderation',
        { action: 'heldList' },
        'o-admin',
      ),
    )
    const held = (o: string) => queue.items.find((i) => i.openid === o)!.id
    const plain = data(
      await call<{ violation?: unknown }>('moderation', { action: 'reject', id: held('o-m2') }, 'o-admin'),
    )
    expect(plain.violation).toBeNull()
    const withViolation = data(
      await call<{ violation: { violation: { step: number; evidence: { heldId: string } } } }>(
        'moderation',
        { action: 'reject', id: held('o-m1'), recordViolation: true, reason: '自我介绍里有广告' },
        'o-admin',
      ),
    )
    expect(withViolation.violation.violation).toMatchObject({ step: 3, evidence: { heldId: held('o-m1') } })
    const week = (o: string) =>
      count(db, 'member_activity', { communityId: C, openid: o, violations: db.command.gt(0) })
    expect(await week('o-m2')).toBe(0)
  })
})
