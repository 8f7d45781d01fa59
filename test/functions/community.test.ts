/** Joining by policy, rules versions and the new-member checklist, through the local cloud. */
import type {
  AckResult,
  AckStatus,
  ChecklistView,
  IntroResult,
  JoinRequestItem,
  OnboardingView,
  Paged,
  RulesView,
} from '../../cloudfunctions/core/contracts/community'
import type { JoinOutcome, MeResult } from '../../cloudfunctions/core/contracts/member'
import { sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'
import { addCommunity, addMember, caller, count, data, getDoc, type Db } from './community-support'
import { testPublicId } from '../support/fixtures'

jest.setTimeout(60_000)

let cloud: RunningCloud
let db: Db
let call: ReturnType<typeof caller>

const T0 = '2026-11-20T02:00:00.000Z'
const at = (hours: number) => new Date(Date.parse(T0) + hours * 3600_000).toISOString()

beforeAll(async () => {
  cloud = await startCloud()
  db = sdkFor(cloud).database()
  call = caller(cloud)
  await cloud.setClock(T0)
  await addCommunity(db, 'c-rev', 'REVW22', 'review')
  await addMember(db, 'c-rev', 'o-rev-owner', 'owner', new Date(T0))
  await addCommunity(db, 'c-quiz', 'QWZ222', 'open')
  await addMember(db, 'c-quiz', 'o-quiz-owner', 'owner', new Date(T0))
  await addCommunity(db, 'c-book', 'BKBK22', 'open')
  await addMember(db, 'c-book', 'o-book-owner', 'owner', new Date(T0))
  await addMember(db, 'c-book', 'o-book-admin', 'admin', new Date(T0))
  await addMember(db, 'c-book', 'o-ann', 'member', new Date(T0))
  await addMember(db, 'c-book', 'o-bo', 'member', new Date(T0))
})

afterAll(() => cloud?.stop())

describe('admin review', () => {
  it('files a pending request, shows 审核中, and admits on approval', async () => {
    const outcome = data(
      await call<JoinOutcome>(
        'member',
        { action: 'joinByInvite', code: 'revw22', nickname: '小林' },
        'o-lin',
      ),
    )
    expect(outcome).toMatchObject({
      status: 'pending',
      gate: { policy: 'review', request: { state: 'pending' } },
    })
    expect(await count(db, 'members', { communityId: 'c-rev', openid: 'o-lin' })).toBe(0)
    // Asking twice keeps one request.
    data(await call<JoinOutcome>('member', { action: 'joinByInvite', code: 'REVW22' }, 'o-lin'))
    expect(await count(db, 'join_requests', { communityId: 'c-rev' })).toBe(1)

    const me = data(await call<MeResult>('member', { action: 'me' }, 'o-lin'))
    expect(me).toMatchObject({
      member: null,
      pendingJoin: { community: { id: 'c-rev' }, request: { state: 'pending' } },
    })

    // Members cannot see or decide requests.
    const list = data(
      await call<Paged<JoinRequestItem>>('community', { action: 'joinRequests' }, 'o-rev-owner'),
    )
    expect(list.items).toEqual([
      expect.objectContaining({ openid: 'o-lin', nickname: '小林', state: 'pending' }),
    ])
    expect(await call('community', { action: 'joinRequests' }, 'o-book-admin')).toMatchObject({
      ok: true,
      data: { items: [] },
    })

    expect(
      data(await call('community', { action: 'decideJoin', openid: 'o-lin', approve: true }, 'o-rev-owner')),
    ).toEqual({
      openid: 'o-lin',
      state: 'approved',
    })
    const after = data(await call<MeResult>('member', { action: 'me' }, 'o-lin'))
    expect(after.community).toMatchObject({ id: 'c-rev', memberCount: 2 })
    expect(after.member).toMatchObject({ nickname: '小林', role: 'member' })
    expect(
      data(await call<Paged<JoinRequestItem>>('community', { action: 'joinRequests' }, 'o-rev-owner')).items,
    ).toEqual([])
  })

  it('applies the same policy to a group-card join', async () => {
    await db
      .collection('groups')
      .doc('g-rev')
      .set({ data: { openGId: 'G-REV-1', communityId: 'c-rev', name: '审核群' } })
    const { cloudID } = await cloud.control<{ cloudID: string }>('group-share', { openGId: 'G-REV-1' })
    const outcome = data(
      await call<JoinOutcome>(
        'member',
        { action: 'joinByGroup', groupShare: { $cloudID: cloudID } },
        'o-card',
      ),
    )
    expect(outcome).toMatchObject({ status: 'pending', gate: { community: { id: 'c-rev' } } })
    expect(await count(db, 'members', { openid: 'o-card' })).toBe(0)
    data(await call('community', { action: 'decideJoin', openid: 'o-card', approve: false }, 'o-rev-owner'))
  })

  it('expires a request exactly 3 days later; it can then be requested again', async () => {
    await cloud.setClock(at(1))
    const first = data(
      await call<JoinOutcome>('member', { action: 'joinByInvite', code: 'REVW22' }, 'o-late'),
    )
    if (first.status !== 'pending') throw new Error('expected a pending request')
    // The local clock runs on from the time set, so go from the request's own timestamps.
    const created = Date.parse(first.gate.request!.createdAt)
    const expiresAt = Date.parse(first.gate.request!.expiresAt)
    expect(expiresAt - created).toBe(3 * 24 * 3600_000)
    await cloud.setClock(new Date(expiresAt - 5_000).toISOString())
    expect(
      data(await call<Paged<JoinRequestItem>>('community', { action: 'joinRequests' }, 'o-rev-owner')).items,
    ).toHaveLength(1)
    await cloud.setClock(new Date(expiresAt).toISOString())
    expect(
      data(await call<Paged<JoinRequestItem>>('community', { action: 'joinRequests' }, 'o-rev-owner')).items,
    ).toHaveLength(0)
    const expired = data(
      await call<Paged<JoinRequestItem>>(
        'community',
        { action: 'joinRequests', state: 'expired' },
        'o-rev-owner',
      ),
    )
    expect(expired.items).toEqual([expect.objectContaining({ openid: 'o-late', state: 'expired' })])
    expect(data(await call<MeResult>('member', { action: 'me' }, 'o-late')).pendingJoin?.request?.state).toBe(
      'expired',
    )
    expect(
      await call('community', { action: 'decideJoin', openid: 'o-late', approve: true }, 'o-rev-owner'),
    ).toMatchObject({
      ok: false,
      error: { code: 'JOIN_REQUEST_CLOSED' },
    })
    const again = data(
      await call<JoinOutcome>('member', { action: 'joinByInvite', code: 'REVW22' }, 'o-late'),
    )
    expect(again).toMatchObject({
      status: 'pending',
      gate: { request: { state: 'pending' } },
    })
    if (again.status === 'pending')
      expect(Date.parse(again.gate.request!.createdAt)).toBeGreaterThanOrEqual(Date.parse(at(73)))
    data(await call('community', { action: 'decideJoin', openid: 'o-late', approve: false }, 'o-rev-owner'))
    expect(data(await call<MeResult>('member', { action: 'me' }, 'o-late')).pendingJoin?.request?.state).toBe(
      'rejected',
    )
    await cloud.setClock(T0)
  })
})

describe('entry quiz', () => {
  const quiz = {
    questions: [
      { id: 'q1', text: '打卡截止时间？', options: ['22:00', '24:00'], answer: 1 },
      { id: 'q2', text: '可以发广告吗？', options: ['可以', '不可以'], answer: 1 },
    ],
    passMark: 100,
    cooldownMinutes: 10,
  }
  const questionnaire = [{ id: 'job', text: '你的职业', options: ['学生', '上班族'], multiple: false }]

  it('is set by the owner only', async () => {
    const input = { action: 'saveJoinSettings', policy: 'quiz', quiz, questionnaire }
    expect(await call('community', input, 'o-book-admin')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(
      await call('community', { ...input, quiz: { ...quiz, questions: [] } }, 'o-quiz-owner'),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'quiz.questions': '入群答题至少需要一道题' } },
    })
    data(await call('community', input, 'o-quiz-owner'))
  })

  it('grades on the server: a fail starts the cool-down, a pass after it joins with the questionnaire tags', async () => {
    await cloud.setClock(at(2))
    const gate = data(
      await call<JoinOutcome>('member', { action: 'joinByInvite', code: 'QWZ222' }, 'o-quizzer'),
    )
    expect(gate).toMatchObject({
      status: 'quiz',
      gate: { policy: 'quiz', quiz: { passMark: 100, last: null, retryAt: null } },
    })
    expect(JSON.stringify(gate)).not.toContain('"answer"')

    const failed = data(
      await call<JoinOutcome>(
        'member',
        { action: 'submitQuiz', communityId: 'c-quiz', answers: { q1: 1, q2: 0 } },
        'o-quizzer',
      ),
    )
    expect(failed).toMatchObject({
      status: 'quiz',
      gate: { quiz: { last: { correct: 1, total: 2, passed: false } } },
    })
    if (failed.status !== 'quiz') throw new Error('expected the quiz gate')
    const retryAt = Date.parse(failed.gate.quiz!.retryAt!)
    expect(retryAt - Date.parse(failed.gate.quiz!.last!.at)).toBe(10 * 60_000)
    await cloud.setClock(at(2 + 9.9 / 60))
    expect(
      await call(
        'member',
        { action: 'submitQuiz', communityId: 'c-quiz', answers: { q1: 1, q2: 1 } },
        'o-quizzer',
      ),
    ).toMatchObject({ ok: false, error: { code: 'QUIZ_COOLDOWN' } })
    expect(await count(db, 'members', { communityId: 'c-quiz', openid: 'o-quizzer' })).toBe(0)

    await cloud.setClock(new Date(retryAt).toISOString())
    const joined = data(
      await call<JoinOutcome>(
        'member',
        {
          action: 'submitQuiz',
          communityId: 'c-quiz',
          answers: { q1: 1, q2: 1 },
          questionnaire: { job: [1] },
        },
        'o-quizzer',
      ),
    )
    expect(joined).toMatchObject({ status: 'joined', alreadyMember: false, community: { id: 'c-quiz' } })
    expect(await getDoc(db, 'members', 'c-quiz_o-quizzer')).toMatchObject({
      tags: ['上班族'],
      rulesAckVersion: 0,
    })
    await cloud.setClock(T0)
  })

  it('refuses answers from someone who never reached the gate', async () => {
    expect(
      await call(
        'member',
        { action: 'submitQuiz', communityId: 'c-quiz', answers: { q1: 1, q2: 1 } },
        'o-sneaky',
      ),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('sends someone who reached the gate to review once the community switched to review', async () => {
    data(await call<JoinOutcome>('member', { action: 'joinByInvite', code: 'QWZ222' }, 'o-early'))
    const settings = { action: 'saveJoinSettings', quiz, questionnaire }
    data(await call('community', { ...settings, policy: 'review' }, 'o-quiz-owner'))
    const outcome = data(
      await call<JoinOutcome>(
        'member',
        { action: 'submitQuiz', communityId: 'c-quiz', answers: { q1: 1, q2: 1 } },
        'o-early',
      ),
    )
    expect(outcome).toMatchObject({
      status: 'pending',
      gate: { policy: 'review', request: { state: 'pending' } },
    })
    expect(await count(db, 'members', { communityId: 'c-quiz', openid: 'o-early' })).toBe(0)
    expect(await count(db, 'join_requests', { communityId: 'c-quiz', openid: 'o-early' })).toBe(1)
    data(await call('community', { ...settings, policy: 'quiz' }, 'o-quiz-owner'))
  })
})

describe('rules versions', () => {
  it('refuses rules over the limits with field messages', async () => {
    const res = await call(
      'community',
      { action: 'publishRules', shortRules: '读'.repeat(101), fullRules: '读'.repeat(501) },
      'o-book-owner',
    )
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { shortRules: '简短群规最多 100 个字', fullRules: '完整群规最多 500 个字' },
      },
    })
    expect(await count(db, 'rules_versions', { communityId: 'c-book' })).toBe(0)
  })

  it('publishes, counts acknowledgements once under 10 parallel repeats, and asks again for a new version', async () => {
    const v1 = data(
      await call<RulesView>(
        'community',
        { action: 'publishRules', shortRules: '读'.repeat(100), fullRules: '书'.repeat(500) },
        'o-book-owner',
      ),
    )
    expect(v1).toMatchObject({ version: 1, needsAck: true })
    expect(
      await call('community', { action: 'publishRules', shortRules: 'a', fullRules: 'b' }, 'o-ann'),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })

    const acks = await Promise.all(
      Array.from({ length: 10 }, () =>
        call<AckResult>('community', { action: 'ackRules', version: 1 }, 'o-ann'),
      ),
    )
    expect(acks.map((r) => r.ok)).toEqual(Array(10).fill(true))
    expect(acks.filter((r) => r.ok && r.data.recorded)).toHaveLength(1)
    expect(await count(db, 'rules_acks', { communityId: 'c-book', version: 1 })).toBe(1)
    expect(
      await count(db, 'ledger', { communityId: 'c-book', openid: 'o-ann', source: 'checklist:rules' }),
    ).toBe(1)
    expect((await getDoc<{ balance: number }>(db, 'members', 'c-book_o-ann'))?.balance).toBe(10)

    const status = data(await call<AckStatus>('community', { action: 'ackStatus', limit: 2 }, 'o-book-admin'))
    expect(status).toMatchObject({ version: 1, memberCount: 4, ackCount: 1, notAcknowledged: 3 })
    expect(status.items).toHaveLength(2)
    expect(status.items.map((i) => i.openid)).not.toContain('o-ann')
    const rest = data(
      await call<AckStatus>(
        'community',
        { action: 'ackStatus', limit: 2, cursor: status.nextCursor },
        'o-book-admin',
      ),
    )
    expect([...status.items, ...rest.items].map((i) => i.openid).sort()).toEqual([
      'o-bo',
      'o-book-admin',
      'o-book-owner',
    ])

    data(
      await call(
        'community',
        { action: 'publishRules', shortRules: '新版群规', fullRules: '新版完整群规' },
        'o-book-admin',
      ),
    )
    const view = data(await call<OnboardingView>('community', { action: 'onboarding' }, 'o-ann'))
    expect(view.rules).toMatchObject({ version: 2, shortRules: '新版群规', needsAck: true })
    expect(await call('community', { action: 'ackRules', version: 1 }, 'o-ann')).toMatchObject({
      ok: false,
      error: { code: 'RULES_VERSION_STALE' },
    })
    const v2 = data(await call<AckStatus>('community', { action: 'ackStatus' }, 'o-book-owner'))
    expect(v2).toMatchObject({ version: 2, ackCount: 0, notAcknowledged: 4 })
    expect(v2.items).toHaveLength(4)
    const second = data(await call<AckResult>('community', { action: 'ackRules', version: 2 }, 'o-ann'))
    expect(second.recorded).toBe(true)
    // The checklist step paid with the first version only.
    expect(
      await count(db, 'ledger', { communityId: 'c-book', openid: 'o-ann', source: 'checklist:rules' }),
    ).toBe(1)
    expect(data(await call<AckStatus>('community', { action: 'ackStatus' }, 'o-book-owner'))).toMatchObject({
      ackCount: 1,
      notAcknowledged: 3,
    })
  })
})

