import { communityInputs } from '../../cloudfunctions/core/contracts/community'
import {
  FULL_RULES_MAX,
  SHORT_RULES_MAX,
  canRequestAgain,
  canRetryQuiz,
  charCount,
  checklistSource,
  checklistVisible,
  fullRulesError,
  gradeQuiz,
  introDeadline,
  introPays,
  joinRequestExpiresAt,
  joinRequestState,
  needsRulesAck,
  notAcknowledgedCount,
  publicQuestions,
  quizProblems,
  quizRetryAt,
  shortRulesError,
  tagsFromAnswers,
  type QuizQuestion,
} from '../../cloudfunctions/core/onboarding'

const t0 = new Date('2026-11-20T02:00:00.000Z')
const plus = (ms: number) => new Date(t0.getTime() + ms)
const H = 3600_000

describe('join review window', () => {
  const expiresAt = joinRequestExpiresAt(t0)

  it('expires exactly 3 days after the request', () => {
    expect(expiresAt.toISOString()).toBe('2026-11-23T02:00:00.000Z')
    expect(joinRequestState('pending', expiresAt, plus(72 * H - 1))).toBe('pending')
    expect(joinRequestState('pending', expiresAt, plus(72 * H))).toBe('expired')
    expect(joinRequestState('pending', expiresAt, plus(100 * H))).toBe('expired')
  })

  it('keeps decided requests as decided, even after the window', () => {
    expect(joinRequestState('approved', expiresAt, plus(100 * H))).toBe('approved')
    expect(joinRequestState('rejected', expiresAt, plus(100 * H))).toBe('rejected')
  })

  it('lets an expired or rejected request be made again, not a pending or approved one', () => {
    expect(canRequestAgain('expired')).toBe(true)
    expect(canRequestAgain('rejected')).toBe(true)
    expect(canRequestAgain('pending')).toBe(false)
    expect(canRequestAgain('approved')).toBe(false)
  })
})

describe('entry quiz', () => {
  const questions: QuizQuestion[] = [
    { id: 'q1', text: '几点打卡截止？', options: ['22:00', '24:00'], answer: 1 },
    { id: 'q2', text: '可以发广告吗？', options: ['可以', '不可以'], answer: 1 },
    { id: 'q3', text: '每月共读几本？', options: ['1', '2', '3'], answer: 0 },
    { id: 'q4', text: '新人要做什么？', options: ['自我介绍', '发红包'], answer: 0 },
    { id: 'q5', text: '群规在哪看？', options: ['新人手册', '不用看'], answer: 0 },
  ]
  const all = { q1: 1, q2: 1, q3: 0, q4: 0, q5: 0 }

  it('passes exactly at the pass mark and fails one answer below it', () => {
    // 4 of 5 = 80 %.
    expect(gradeQuiz({ questions, passMark: 80 }, { ...all, q5: 1 })).toEqual({
      correct: 4,
      total: 5,
      percent: 80,
      passed: true,
    })
    // 3 of 5 = 60 % < 80 %.
    expect(gradeQuiz({ questions, passMark: 80 }, { ...all, q4: 1, q5: 1 }).passed).toBe(false)
    expect(gradeQuiz({ questions, passMark: 81 }, { ...all, q5: 1 }).passed).toBe(false)
    expect(gradeQuiz({ questions, passMark: 100 }, all).passed).toBe(true)
  })

  it('counts unanswered and unknown questions as wrong', () => {
    expect(gradeQuiz({ questions, passMark: 0 }, { q1: 1, zz: 3 })).toMatchObject({
      correct: 1,
      passed: true,
    })
    expect(gradeQuiz({ questions, passMark: 20 }, {}).passed).toBe(false)
  })

  it('does not round a third up to the pass mark', () => {
    const three = questions.slice(0, 3)
    // 2 of 3 = 66.66…% — passes 66, fails 67.
    expect(gradeQuiz({ questions: three, passMark: 66 }, { q1: 1, q2: 1 }).passed).toBe(true)
    expect(gradeQuiz({ questions: three, passMark: 67 }, { q1: 1, q2: 1 }).passed).toBe(false)
  })

  it('allows a retry only once the full cool-down has passed', () => {
    expect(canRetryQuiz(null, 10, t0)).toBe(true)
    expect(quizRetryAt(t0, 10).toISOString()).toBe('2026-11-20T02:10:00.000Z')
    expect(canRetryQuiz(t0, 10, plus(10 * 60_000 - 1))).toBe(false)
    expect(canRetryQuiz(t0, 10, plus(10 * 60_000))).toBe(true)
    expect(canRetryQuiz(t0, 0, t0)).toBe(true)
  })

  it('never shows the answers to a candidate', () => {
    expect(publicQuestions(questions)[0]).toEqual({
      id: 'q1',
      text: '几点打卡截止？',
      options: ['22:00', '24:00'],
    })
  })

  it('finds an answer outside the options and duplicate ids', () => {
    expect(
      quizProblems({
        questions: [questions[0], { ...questions[1], id: 'q1', answer: 5 }],
        passMark: 80,
        cooldownMinutes: 10,
      }),
    ).toEqual({
      'quiz.questions.1.id': '题目编号重复',
      'quiz.questions.1.answer': '请为这道题选一个正确答案',
    })
  })
})

