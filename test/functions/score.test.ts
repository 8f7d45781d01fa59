/**
 * The weekly value score through the local cloud and the real wx-server-sdk: one week of real
 * check-ins, notes, likes, a challenge, an invite join and a rejected note (with a violation recorded) fills the counters; the
 * Monday timer scores the week in resumable batches; explanations, lists and the distribution are
 * per community and per role; the week rolls over with the local clock; wake-ups respect one-time
 * subscriptions and the 30-day spacing.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type {
  DistributionView,
  JobOutcome,
  MemberScoreView,
  TierMembersPage,
  WakeUpResult,
} from '../../cloudfunctions/core/contracts/score'
import { MESSAGE_TEMPLATES } from '../../cloudfunctions/core/notify'
import { addCommunity, addMember, countWhere, data, errorCode, feedItem, getDoc } from '../support/fixtures'
import {
  databaseOf,
  now,
  sdkFor,
  startCloud,
  type RunningCloud,
  type SdkDatabase,
} from '../support/local-cloud'

jest.setTimeout(120_000)

let cloud: RunningCloud
let db: SdkDatabase

const WEEK = '2027-03-01' // a Monday
/** 09:00 Asia/Shanghai on 2027-03-0n. */
const day = (n: number, hour = 9) =>
  `2027-03-${String(n).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`
const at = (iso: string) => cloud.setClock(new Date(iso).toISOString())

const call = <T>(fn: string, event: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>(fn, event, openid)
const ok = async <T>(fn: string, event: Record<string, unknown>, openid: string) =>
  data(await call<T>(fn, event, openid))

async function fireTimer(): Promise<JobOutcome> {
  const res = await cloud.control<{ value: ActionResult<JobOutcome> }>('timers/score')
  return data(res.value)
}

async function runJobToEnd(): Promise<JobOutcome[]> {
  const runs: JobOutcome[] = []
  for (let i = 0; i < 50; i++) {
    runs.push(await fireTimer())
    if (runs[runs.length - 1].done) return runs
  }
  throw new Error('the job did not finish')
}

const member = (id: string) => getDoc<Record<string, unknown>>(db, 'members', id)

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await at(day(1, 8))
  await addCommunity(db, 'c-s', { name: '晨读社', inviteCode: 'SCRDAY', memberCount: 5 })
  await addCommunity(db, 'c-x', { name: '夜跑团', inviteCode: 'RUNNER', memberCount: 1 })
  const longAgo = new Date('2026-10-01T00:00:00+08:00')
  await addMember(db, 'c-s', 'o-owner', { role: 'owner', joinedAt: longAgo })
  await addMember(db, 'c-s', 'o-admin', { role: 'admin', joinedAt: longAgo })
  for (const openid of ['o-a', 'o-b', 'o-quiet', 'o-quiet2'])
    await addMember(db, 'c-s', openid, { joinedAt: longAgo })
  await addMember(db, 'c-x', 'o-x', { role: 'admin', joinedAt: longAgo })
  // The invite rule pays 30 points to the inviter.
  await db
    .collection('point_rules')
    .doc('c-s')
    .set({
      data: {
        rules: { invite: { points: 30, dailyCap: null, enabled: true } },
        updatedAt: now(),
        updatedBy: 't',
      },
    })
  // Notes mentioning 团购 wait for an admin.
  await db
    .collection('word_lists')
    .doc('c-s')
    .set({
      data: { communityId: 'c-s', words: [{ word: '团购', verdict: 'review' }], updatedAt: now() },
    })
})

afterAll(() => cloud?.stop())