describe('new-member checklist', () => {
  it('pays reading the handbook once under 10 parallel opens', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => call<ChecklistView>('community', { action: 'readHandbook' }, 'o-bo')),
    )
    expect(results.every((r) => r.ok)).toBe(true)
    expect(
      await count(db, 'ledger', { communityId: 'c-book', openid: 'o-bo', source: 'checklist:handbook' }),
    ).toBe(1)
    const view = data(await call<OnboardingView>('community', { action: 'onboarding' }, 'o-bo'))
    expect(view.checklist.items.find((i) => i.step === 'handbook')).toMatchObject({ done: true, paid: 10 })
    expect(view.checklist.doneCount).toBe(1)
  })

  it('pays an introduction within 24 hours, and shows it to others', async () => {
    // The local clock runs on from the time set: 3.6 s before the 24-hour mark.
    await cloud.setClock(at(24 - 0.001))
    const res = data(
      await call<IntroResult>(
        'community',
        { action: 'submitIntro', text: '大家好，我是阿博，喜欢历史书。' },
        'o-bo',
      ),
    )
    expect(res).toMatchObject({ status: 'visible', paid: 10, late: false })
    const again = data(
      await call<IntroResult>(
        'community',
        { action: 'submitIntro', text: '大家好，我是阿博，改一下介绍。' },
        'o-bo',
      ),
    )
    expect(again.paid).toBe(0)
    const list = data(
      await call<Paged<{ publicId: string; text: string }>>('community', { action: 'intros' }, 'o-ann'),
    )
    expect(list.items).toEqual([
      expect.objectContaining({ publicId: testPublicId('o-bo'), text: '大家好，我是阿博，改一下介绍。' }),
    ])
    await cloud.setClock(T0)
  })

  it('accepts an introduction after 24 hours but pays nothing', async () => {
    await cloud.setClock(at(24.01))
    const res = data(
      await call<IntroResult>(
        'community',
        { action: 'submitIntro', text: '迟到的自我介绍，请多关照。' },
        'o-book-admin',
      ),
    )
    expect(res).toMatchObject({ status: 'visible', paid: 0, late: true })
    expect(res.checklist).toMatchObject({ introWindowOpen: false })
    expect(await count(db, 'ledger', { openid: 'o-book-admin', source: 'checklist:intro' })).toBe(0)
    await cloud.setClock(T0)
  })
})

