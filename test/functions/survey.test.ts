/** The `survey` function (and the entry questionnaire as a survey) through the local cloud and the real SDK. */
import type {
  ExportPart,
  SubmitResult,
  SurveyPage,
  SurveyResults,
  SurveyView,
  TextAnswerPage,
} from '../../cloudfunctions/core/contracts/survey'
import type { SurveyQuestion } from '../../cloudfunctions/core/survey'
import { sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'
import { addCommunity, addMember, caller, count, data, getDoc, type Db } from './community-support'
import { question as q } from '../support/surveys'

jest.setTimeout(90_000)

let cloud: RunningCloud
let db: Db
let call: ReturnType<typeof caller>

const T0 = '2026-11-20T02:00:00.000Z'
const at = (hours: number) => new Date(Date.parse(T0) + hours * 3600_000).toISOString()
const survey = <T>(event: Record<string, unknown>, openid: string) => call<T>('survey', event, openid)
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : r.error!.code)

const QUESTIONS: SurveyQuestion[] = [
  q({ id: 'fav', type: 'single', title: '最喜欢的书类', options: ['小说', '历史', '科普'] }),
  q({
    id: 'when',
    type: 'multiple',
    title: '方便的时间',
    options: ['早上', '晚上', '周末'],
    minChoices: 1,
    maxChoices: 2,
  }),
  q({ id: 'say', type: 'text', title: '想说的话', required: false }),
  q({ id: 'rate', type: 'rating', title: '活动满意度' }),
  q({ id: 'nps', type: 'nps', title: '推荐给朋友的可能性' }),
]

const draft = (over: Record<string, unknown> = {}) => ({
  action: 'save',
  title: '十一月读书会反馈',
  intro: '花两分钟告诉我们你的想法',
  questions: QUESTIONS,
  deadline: null,
  anonymous: false,
  reward: null,
  ...over,
})

const goodAnswers = { fav: 0, when: [1], rate: 5, nps: 10 }

async function published(over: Record<string, unknown> = {}): Promise<SurveyView> {
  const saved = data(await survey<SurveyView>(draft(over), 'o-org'))
  return data(await survey<SurveyView>({ action: 'publish', surveyId: saved.id }, 'o-org'))
}

beforeAll(async () => {
  cloud = await startCloud()
  db = sdkFor(cloud).database()
  call = caller(cloud)
  await cloud.setClock(T0)
  await addCommunity(db, 'c-book', 'BKBK33')
  await addMember(db, 'c-book', 'o-owner', 'owner', new Date(T0), '林晓')
  await addMember(db, 'c-book', 'o-admin', 'admin', new Date(T0), '周宁')
  await addMember(db, 'c-book', 'o-org', 'organiser', new Date(T0), '陈一帆')
  for (const m of ['o-ann', 'o-bo', 'o-cat', 'o-dan', 'o-eve'])
    await addMember(db, 'c-book', m, 'member', new Date(T0), `读者${m.slice(2)}`)
  await addCommunity(db, 'c-run', 'RUNR33')
  await addMember(db, 'c-run', 'o-run-owner', 'owner', new Date(T0), '团长')
  await addMember(db, 'c-run', 'o-runner', 'member', new Date(T0), '跑者')
})

afterAll(() => cloud?.stop())