describe('recording a week of activity', () => {
  it('counts check-ins, notes, likes, a challenge, an invite and a rejection in their transactions', async () => {
    const challenge = await ok<{ id: string }>(
      'checkin',
      { action: 'createChallenge', title: '三天晨读', days: 3, startDay: WEEK, reward: 20 },
      'o-owner',
    )
    await ok('checkin', { action: 'joinChallenge', challengeId: challenge.id }, 'o-a')
    for (let n = 1; n <= 7; n++) {
      await at(day(n))
      await ok('checkin', { action: 'checkIn', note: `第 ${n} 天的读书笔记` }, 'o-a')
    }
    const note = (n: number) => feedItem('o-a', `2027-03-0${n}`)
    // Six different likes on o-a's notes (one taken back and given again by someone else).
    for (const n of [1, 2, 3]) await ok('checkin', { action: 'like', checkinId: note(n) }, 'o-b')
    for (const n of [4, 5, 6]) await ok('checkin', { action: 'like', checkinId: note(n) }, 'o-owner')
    await ok('checkin', { action: 'unlike', checkinId: note(3) }, 'o-b')
    await ok('checkin', { action: 'like', checkinId: note(7) }, 'o-admin')
    await ok('checkin', { action: 'like', checkinId: note(7) }, 'o-admin') // twice: once
    // One's own like is refused (and so cannot count).
    expect(await call('checkin', { action: 'like', checkinId: note(1) }, 'o-a')).toMatchObject({
      ok: false,
      error: { code: 'LIKE_OWN_NOTE' },
    })

    // o-b: two check-ins, one with a note that is held and then rejected.
    await at(day(3, 12))
    await ok('checkin', { action: 'checkIn' }, 'o-b')
    await at(day(4, 12))
    const held = await ok<{ checkin: { noteStatus: string } }>(
      'checkin',
      { action: 'checkIn', note: '周末团购好书，私聊我' },
      'o-b',
    )
    expect(held.checkin.noteStatus).toBe('held')
    const queue = await ok<{ items: { id: string; openid: string }[] }>(
      'moderation',
      { action: 'heldList' },
      'o-admin',
    )
    await ok(
      'moderation',
      // The value score counts recorded violations: the rejection records one in the same tap.
      { action: 'reject', id: queue.items.find((i) => i.openid === 'o-b')!.id, recordViolation: true },
      'o-admin',
    )

    // o-new joins by o-a's invite link (its ref, never an openid).
    await at(day(5, 20))
    const { ref } = await ok<{ ref: string }>('member', { action: 'invite' }, 'o-a')
    await ok('member', { action: 'joinByInvite', code: 'SCRDAY', ref }, 'o-new')
    expect(await member('c-s_o-new')).toMatchObject({ invitedBy: 'o-a' })
    // Joining again changes nothing: the invite counts and pays once.
    await ok('member', { action: 'joinByInvite', code: 'SCRDAY', ref }, 'o-new')
    expect(await getDoc(db, 'ledger', 'c-s:o-a:invite:o-new')).toMatchObject({ delta: 30, kind: 'earn' })

    expect(await getDoc(db, 'member_activity', `c-s:o-a:${WEEK}`)).toMatchObject({
      checkinDays: 7,
      notes: 7,
      likesReceived: 6,
      challengeJoins: 1,
      challengeDays: 3,
      challengeCompletions: 1,
      invitesJoined: 1,
      violations: 0,
    })
    expect(await getDoc(db, 'member_activity', `c-s:o-b:${WEEK}`)).toMatchObject({
      checkinDays: 2,
      notes: 1,
      violations: 1,
    })
    expect((await member('c-s_o-b'))?.lastActiveAt).toBeDefined()
    expect((await member('c-s_o-quiet'))?.lastActiveAt).toBeUndefined()
  })

  it('credits the inviter when an admin approves a review join', async () => {
    await addCommunity(db, 'c-r', { name: '审核社', inviteCode: 'REVJNS', joinPolicy: 'review' })
    await addMember(db, 'c-r', 'o-r-admin', { role: 'admin' })
    await addMember(db, 'c-r', 'o-r-inviter')
    const { ref } = await ok<{ ref: string }>('member', { action: 'invite' }, 'o-r-inviter')
    const asked = await ok<{ status: string }>(
      'member',
      { action: 'joinByInvite', code: 'REVJNS', ref },
      'o-r-new',
    )
    expect(asked.status).toBe('pending')
    expect(await getDoc(db, 'member_activity', `c-r:o-r-inviter:${WEEK}`)).toBeNull()
    await ok('community', { action: 'decideJoin', openid: 'o-r-new', approve: true }, 'o-r-admin')
    expect(await member('c-r_o-r-new')).toMatchObject({ invitedBy: 'o-r-inviter' })
    expect(await getDoc(db, 'member_activity', `c-r:o-r-inviter:${WEEK}`)).toMatchObject({ invitesJoined: 1 })
  })

  it('keeps the like counter exact under parallel likes and unlikes', async () => {
    await at(day(6, 21))
    const target = feedItem('o-a', '2027-03-06')
    const likers = ['o-b', 'o-admin', 'o-new']
    await Promise.all(likers.map((o) => call('checkin', { action: 'like', checkinId: target }, o)))
    await Promise.all(likers.map((o) => call('checkin', { action: 'unlike', checkinId: target }, o)))
    // o-owner's like on day 6 stays; the three came and went.
    expect(
      (await getDoc<{ likesReceived: number }>(db, 'member_activity', `c-s:o-a:${WEEK}`))?.likesReceived,
    ).toBe(6)
    expect((await getDoc<{ likes: number }>(db, 'checkins', 'c-s:o-a:2027-03-06'))?.likes).toBe(1)
  })
})