describe('entry questionnaire', () => {
  const questionnaire = [
    { id: 'job', text: '你的职业', options: ['学生', '上班族', '自由职业'], multiple: false },
    { id: 'likes', text: '你喜欢读', options: ['小说', '历史', '心理学'], multiple: true },
  ]

  it('turns chosen options into profile tags', () => {
    expect(tagsFromAnswers(questionnaire, { job: [1], likes: [0, 2] })).toEqual({
      tags: ['上班族', '小说', '心理学'],
      problems: {},
    })
  })

  it('reports several options on a single-choice question, unknown questions and options', () => {
    const { problems } = tagsFromAnswers(questionnaire, { job: [0, 1], nope: [0], likes: [9] })
    expect(problems).toEqual({
      'questionnaire.job': '这道题只能选一项',
      'questionnaire.nope': '问卷里没有这道题',
      'questionnaire.likes': '选项不存在',
    })
  })
})

describe('handbook limits', () => {
  const text = (n: number) => '读'.repeat(n)

  it('accepts 100 and refuses 101 characters of short rules, naming the limit', () => {
    expect(shortRulesError(text(SHORT_RULES_MAX))).toBeNull()
    expect(shortRulesError(text(101))).toBe('简短群规最多 100 个字，现在 101 个字')
  })

  it('accepts 500 and refuses 501 characters of full rules', () => {
    expect(fullRulesError(text(FULL_RULES_MAX))).toBeNull()
    expect(fullRulesError(text(501))).toBe('完整群规最多 500 个字，现在 501 个字')
  })

  it('counts an emoji as one character', () => {
    expect(charCount('📚读书')).toBe(3)
    expect(shortRulesError('📚'.repeat(100))).toBeNull()
  })

  it('refuses over-long rules in the publish input with a field message', () => {
    const ok = communityInputs.publishRules.safeParse({ shortRules: text(100), fullRules: text(500) })
    expect(ok.success).toBe(true)
    const bad = communityInputs.publishRules.safeParse({ shortRules: text(101), fullRules: text(501) })
    expect(bad.success).toBe(false)
    if (!bad.success) {
      const messages = Object.fromEntries(bad.error.issues.map((i) => [i.path.join('.'), i.message]))
      expect(messages).toEqual({ shortRules: '简短群规最多 100 个字', fullRules: '完整群规最多 500 个字' })
    }
  })
})

describe('rules versions', () => {
  it('asks for an acknowledgement until the current version is acknowledged', () => {
    expect(needsRulesAck(0, 0)).toBe(false)
    expect(needsRulesAck(1, undefined)).toBe(true)
    expect(needsRulesAck(1, 1)).toBe(false)
    expect(needsRulesAck(2, 1)).toBe(true)
  })

  it('counts who has not acknowledged from the counter', () => {
    expect(notAcknowledgedCount(120, 100)).toBe(20)
    expect(notAcknowledgedCount(3, 5)).toBe(0)
  })
})

describe('new-member checklist', () => {
  it('pays the introduction up to exactly 24 hours after joining, not a millisecond later', () => {
    expect(introDeadline(t0).toISOString()).toBe('2026-11-21T02:00:00.000Z')
    expect(introPays(t0, plus(24 * H))).toBe(true)
    expect(introPays(t0, plus(24 * H + 1))).toBe(false)
    expect(introPays(t0, t0)).toBe(true)
  })

  it('shows the checklist for the first week, until it is complete', () => {
    expect(checklistVisible(t0, plus(7 * 24 * H - 1), false)).toBe(true)
    expect(checklistVisible(t0, plus(7 * 24 * H), false)).toBe(false)
    expect(checklistVisible(t0, plus(H), true)).toBe(false)
  })

  it('has one ledger source per step', () => {
    expect(['handbook', 'rules', 'intro'].map((s) => checklistSource(s as 'intro'))).toEqual([
      'checklist:handbook',
      'checklist:rules',
      'checklist:intro',
    ])
  })
})