describe('building', () => {
  it('organisers and above build; members may not build or see results', async () => {
    expect(codeOf(await survey(draft(), 'o-ann'))).toBe('FORBIDDEN')
    const saved = data(await survey<SurveyView>(draft(), 'o-org'))
    expect(saved).toMatchObject({
      status: 'draft',
      statusName: '草稿',
      reward: 300,
      questionCount: 5,
      canManage: true,
    })
    expect(codeOf(await survey({ action: 'publish', surveyId: saved.id }, 'o-ann'))).toBe('FORBIDDEN')
    expect(codeOf(await survey({ action: 'results', surveyId: saved.id }, 'o-ann'))).toBe('FORBIDDEN')
    expect(codeOf(await survey({ action: 'exportResponses', surveyId: saved.id }, 'o-ann'))).toBe('FORBIDDEN')
    // A member cannot even see a draft, nor answer it.
    expect(codeOf(await survey({ action: 'detail', surveyId: saved.id }, 'o-ann'))).toBe('NOT_FOUND')
    expect(
      codeOf(await survey({ action: 'submit', surveyId: saved.id, answers: goodAnswers }, 'o-ann')),
    ).toBe('NOT_FOUND')
    // Staff answering a draft are told it is not open yet.
    expect(
      codeOf(await survey({ action: 'submit', surveyId: saved.id, answers: goodAnswers }, 'o-admin')),
    ).toBe('SURVEY_NOT_OPEN')
  })

  it('refuses bad questions with field errors and writes nothing', async () => {
    const before = await count(db, 'surveys', { communityId: 'c-book' })
    const res = await survey(
      draft({
        questions: [
          q({ id: 'a', type: 'single', options: ['只有一个'] }),
          q({ id: 'b', type: 'multiple', options: ['甲', '乙'], minChoices: 3, maxChoices: null }),
        ],
        deadline: at(-1),
      }),
      'o-org',
    )
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: {
          'questions.0.options': '第 1 题至少需要 2 个选项',
          'questions.1.minChoices': '第 2 题最少选择数需在 1–2 之间',
          deadline: '截止时间需晚于现在',
        },
      },
    })
    expect(await count(db, 'surveys', { communityId: 'c-book' })).toBe(before)
    // A deadline in year 9999 is as wrong as one in the past.
    for (const deadline of ['9999-12-31T00:00:00Z', at(24 * 366)])
      expect(await survey(draft({ deadline }), 'o-org')).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { deadline: '截止时间最晚为 365 天后' } },
      })
    expect(await count(db, 'surveys', { communityId: 'c-book' })).toBe(before)
  })

  it('published questions cannot change; publishing needs a question', async () => {
    const empty = data(await survey<SurveyView>(draft({ questions: [] }), 'o-org'))
    expect(codeOf(await survey({ action: 'publish', surveyId: empty.id }, 'o-org'))).toBe('INVALID_INPUT')
    const live = await published()
    expect(live.status).toBe('published')
    expect(codeOf(await survey(draft({ surveyId: live.id, title: '改个标题' }), 'o-org'))).toBe(
      'SURVEY_LOCKED',
    )
    expect(codeOf(await survey({ action: 'close', surveyId: empty.id }, 'o-org'))).toBe('INVALID_INPUT')
  })
})