describe('the Monday job', () => {
  it('only the timer may run it', async () => {
    expect(errorCode(await call('score', { Type: 'Timer' }, 'o-owner'))).toBe('FORBIDDEN')
  })

  it('scores last week in resumable batches and denormalises tiers', async () => {
    await db
      .collection('jobs')
      .doc('score:settings')
      .set({ data: { batchSize: 2, batchesPerRun: 1 } })
    await at('2027-03-08T01:00:00+08:00')
    const runs = await runJobToEnd()
    // 11 members (3 communities) in batches of 2, one batch per run: stopped and resumed several times.
    expect(runs.length).toBeGreaterThanOrEqual(4)
    expect(runs.slice(0, -1).every((r) => !r.done)).toBe(true)
    expect(runs[runs.length - 1]).toMatchObject({ weekKey: WEEK, done: true, processed: 11 })
    // A finished week is not redone.
    expect(await fireTimer()).toMatchObject({ done: true, processed: 11 })

    // o-a: frequency 40 + 6·10 + 7·8 → 100; quality 25 + 5·10 = 75 → the likes' ceiling 70;
    // participation 25 + 2·10 + 25 + 30 = 100; 100·30% + 70·25% + 100·20% + 50·15% + 100·10% = 85 → 核心
    expect(await getDoc(db, 'value_scores', `c-s:o-a:${WEEK}`)).toMatchObject({
      total: 85,
      tier: 'core',
      silent: false,
      parts: { frequency: 100, quality: 70, participation: 100, invites: 50, violations: 100 },
    })
    expect(await member('c-s_o-a')).toMatchObject({ tier: 'core', valueScore: 85, silent: false })
    // o-b: (40 + 10 + 8)·30% + 0 + 0 + 0 + 50·10% = 22.4 → 观察
    expect(await member('c-s_o-b')).toMatchObject({ tier: 'watch', valueScore: 22.4, silent: false })
    // o-quiet: nothing since joining five months ago → silent.
    expect(await member('c-s_o-quiet')).toMatchObject({ tier: 'watch', valueScore: 10, silent: true })
    expect(await member('c-s_o-new')).toMatchObject({ tier: 'watch', silent: false })
    expect(await member('c-x_o-x')).toMatchObject({ silent: true })
  })

  it('gives the admin the distribution against the healthy ranges, per community', async () => {
    const view = await ok<DistributionView>('score', { action: 'distribution' }, 'o-admin')
    expect(view).toMatchObject({ weekKey: WEEK, total: 7 })
    const row = (g: string) => view.rows.find((r) => r.group === g)
    expect(row('core')).toMatchObject({ count: 1, percent: 14.3, band: [5, 8], healthy: false })
    expect(row('watch')).toMatchObject({ count: 6, band: null, healthy: null })
    expect(row('silent')).toMatchObject({ count: 2, percent: 28.6, band: [10, 15] })
    const other = await ok<DistributionView>('score', { action: 'distribution' }, 'o-x')
    expect(other.total).toBe(1)
    expect(errorCode(await call('score', { action: 'distribution' }, 'o-a'))).toBe('FORBIDDEN')
  })

  it('pages a tier by score and the silent list, never another community', async () => {
    const first = await ok<TierMembersPage>(
      'score',
      { action: 'tierMembers', group: 'watch', limit: 4 },
      'o-owner',
    )
    expect(first.items).toHaveLength(4)
    expect(first.items[0]).toMatchObject({ memberId: 'c-s_o-b', valueScore: 22.4 })
    const second = await ok<TierMembersPage>(
      'score',
      { action: 'tierMembers', group: 'watch', limit: 4, cursor: first.nextCursor },
      'o-owner',
    )
    expect(second.nextCursor).toBeNull()
    const all = [...first.items, ...second.items].map((m) => m.memberId)
    expect(new Set(all).size).toBe(6)
    expect(all.every((id) => id.startsWith('c-s_'))).toBe(true)
    const silent = await ok<TierMembersPage>('score', { action: 'tierMembers', group: 'silent' }, 'o-owner')
    expect(silent.items.map((m) => m.memberId).sort()).toEqual(['c-s_o-quiet', 'c-s_o-quiet2'])
    const theirs = await ok<TierMembersPage>('score', { action: 'tierMembers', group: 'silent' }, 'o-x')
    expect(theirs.items.map((m) => m.memberId)).toEqual(['c-x_o-x'])
    expect(
      errorCode(await call('score', { action: 'tierMembers', group: 'core', cursor: 'nope' }, 'o-owner')),
    ).toBe('INVALID_CURSOR')
  })
})