describe("joining through an activity's share card", () => {
  const quiz = {
    questions: [{ id: 'q1', text: '每天几点前打卡？', options: ['22:00', '24:00'], answer: 1 }],
    passMark: 100,
    cooldownMinutes: 10,
  }
  const viaActivity = (id: string) => ({ viaActivity: id })

  beforeAll(async () => {
    await addCommunity(db, 'c-act-open', 'ACTPNX', 'open')
    await addCommunity(db, 'c-act-rev', 'ACTREV', 'review')
    await addMember(db, 'c-act-rev', 'o-act-rev-owner', 'owner', new Date(T0))
    await addCommunity(db, 'c-act-quiz', 'ACTQWZ', 'open')
    await addMember(db, 'c-act-quiz', 'o-act-quiz-owner', 'owner', new Date(T0))
    data(
      await call(
        'community',
        { action: 'saveJoinSettings', policy: 'quiz', quiz, questionnaire: [] },
        'o-act-quiz-owner',
      ),
    )
    for (const [id, communityId] of [
      ['act-open', 'c-act-open'],
      ['act-rev', 'c-act-rev'],
      ['act-quiz', 'c-act-quiz'],
    ])
      await db
        .collection('activities')
        .doc(id)
        .set({ data: { communityId, title: '共读', stage: 'published' } })
  })

  const joinedVia = async (communityId: string, openid: string) =>
    (await getDoc<{ joinedViaActivity?: string }>(db, 'members', `${communityId}_${openid}`))
      ?.joinedViaActivity

  it('names the activity on an open join, and only an activity of that community', async () => {
    data(
      await call('member', { action: 'joinByInvite', code: 'ACTPNX', ...viaActivity('act-open') }, 'o-via-1'),
    )
    expect(await joinedVia('c-act-open', 'o-via-1')).toBe('act-open')
    data(
      await call('member', { action: 'joinByInvite', code: 'ACTPNX', ...viaActivity('act-rev') }, 'o-via-2'),
    )
    expect(await getDoc(db, 'members', 'c-act-open_o-via-2')).not.toBeNull()
    expect(await joinedVia('c-act-open', 'o-via-2')).toBeUndefined()
    // A member already in is not re-credited by a later card.
    data(
      await call('member', { action: 'joinByInvite', code: 'ACTPNX', ...viaActivity('act-open') }, 'o-via-2'),
    )
    expect(await joinedVia('c-act-open', 'o-via-2')).toBeUndefined()
  })

  it('keeps the activity through review: counted when an admin approves', async () => {
    const asked = data(
      await call<JoinOutcome>(
        'member',
        { action: 'joinByInvite', code: 'ACTREV', ...viaActivity('act-rev') },
        'o-via-3',
      ),
    )
    expect(asked.status).toBe('pending')
    data(
      await call('community', { action: 'decideJoin', openid: 'o-via-3', approve: true }, 'o-act-rev-owner'),
    )
    expect(await joinedVia('c-act-rev', 'o-via-3')).toBe('act-rev')
  })

  it('keeps the activity through the quiz: counted when the member passes', async () => {
    const gate = data(
      await call<JoinOutcome>(
        'member',
        { action: 'joinByInvite', code: 'ACTQWZ', ...viaActivity('act-quiz') },
        'o-via-4',
      ),
    )
    expect(gate.status).toBe('quiz')
    const joined = data(
      await call<JoinOutcome>(
        'member',
        { action: 'submitQuiz', communityId: 'c-act-quiz', answers: { q1: 1 } },
        'o-via-4',
      ),
    )
    expect(joined.status).toBe('joined')
    expect(await joinedVia('c-act-quiz', 'o-via-4')).toBe('act-quiz')
  })
})