describe('answering', () => {
  it('20 parallel submits by one member: one response, one ledger row, the reward once', async () => {
    const s = await published()
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        survey<SubmitResult>({ action: 'submit', surveyId: s.id, answers: goodAnswers }, 'o-ann'),
      ),
    )
    const answers = results.map((r) => data(r))
    expect(answers.filter((r) => !r.alreadyAnswered)).toHaveLength(1)
    expect(answers.find((r) => !r.alreadyAnswered)).toMatchObject({ points: 300, balance: 300 })
    expect(await count(db, 'survey_responses', { surveyId: s.id })).toBe(1)
    expect(
      await count(db, 'ledger', { communityId: 'c-book', openid: 'o-ann', source: `survey:${s.id}` }),
    ).toBe(1)
    const member = await getDoc<{ balance: number; totalEarned: number; weekEarned?: number }>(
      db,
      'members',
      'c-book_o-ann',
    )
    expect(member).toMatchObject({ balance: 300, totalEarned: 300 })
    // Survey rewards stay off the week and month boards (core/leaderboard countsOnPeriodBoards).
    expect(member?.weekEarned ?? 0).toBe(0)
    const results2 = data(await survey<SurveyResults>({ action: 'results', surveyId: s.id }, 'o-org'))
    expect(results2.responses).toBe(1)
    // The member's list says it is answered.
    const list = data(await survey<SurveyPage>({ action: 'list' }, 'o-ann'))
    expect(list.items.find((i) => i.id === s.id)).toMatchObject({ answered: true, reward: 300 })
  })

  it('validates every question with a clear field error and writes nothing', async () => {
    const s = await published()
    const res = await survey(
      { action: 'submit', surveyId: s.id, answers: { fav: 5, when: [0, 1, 2], rate: 6 } },
      'o-bo',
    )
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: {
          'answers.fav': '请选择一个选项',
          'answers.when': '最多选择 2 项',
          'answers.rate': '请打 1–5 分',
          'answers.nps': '这道题必须回答',
        },
      },
    })
    expect(await count(db, 'survey_responses', { surveyId: s.id })).toBe(0)
  })

  it('refuses a closed survey and one past its deadline', async () => {
    const s = await published()
    data(await survey({ action: 'close', surveyId: s.id }, 'o-org'))
    expect(codeOf(await survey({ action: 'submit', surveyId: s.id, answers: goodAnswers }, 'o-bo'))).toBe(
      'SURVEY_CLOSED',
    )
    const timed = await published({ deadline: at(1) })
    await cloud.setClock(at(1.01))
    expect(codeOf(await survey({ action: 'submit', surveyId: timed.id, answers: goodAnswers }, 'o-bo'))).toBe(
      'SURVEY_CLOSED',
    )
    const list = data(await survey<SurveyPage>({ action: 'list' }, 'o-bo'))
    expect(list.items.map((i) => i.id)).not.toContain(timed.id)
    const staff = data(await survey<SurveyPage>({ action: 'list', status: 'closed' }, 'o-org'))
    expect(staff.items.map((i) => i.id)).toEqual(expect.arrayContaining([s.id, timed.id]))
    await cloud.setClock(T0)
  })

  it('risky text is refused with nothing written; text held for review stays out of the results', async () => {
    const s = await published()
    const risky = await survey(
      { action: 'submit', surveyId: s.id, answers: { ...goodAnswers, say: '欢迎来赌博' } },
      'o-cat',
    )
    expect(codeOf(risky)).toBe('CONTENT_RISKY')
    expect(await count(db, 'survey_responses', { surveyId: s.id })).toBe(0)
    expect(await count(db, 'survey_texts', { surveyId: s.id })).toBe(0)
    expect(await count(db, 'held_content', { communityId: 'c-book', openid: 'o-cat' })).toBe(0)
    expect(await count(db, 'ledger', { openid: 'o-cat' })).toBe(0)

    const held = data(
      await survey<SubmitResult>(
        { action: 'submit', surveyId: s.id, answers: { ...goodAnswers, say: '我在做代购' } },
        'o-cat',
      ),
    )
    expect(held).toMatchObject({ points: 300, heldTexts: 1 })
    data(
      await survey(
        { action: 'submit', surveyId: s.id, answers: { ...goodAnswers, say: '希望多办线下活动' } },
        'o-dan',
      ),
    )
    const texts = data(
      await survey<TextAnswerPage>({ action: 'textAnswers', surveyId: s.id, questionId: 'say' }, 'o-org'),
    )
    expect(texts.items.map((t) => t.text)).toEqual(['希望多办线下活动'])
    expect(texts.items[0]!.nickname).toBe('读者dan')
    const exported = data(await survey<ExportPart>({ action: 'exportResponses', surveyId: s.id }, 'o-org'))
    expect(exported.csv).toContain('（待审核）')
    expect(exported.csv).not.toContain('代购')
    // An admin approves it in the moderation queue: then it shows.
    const queue = data(
      await call<{ items: { id: string; kindName: string; textHash: string }[] }>(
        'moderation',
        { action: 'heldList' },
        'o-admin',
      ),
    )
    const item = queue.items.find((i) => i.kindName === '问卷回答')!
    data(await call('moderation', { action: 'approve', id: item.id, textHash: item.textHash }, 'o-admin'))
    const after = data(
      await survey<TextAnswerPage>({ action: 'textAnswers', surveyId: s.id, questionId: 'say' }, 'o-org'),
    )
    expect(after.items.map((t) => t.text).sort()).toEqual(['希望多办线下活动', '我在做代购'].sort())
  })
})

