/**
 * Points only the rules can create (issue 9 §2): the organiser's exploit, step by step — a one-day
 * challenge with a 10,000 reward joined and paid at once, three times, then a 10,000-point survey
 * answered by its author — now yields nothing beyond the rules; every staff action on points is in
 * the audit log; and verify:ledger reconciles the ledger against its sources.
 */
import type { RewardCeilingsView } from '../../cloudfunctions/core/contracts/community'
import type { AuditEntry, PointsPage } from '../../cloudfunctions/core/contracts/points'
import type { ChallengeSummary, JoinChallengeResult } from '../../cloudfunctions/core/contracts/checkin'
import type { SubmitResult, SurveyView } from '../../cloudfunctions/core/contracts/survey'
import { verifyDataDir, verifyUrl } from '../../tools/verify-ledger'
import { question as q } from '../support/surveys'
import { feedItem } from '../support/fixtures'
import { sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'
import { addCommunity, addMember, caller, data, getDoc, type Db } from './community-support'

jest.setTimeout(120_000)

let cloud: RunningCloud
let db: Db
let call: ReturnType<typeof caller>

const C = 'c-trust'
const T0 = '2026-12-05T02:00:00.000Z'
const TODAY = '2026-12-05'
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : r.error!.code)
const balanceOf = async (openid: string) =>
  (await getDoc<{ balance: number }>(db, 'members', `${C}_${openid}`))?.balance ?? null

const challengeInput = (reward: number, title = '今日读书') => ({
  action: 'createChallenge',
  title,
  days: 1,
  startDay: TODAY,
  reward,
})
const surveyInput = (reward: number | null) => ({
  action: 'save',
  title: '读书会反馈',
  intro: '',
  questions: [q({ id: 'fav', type: 'single', title: '最喜欢的书类', options: ['小说', '历史'] })],
  deadline: null,
  anonymous: false,
  reward,
})

beforeAll(async () => {
  cloud = await startCloud()
  db = sdkFor(cloud).database()
  call = caller(cloud)
  await cloud.setClock(T0)
  await addCommunity(db, C, 'TRST33')
  await addMember(db, C, 'o-own', 'owner', new Date(T0), '林晓')
  await addMember(db, C, 'o-adm', 'admin', new Date(T0), '周宁')
  await addMember(db, C, 'o-org', 'organiser', new Date(T0), '陈一帆')
  await addMember(db, C, 'o-m', 'member', new Date(T0), '小雨')
})

afterAll(() => cloud?.stop())