describe('explanations', () => {
  it('show a member their parts, the suggestion and this week so far', async () => {
    await at('2027-03-08T09:00:00+08:00')
    const mine = await ok<MemberScoreView>('score', { action: 'myScore' }, 'o-b')
    expect(mine.score).toMatchObject({ weekKey: WEEK, total: 22.4, tier: 'watch', tierName: '蓄力' })
    expect(mine.score!.parts.map((p) => [p.key, p.weight, p.score, p.contribution])).toEqual([
      ['frequency', 30, 58, 17.4],
      ['quality', 25, 0, 0],
      ['participation', 20, 0, 0],
      ['invites', 15, 0, 0],
      ['violations', 10, 50, 5],
    ])
    expect(mine.score!.parts[0].basis).toBe('打卡 2 天 · 日记 1 篇 · 帖子 0 篇 · 回复 0 条')
    // 5 more days add 42 → +12.6; a challenge for 3 days adds 25 + 45 = 70 → +14.
    expect(mine.score!.suggestion).toBe('参加一个打卡挑战并坚持 3 天，活动参与分可加 70 分（总分约 +14）')
    // The new week starts empty without any reset.
    expect(mine.thisWeek).toMatchObject({ weekKey: '2027-03-08', total: 10 })
    expect(mine.history).toEqual([{ weekKey: WEEK, total: 22.4, tier: 'watch', tierName: '蓄力' }])
    // Staff read the same week by SPEC's name for the tier.
    const staff = await ok<MemberScoreView>(
      'score',
      { action: 'memberScore', memberId: 'c-s_o-b' },
      'o-admin',
    )
    expect(staff.score).toMatchObject({ total: 22.4, tier: 'watch', tierName: '观察' })
    expect(staff.history).toEqual([{ weekKey: WEEK, total: 22.4, tier: 'watch', tierName: '观察' }])
  })

  it('rolls over: a check-in on Monday counts for the new week only', async () => {
    await ok('checkin', { action: 'checkIn' }, 'o-b')
    const mine = await ok<MemberScoreView>('score', { action: 'myScore' }, 'o-b')
    expect(mine.thisWeek.inputs.checkinDays).toBe(1)
    expect(mine.thisWeek.total).toBe(22) // 40·30% + 100·10%
    expect(mine.score!.inputs.checkinDays).toBe(2)
  })

  it('let an owner or admin read any member of their community, and nobody else', async () => {
    const view = await ok<MemberScoreView>('score', { action: 'memberScore', memberId: 'c-s_o-a' }, 'o-admin')
    expect(view).toMatchObject({ nickname: 'o-a', score: { total: 85, tier: 'core' } })
    expect(errorCode(await call('score', { action: 'memberScore', memberId: 'c-s_o-a' }, 'o-b'))).toBe(
      'FORBIDDEN',
    )
    expect(errorCode(await call('score', { action: 'memberScore', memberId: 'c-s_o-a' }, 'o-x'))).toBe(
      'NOT_FOUND',
    )
    expect(errorCode(await call('score', { action: 'memberScore', memberId: 'c-x_o-x' }, 'o-admin'))).toBe(
      'NOT_FOUND',
    )
  })
})

describe('the next Monday', () => {
  it('scores the new week and moves only the members whose standing changed', async () => {
    await at('2027-03-15T01:00:00+08:00')
    const runs = await runJobToEnd()
    expect(runs[runs.length - 1]).toMatchObject({ weekKey: '2027-03-08', done: true, processed: 11 })
    // o-a did nothing this week: from 核心 to 观察; o-b's one check-in: 22.
    expect(await member('c-s_o-a')).toMatchObject({ tier: 'watch', valueScore: 10, silent: false })
    expect(await member('c-s_o-b')).toMatchObject({ tier: 'watch', valueScore: 22 })
    const mine = await ok<MemberScoreView>('score', { action: 'myScore' }, 'o-a')
    expect(mine.history.map((h) => [h.weekKey, h.total])).toEqual([
      [WEEK, 85],
      ['2027-03-08', 10],
    ])
    const view = await ok<DistributionView>('score', { action: 'distribution' }, 'o-owner')
    expect(view).toMatchObject({ weekKey: '2027-03-08', total: 7 })
    expect(view.rows.find((r) => r.group === 'core')?.count).toBe(0)
    await at('2027-03-08T09:00:00+08:00')
  })
})