describe('results', () => {
  it('counts, percentages, the average rating and the NPS', async () => {
    const s = await published()
    const answers = [
      { fav: 0, when: [0], rate: 5, nps: 10 },
      { fav: 0, when: [0, 1], rate: 4, nps: 9 },
      { fav: 1, when: [2], rate: 3, nps: 7 },
      { fav: 2, when: [1, 2], rate: 2, nps: 3 },
    ]
    const who = ['o-ann', 'o-bo', 'o-cat', 'o-dan']
    await Promise.all(who.map((m, i) => survey({ action: 'submit', surveyId: s.id, answers: answers[i] }, m)))
    const r = data(await survey<SurveyResults>({ action: 'results', surveyId: s.id }, 'o-admin'))
    expect(r.responses).toBe(4)
    const [fav, when, , rate, nps] = r.questions
    expect(fav!.options).toEqual([
      { label: '小说', count: 2, percent: 50 },
      { label: '历史', count: 1, percent: 25 },
      { label: '科普', count: 1, percent: 25 },
    ])
    expect(when!.options!.map((o) => o.count)).toEqual([2, 2, 2])
    expect(rate!.average).toBe(3.5)
    expect(rate!.distribution!.map((d) => d.count)).toEqual([0, 1, 1, 1, 1])
    expect(nps!.nps).toMatchObject({ score: 25, promoters: 2, passives: 1, detractors: 1 })
  })

  it('a named export has nicknames; an anonymous one has no identities at all', async () => {
    const named = await published()
    data(await survey({ action: 'submit', surveyId: named.id, answers: goodAnswers }, 'o-eve'))
    const n = data(await survey<ExportPart>({ action: 'exportResponses', surveyId: named.id }, 'o-org'))
    expect(n.rows).toBe(1)
    expect(n.csv).toContain('读者eve')
    expect(n.csv.split('\r\n')[0]).toContain('昵称')
    // The answer time as people read it: Asia/Shanghai, minutes, no raw UTC ISO.
    const row = n.csv.split('\r\n')[1]!
    expect(row).toMatch(/,读者eve,\d{4}-\d{2}-\d{2} \d{2}:\d{2},/)
    expect(row).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/)

    const anon = await published({ anonymous: true })
    await Promise.all(
      ['o-ann', 'o-bo', 'o-eve'].map((m, i) =>
        survey(
          { action: 'submit', surveyId: anon.id, answers: { ...goodAnswers, say: `匿名的话 ${i + 1}` } },
          m,
        ),
      ),
    )
    const a = data(await survey<ExportPart>({ action: 'exportResponses', surveyId: anon.id }, 'o-org'))
    expect(a.rows).toBe(3)
    expect(a.csv.split('\r\n')[0]).not.toContain('昵称')
    for (const m of ['o-ann', 'o-bo', 'o-eve', '读者ann', '读者bo', '读者eve']) expect(a.csv).not.toContain(m)
    // Nothing stored with the responses or texts names the member either.
    const stored = (await db
      .collection('survey_responses')
      .where({ surveyId: anon.id })
      .get()) as unknown as {
      data: Record<string, unknown>[]
    }
    expect(stored.data).toHaveLength(3)
    expect(JSON.stringify(stored.data)).not.toMatch(/o-ann|o-bo|o-eve|读者/)
    const texts = data(
      await survey<TextAnswerPage>({ action: 'textAnswers', surveyId: anon.id, questionId: 'say' }, 'o-org'),
    )
    expect(texts.items).toHaveLength(3)
    expect(texts.items.every((t) => t.nickname === null)).toBe(true)
    // Still one response per member: answering again changes nothing.
    expect(
      data(await survey<SubmitResult>({ action: 'submit', surveyId: anon.id, answers: goodAnswers }, 'o-bo')),
    ).toMatchObject({
      alreadyAnswered: true,
    })
    expect(await count(db, 'survey_responses', { surveyId: anon.id })).toBe(3)
  })
})

describe('lists', () => {
  it('staff page through every survey by cursor; members see only open ones', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page: SurveyPage = data(await survey<SurveyPage>({ action: 'list', limit: 2, cursor }, 'o-org'))
      expect(page.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.length).toBe(await count(db, 'surveys', { communityId: 'c-book' }))
    const drafts = data(await survey<SurveyPage>({ action: 'list', status: 'draft' }, 'o-org'))
    expect(drafts.items.length).toBeGreaterThan(0)
    expect(drafts.items.every((i) => i.status === 'draft')).toBe(true)
    const member: string[] = []
    cursor = undefined
    do {
      const page: SurveyPage = data(await survey<SurveyPage>({ action: 'list', limit: 2, cursor }, 'o-bo'))
      member.push(...page.items.map((i) => i.status))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(member.length).toBeGreaterThan(0)
    expect(member.every((s) => s === 'published')).toBe(true)
    // A member asking for drafts still gets only open surveys.
    const asked = data(await survey<SurveyPage>({ action: 'list', status: 'draft' }, 'o-bo'))
    expect(asked.items.every((i) => i.status === 'published')).toBe(true)
  })
})

describe('communities', () => {
  it("another community's surveys are never visible", async () => {
    const s = await published()
    const theirs = data(await survey<SurveyPage>({ action: 'list' }, 'o-runner'))
    expect(theirs.items).toHaveLength(0)
    expect(codeOf(await survey({ action: 'detail', surveyId: s.id }, 'o-runner'))).toBe('NOT_FOUND')
    expect(codeOf(await survey({ action: 'submit', surveyId: s.id, answers: goodAnswers }, 'o-runner'))).toBe(
      'NOT_FOUND',
    )
    expect(codeOf(await survey({ action: 'results', surveyId: s.id }, 'o-run-owner'))).toBe('NOT_FOUND')
    expect(codeOf(await survey({ action: 'exportResponses', surveyId: s.id }, 'o-run-owner'))).toBe(
      'NOT_FOUND',
    )
    expect(codeOf(await survey(draft({ surveyId: s.id }), 'o-run-owner'))).toBe('NOT_FOUND')
  })
})