describe("the organiser's exploit", () => {
  it('refuses a challenge reward above the ceiling, writes nothing, and pays its creator nothing', async () => {
    data(await call('checkin', { action: 'checkIn' }, 'o-org'))
    data(await call('checkin', { action: 'checkIn' }, 'o-m'))
    const start = await balanceOf('o-org')
    expect(start).toBe(5) // the check-in rule

    // Step 1, three times: a one-day challenge worth 10,000 is refused with a typed error.
    for (let i = 0; i < 3; i++) {
      const refused = await call('checkin', challengeInput(10_000), 'o-org')
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'REWARD_OVER_CEILING', fields: { reward: expect.stringContaining('100') } },
      })
    }
    expect(codeOf(await call('checkin', challengeInput(101), 'o-org'))).toBe('REWARD_OVER_CEILING')
    const none = await db.collection('challenges').where({ communityId: C }).count()
    expect((none as unknown as { total: number }).total).toBe(0)

    // Within the ceiling it is created, but its creator completing it earns nothing, and is told so.
    const challenge = data(await call<ChallengeSummary>('checkin', challengeInput(100), 'o-org'))
    const own = data(
      await call<JoinChallengeResult>(
        'checkin',
        { action: 'joinChallenge', challengeId: challenge.id },
        'o-org',
      ),
    )
    expect(own.completedChallenges).toEqual([
      { id: challenge.id, title: '今日读书', reward: 0, note: '这是你创建的挑战，不给自己发放积分' },
    ])
    expect(await balanceOf('o-org')).toBe(start)
    expect(await getDoc(db, 'ledger', `${C}:o-org:challenge:${challenge.id}`)).toBeNull()

    // A member completing it is paid the reward.
    const member = data(
      await call<JoinChallengeResult>(
        'checkin',
        { action: 'joinChallenge', challengeId: challenge.id },
        'o-m',
      ),
    )
    expect(member.completedChallenges).toEqual([{ id: challenge.id, title: '今日读书', reward: 100 }])
    expect(await balanceOf('o-m')).toBe(105)
  })

  it('refuses a survey reward above the ceiling, and its author answering it earns nothing', async () => {
    const start = await balanceOf('o-org')
    expect(await call('survey', surveyInput(10_000), 'o-org')).toMatchObject({
      ok: false,
      error: { code: 'REWARD_OVER_CEILING', fields: { reward: expect.stringContaining('300') } },
    })
    const saved = data(await call<SurveyView>('survey', surveyInput(300), 'o-org'))
    data(await call('survey', { action: 'publish', surveyId: saved.id }, 'o-org'))
    const own = data(
      await call<SubmitResult>(
        'survey',
        { action: 'submit', surveyId: saved.id, answers: { fav: 0 } },
        'o-org',
      ),
    )
    expect(own).toMatchObject({ points: 0, note: '这是你创建的问卷，不给自己发放积分' })
    expect(await balanceOf('o-org')).toBe(start)
    const member = data(
      await call<SubmitResult>(
        'survey',
        { action: 'submit', surveyId: saved.id, answers: { fav: 1 } },
        'o-m',
      ),
    )
    expect(member.points).toBe(300)
    expect(member.note).toBeUndefined()
    // After the whole exploit, the organiser holds what the rules gave: one check-in.
    expect(await balanceOf('o-org')).toBe(5)
  })

  it('clamps a stored reward above the ceiling when it pays (a challenge saved before the ceiling)', async () => {
    const id = `${C}:ch:old`
    await db
      .collection('challenges')
      .doc(id)
      .set({
        data: {
          communityId: C,
          title: '旧挑战',
          days: 1,
          startDay: TODAY,
          endDay: TODAY,
          reward: 10_000,
          createdBy: 'o-own',
          createdAt: new Date(T0),
        },
      })
    const joined = data(
      await call<JoinChallengeResult>('checkin', { action: 'joinChallenge', challengeId: id }, 'o-adm'),
    )
    expect(joined.completedChallenges).toEqual([]) // o-adm has not checked in today
    data(await call('checkin', { action: 'checkIn' }, 'o-adm'))
    // The check-in completes it: paid at the ceiling (100), not 10,000.
    expect(await getDoc(db, 'ledger', `${C}:o-adm:challenge:${id}`)).toMatchObject({ delta: 100 })
    expect(await balanceOf('o-adm')).toBe(105)
  })
})

describe('reward ceilings', () => {
  it('only the owner changes them; staff read them; each change is audited', async () => {
    const read = data(await call<RewardCeilingsView>('community', { action: 'rewardCeilings' }, 'o-org'))
    expect(read).toEqual({
      ceilings: { challenge: 100, survey: 300, activity: 100 },
      canEdit: false,
      updatedAt: null,
    })
    expect(codeOf(await call('community', { action: 'rewardCeilings' }, 'o-m'))).toBe('FORBIDDEN')
    const wanted = { action: 'saveRewardCeilings', challenge: 200, survey: 300, activity: 50 }
    expect(codeOf(await call('community', wanted, 'o-org'))).toBe('FORBIDDEN')
    expect(codeOf(await call('community', wanted, 'o-adm'))).toBe('FORBIDDEN')
    expect(codeOf(await call('community', { ...wanted, survey: -1 }, 'o-own'))).toBe('INVALID_INPUT')
    const saved = data(await call<RewardCeilingsView>('community', wanted, 'o-own'))
    expect(saved.ceilings).toEqual({ challenge: 200, survey: 300, activity: 50 })
    expect(
      data(await call<ChallengeSummary>('checkin', challengeInput(200, '两百分'), 'o-org')),
    ).toMatchObject({
      reward: 200,
    })
    expect(codeOf(await call('checkin', challengeInput(201), 'o-org'))).toBe('REWARD_OVER_CEILING')
  })

  it('puts every staff action that sets or pays points in the audit log: amount, who, source', async () => {
    // Featuring a note with points, a rule edit, an adjustment, a make-up card grant.
    data(await call('checkin', { action: 'checkIn', note: '今天读完了《活着》' }, 'o-own'))
    data(
      await call('checkin', { action: 'feature', checkinId: feedItem('o-own', TODAY), points: 80 }, 'o-adm'),
    )
    data(
      await call(
        'points',
        { action: 'updateRule', rule: 'checkin', points: 8, dailyCap: 8, enabled: true },
        'o-adm',
      ),
    )
    data(
      await call(
        'points',
        {
          action: 'adjust',
          memberId: `${C}_o-m`,
          delta: 20,
          reason: '线下活动帮忙',
          requestId: 'rq-adjust-1',
        },
        'o-adm',
      ),
    )
    data(
      await call(
        'points',
        { action: 'grantMakeupCards', memberId: `${C}_o-m`, count: 2, reason: '', requestId: 'rq-cards-1' },
        'o-adm',
      ),
    )
    data(
      await call(
        'rank',
        { action: 'saveSettings', hideStaff: false, top3: { enabled: true, points: [300, 200, 100] } },
        'o-adm',
      ),
    )
    const log = data(await call<PointsPage<AuditEntry>>('points', { action: 'auditLog', limit: 50 }, 'o-own'))
    const kinds = log.items.map((a) => `${a.kind}:${a.amount}:${a.byNickname}`)
    expect(kinds).toEqual(
      expect.arrayContaining([
        'challenge_reward:100:陈一帆',
        'challenge_reward:200:陈一帆',
        'survey_reward:300:陈一帆',
        'ceiling:200:林晓',
        'ceiling:50:林晓',
        'feature:80:周宁',
        'rule:8:周宁',
        'adjust:20:周宁',
        'makeup_cards:2:周宁',
        'top3_reward:300:周宁',
      ]),
    )
    // The refused attempts wrote nothing; the survey ceiling did not change, so no row for it.
    expect(kinds.filter((k) => k.startsWith('challenge_reward'))).toHaveLength(2)
    expect(kinds.filter((k) => k.startsWith('ceiling'))).toHaveLength(2)
    const stored = await db.collection('audit').where({ communityId: C, kind: 'feature' }).get()
    expect((stored as unknown as { data: { source: string; by: string }[] }).data[0]).toMatchObject({
      source: `quality:checkin:${TODAY}`,
      by: 'o-adm',
    })
  })
})