describe('wake-ups (私聊唤醒)', () => {
  const outbox = async (touser: string) =>
    (await cloud.control<{ messages: unknown[] }>('outbox', { touser, templateId: MESSAGE_TEMPLATES.wakeUp }))
      .messages

  it('record "未订阅，无法发送" without a subscription and keep the slot free', async () => {
    const res = await ok<WakeUpResult>('score', { action: 'wakeUp', memberId: 'c-s_o-quiet' }, 'o-admin')
    expect(res).toEqual({ sent: false, outcome: '未订阅，无法发送' })
    expect(await outbox('o-quiet')).toEqual([])
    const audit = (await db
      .collection('wake_ups')
      .where({ communityId: 'c-s', openid: 'o-quiet' })
      .get()) as unknown as {
      data: object[]
    }
    expect(audit.data).toHaveLength(1)
    expect(audit.data[0]).toMatchObject({
      outcome: '未订阅，无法发送',
      by: 'o-admin',
    })
    expect((await member('c-s_o-quiet'))?.lastWakeUpAt).toBeNull()
  })

  it('send with a subscription, then not again within 30 days', async () => {
    await cloud.control('subscriptions', { openid: 'o-quiet', templateId: MESSAGE_TEMPLATES.wakeUp })
    await cloud.control('subscriptions', { openid: 'o-quiet', templateId: MESSAGE_TEMPLATES.wakeUp })
    expect(await ok<WakeUpResult>('score', { action: 'wakeUp', memberId: 'c-s_o-quiet' }, 'o-owner')).toEqual(
      {
        sent: true,
        outcome: '已发送',
      },
    )
    expect(await outbox('o-quiet')).toHaveLength(1)
    expect(errorCode(await call('score', { action: 'wakeUp', memberId: 'c-s_o-quiet' }, 'o-admin'))).toBe(
      'WAKE_UP_TOO_SOON',
    )
    // Audited: the unsubscribed attempt and the sent one; the refused tap wrote nothing.
    expect(await countWhere(db, 'wake_ups', { openid: 'o-quiet', outcome: '已发送' })).toBe(1)
    expect(await countWhere(db, 'wake_ups', { openid: 'o-quiet' })).toBe(2)
    await at('2027-04-08T09:00:00+08:00')
    expect(
      await ok<WakeUpResult>('score', { action: 'wakeUp', memberId: 'c-s_o-quiet' }, 'o-admin'),
    ).toMatchObject({
      sent: true,
    })
    expect(await outbox('o-quiet')).toHaveLength(2)
  })

  it('sends one message when admins tap at once', async () => {
    for (let i = 0; i < 3; i++)
      await cloud.control('subscriptions', { openid: 'o-quiet2', templateId: MESSAGE_TEMPLATES.wakeUp })
    const results = await Promise.all(
      ['o-admin', 'o-owner', 'o-admin', 'o-owner'].map((o) =>
        call<WakeUpResult>('score', { action: 'wakeUp', memberId: 'c-s_o-quiet2' }, o),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map(errorCode)).toEqual([
      'WAKE_UP_TOO_SOON',
      'WAKE_UP_TOO_SOON',
      'WAKE_UP_TOO_SOON',
    ])
    expect(await outbox('o-quiet2')).toHaveLength(1)
  })

  it('are for silent members of the caller community, by owners and admins only', async () => {
    expect(errorCode(await call('score', { action: 'wakeUp', memberId: 'c-s_o-a' }, 'o-admin'))).toBe(
      'NOT_SILENT',
    )
    expect(errorCode(await call('score', { action: 'wakeUp', memberId: 'c-s_o-quiet' }, 'o-b'))).toBe(
      'FORBIDDEN',
    )
    expect(errorCode(await call('score', { action: 'wakeUp', memberId: 'c-s_o-quiet' }, 'o-x'))).toBe(
      'NOT_FOUND',
    )
  })
})