describe('the entry questionnaire', () => {
  const questionnaire = [
    { id: 'job', text: '你的职业', options: ['学生', '上班族', '自由职业'], multiple: false },
    { id: 'likes', text: '喜欢读什么', options: ['小说', '历史', '科普'], multiple: true },
  ]
  const quiz = { questions: [], passMark: 80, cooldownMinutes: 10 }

  it('is a survey: answers still fill tags, and show in results and export', async () => {
    data(
      await call('community', { action: 'saveJoinSettings', policy: 'open', quiz, questionnaire }, 'o-owner'),
    )
    const staff = data(await survey<SurveyPage>({ action: 'list' }, 'o-org'))
    const entry = staff.items.find((i) => i.kind === 'entry')!
    expect(entry).toMatchObject({ id: 'c-book:entry', status: 'published', questionCount: 2, reward: 0 })
    // Members answer it in onboarding, not from the survey list.
    const mine = data(await survey<SurveyPage>({ action: 'list' }, 'o-ann'))
    expect(mine.items.map((i) => i.kind)).not.toContain('entry')

    expect(
      data(
        await call<{ tags: string[] }>(
          'community',
          { action: 'answerQuestionnaire', answers: { job: [1], likes: [0, 2] } },
          'o-ann',
        ),
      ),
    ).toEqual({
      tags: ['上班族', '小说', '科普'],
    })
    expect(await getDoc<{ tags: string[] }>(db, 'members', 'c-book_o-ann')).toMatchObject({
      tags: ['上班族', '小说', '科普'],
    })
    data(
      await call('community', { action: 'answerQuestionnaire', answers: { job: [0], likes: [0] } }, 'o-bo'),
    )
    // Answering again replaces the response and its counts.
    data(
      await call('community', { action: 'answerQuestionnaire', answers: { job: [2], likes: [1] } }, 'o-ann'),
    )
    expect(await getDoc<{ tags: string[] }>(db, 'members', 'c-book_o-ann')).toMatchObject({
      tags: ['自由职业', '历史'],
    })

    const r = data(await survey<SurveyResults>({ action: 'results', surveyId: 'c-book:entry' }, 'o-org'))
    expect(r.responses).toBe(2)
    expect(r.questions[0]!.options!.map((o) => o.count)).toEqual([1, 0, 1])
    expect(r.questions[1]!.options!.map((o) => o.count)).toEqual([1, 1, 0])
    const csv = data(
      await survey<ExportPart>({ action: 'exportResponses', surveyId: 'c-book:entry' }, 'o-org'),
    ).csv
    expect(csv).toContain('读者ann')
    expect(csv).toContain('自由职业')

    // The owner edits it in the survey builder: the onboarding questionnaire follows, counting restarts.
    const edited = [
      ...questionnaire,
      { id: 'time', text: '常在什么时间读书', options: ['早上', '晚上'], multiple: false },
    ]
    data(
      await survey(
        draft({
          surveyId: 'c-book:entry',
          title: '入群问卷',
          questions: edited.map((e) =>
            q({
              id: e.id,
              type: e.multiple ? 'multiple' : 'single',
              title: e.text,
              options: e.options,
              required: false,
            }),
          ),
        }),
        'o-owner',
      ),
    )
    expect(codeOf(await survey(draft({ surveyId: 'c-book:entry' }), 'o-org'))).toBe('FORBIDDEN')
    const onboarding = data(
      await call<{ questionnaire: unknown[] }>('community', { action: 'onboarding' }, 'o-cat'),
    )
    expect(onboarding.questionnaire).toHaveLength(3)
    const after = data(await survey<SurveyResults>({ action: 'results', surveyId: 'c-book:entry' }, 'o-org'))
    expect(after.responses).toBe(0)
    expect(after.countingSince).not.toBeNull()
  })

  it('answers given when joining become the entry response too', async () => {
    await call('community', { action: 'saveJoinSettings', policy: 'open', quiz, questionnaire }, 'o-owner')
    const joined = data(
      await call<{ status: string }>(
        'member',
        { action: 'joinByInvite', code: 'BKBK33', questionnaire: { job: [0], likes: [1] } },
        'o-newbie',
      ),
    )
    expect(joined.status).toBe('joined')
    expect(await getDoc<{ tags: string[] }>(db, 'members', 'c-book_o-newbie')).toMatchObject({
      tags: ['学生', '历史'],
    })
    const r = data(await survey<SurveyResults>({ action: 'results', surveyId: 'c-book:entry' }, 'o-org'))
    expect(r.questions[0]!.options!.map((o) => o.count)).toEqual([1, 0, 0])
  })
})