describe('verify:ledger against the sources', () => {
  it('finds nothing after all of the above', async () => {
    expect((await verifyUrl(cloud.url, cloud.envId)).differences).toEqual([])
    expect((await verifyDataDir(cloud.dataDir, cloud.envId)).differences).toEqual([])
  })

  it('flags forged earn rows, even when the balance agrees with them', async () => {
    const [challenge] = (
      (await db.collection('challenges').where({ communityId: C, title: '今日读书' }).get()) as unknown as {
        data: { _id: string }[]
      }
    ).data
    const forged = [
      // The creator paid by their own challenge, and 10,000 from it.
      { source: `challenge:${challenge._id}`, delta: 10_000 },
      // A survey that does not exist.
      { source: 'survey:c-trust:nope', delta: 300 },
      // A check-in paying far above the rule.
      { source: 'checkin:2026-12-01', delta: 500 },
      // Something no rule pays.
      { source: 'gift:birthday', delta: 50 },
      // Attendance at an activity that does not exist.
      { source: 'activity:c-trust:no-such-talk', delta: 20 },
    ]
    const before = (await balanceOf('o-org'))!
    let balance = before
    for (const f of forged) {
      balance += f.delta
      await db
        .collection('ledger')
        .doc(`${C}:o-org:${f.source}`)
        .set({
          data: {
            communityId: C,
            openid: 'o-org',
            kind: 'earn',
            delta: f.delta,
            earned: f.delta,
            reason: '伪造',
            source: f.source,
            rule: null,
            by: null,
            balanceAfter: balance,
            dayKey: TODAY,
            createdAt: new Date(T0),
          },
        })
    }
    // The forger also moved the balance and total, so the sums alone agree.
    const member = (await getDoc<{ totalEarned: number }>(db, 'members', `${C}_o-org`))!
    const sum = forged.reduce((s, f) => s + f.delta, 0)
    await db
      .collection('members')
      .doc(`${C}_o-org`)
      .update({ data: { balance, totalEarned: member.totalEarned + sum } })
    try {
      for (const report of [
        await verifyUrl(cloud.url, cloud.envId),
        await verifyDataDir(cloud.dataDir, cloud.envId),
      ]) {
        expect(report.differences.every((d) => d.problem === 'source')).toBe(true)
        expect(report.differences.map((d) => d.ledgerId).sort()).toEqual(
          forged.map((f) => `${C}:o-org:${f.source}`).sort(),
        )
        expect(report.differences.map((d) => d.detail)).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/paid its own creator/),
            expect.stringMatching(/no such survey/),
            expect.stringMatching(/checkin:2026-12-01 pays 500, the checkin rule allows at most 8/),
            expect.stringMatching(/unknown source "gift:birthday"/),
            expect.stringMatching(/activity:c-trust:no-such-talk: no such activity/),
          ]),
        )
      }
    } finally {
      for (const f of forged) await db.collection('ledger').doc(`${C}:o-org:${f.source}`).remove()
      await db
        .collection('members')
        .doc(`${C}_o-org`)
        .update({ data: { balance: before, totalEarned: member.totalEarned } })
    }
  })
})
