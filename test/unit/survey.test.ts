import {
  addResponse,
  answerProblem,
  average,
  canTransition,
  checkAnswers,
  choiceHint,
  effectiveStatus,
  emptyTally,
  entryAnswers,
  entryToSurveyQuestions,
  mergeTallies,
  nps,
  percent,
  questionProblems,
  questionStats,
  sameQuestions,
  surveyToEntryQuestions,
  wholePercents,
} from '../../cloudfunctions/core/survey'
import { question as q } from '../support/surveys'

const single = q({ id: 'fav', type: 'single', options: ['小说', '历史', '科普'] })
const multi = q({
  id: 'when',
  type: 'multiple',
  options: ['早上', '中午', '晚上', '周末'],
  minChoices: 2,
  maxChoices: 3,
})
const text = q({ id: 'say', type: 'text', required: false })
const rating = q({ id: 'rate', type: 'rating' })
const score = q({ id: 'nps', type: 'nps' })
const all = [single, multi, text, rating, score]

describe('question validation', () => {
  it('accepts a well-formed survey of every kind', () => {
    expect(questionProblems(all)).toEqual({})
  })

  it('names each problem by field', () => {
    const problems = questionProblems([
      q({ id: 'a', type: 'single', title: ' ', options: ['只有一个'] }),
      q({ id: 'a', type: 'multiple', options: ['甲', '甲'] }),
      q({ id: 'c', type: 'multiple', options: ['甲', '乙', '丙'], minChoices: 3, maxChoices: 2 }),
      q({ id: 'd', type: 'multiple', options: ['甲', '乙'], minChoices: 0, maxChoices: 5 }),
      q({ id: 'e', type: 'single', options: ['甲', ''] }),
    ])
    expect(problems).toEqual({
      'questions.0.title': '第 1 题还没有题目',
      'questions.0.options': '第 1 题至少需要 2 个选项',
      'questions.1.id': '题目编号重复',
      'questions.1.options': '第 2 题有重复的选项',
      'questions.2.maxChoices': '第 3 题最多选择数不能小于最少选择数',
      'questions.3.minChoices': '第 4 题最少选择数需在 1–2 之间',
      'questions.3.maxChoices': '第 4 题最多选择数需在 1–2 之间',
      'questions.4.options': '第 5 题有空白选项',
    })
  })

  it('keeps the entry questionnaire to choices', () => {
    expect(questionProblems([text], 'entry')).toEqual({ 'questions.0.type': '入群问卷只能有单选题和多选题' })
  })

  it('explains how many options to pick', () => {
    expect(choiceHint(single)).toBe('单选')
    expect(choiceHint(multi)).toBe('选 2–3 项')
    expect(choiceHint({ ...multi, minChoices: 2, maxChoices: 2 })).toBe('请选 2 项')
    expect(choiceHint({ ...multi, maxChoices: null })).toBe('至少选 2 项')
    expect(choiceHint({ ...multi, minChoices: null })).toBe('最多选 3 项')
  })
})

describe('answer validation', () => {
  it('single choice: one existing option', () => {
    expect(answerProblem(single, 2)).toBeNull()
    expect(answerProblem(single, 3)).toBe('请选择一个选项')
    expect(answerProblem(single, [0])).toBe('请选择一个选项')
    expect(answerProblem(single, undefined)).toBe('这道题必须回答')
  })

  it('multiple choice: existing, distinct, within min and max', () => {
    expect(answerProblem(multi, [0, 2])).toBeNull()
    expect(answerProblem(multi, [0, 1, 2])).toBeNull()
    expect(answerProblem(multi, [0])).toBe('至少选择 2 项')
    expect(answerProblem(multi, [0, 1, 2, 3])).toBe('最多选择 3 项')
    expect(answerProblem(multi, [0, 0])).toBe('选项重复')
    expect(answerProblem(multi, [0, 7])).toBe('选项不存在')
    expect(answerProblem(multi, [])).toBe('这道题必须回答')
  })

  it('text: optional here, at most 500 characters', () => {
    expect(answerProblem(text, undefined)).toBeNull()
    expect(answerProblem(text, '   ')).toBeNull()
    expect(answerProblem(text, '很好')).toBeNull()
    expect(answerProblem(text, 'x'.repeat(501))).toBe('最多 500 字')
    expect(answerProblem({ ...text, required: true }, ' ')).toBe('这道题必须回答')
    expect(answerProblem(text, 3)).toBe('请填写文字')
  })

  it('rating 1–5 and NPS 0–10, whole numbers', () => {
    expect(answerProblem(rating, 1)).toBeNull()
    expect(answerProblem(rating, 5)).toBeNull()
    expect(answerProblem(rating, 0)).toBe('请打 1–5 分')
    expect(answerProblem(rating, 4.5)).toBe('请打 1–5 分')
    expect(answerProblem(score, 0)).toBeNull()
    expect(answerProblem(score, 10)).toBeNull()
    expect(answerProblem(score, 11)).toBe('请选择 0–10 分')
  })

  it('checks a whole response: problems by question, the kept answers tidied', () => {
    const { answers, problems } = checkAnswers(all, { fav: 1, when: [2, 0], say: '  不错 ', rate: 4, nps: 9 })
    expect(problems).toEqual({})
    expect(answers).toEqual({ fav: 1, when: [0, 2], say: '不错', rate: 4, nps: 9 })
    const bad = checkAnswers(all, { fav: 9, when: [1], ghost: 1, rate: 4 })
    expect(bad.problems).toEqual({
      'answers.ghost': '问卷里没有这道题',
      'answers.fav': '请选择一个选项',
      'answers.when': '至少选择 2 项',
      'answers.nps': '这道题必须回答',
    })
  })
})

describe('statistics', () => {
  it('percentages have one decimal; parts of a whole add up to 100', () => {
    expect(percent(1, 3)).toBe(33.3)
    expect(percent(2, 3)).toBe(66.7)
    expect(percent(0, 0)).toBe(0)
    expect(wholePercents([1, 1, 1])).toEqual([33.4, 33.3, 33.3])
    expect(wholePercents([1, 2, 3, 1]).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6)
    expect(wholePercents([0, 0])).toEqual([0, 0])
  })

  it('averages with two decimals', () => {
    expect(average(13, 3)).toBe(4.33)
    expect(average(0, 0)).toBeNull()
  })

  it('NPS: promoters 9–10 minus detractors 0–6, in percent', () => {
    // 5 promoters, 3 passives, 2 detractors of 10 → 50 − 20 = 30.
    expect(nps({ '10': 2, '9': 3, '8': 2, '7': 1, '6': 1, '0': 1 })).toEqual({
      score: 30,
      promoters: 5,
      passives: 3,
      detractors: 2,
      promotersPercent: 50,
      passivesPercent: 30,
      detractorsPercent: 20,
    })
    expect(nps({ '3': 4 }).score).toBe(-100)
    expect(nps({}).score).toBeNull()
  })

  it('tallies add and take away responses, merge across shards, and give per-question stats', () => {
    let a = emptyTally()
    a = addResponse(a, { fav: 0, when: [0, 1], rate: 5, nps: 10, say: '好' })
    a = addResponse(a, { fav: 0, when: [1, 2], rate: 3, nps: 6 })
    let b = addResponse(emptyTally(), { fav: 2, when: [1, 3], rate: 4, nps: 9 })
    b = addResponse(b, { fav: 1, when: [0, 1], rate: 1, nps: 0 })
    b = addResponse(b, { fav: 1, when: [0, 1], rate: 1, nps: 0 }, -1)
    const total = mergeTallies([a, b])
    expect(total.responses).toBe(3)
    expect(questionStats(single, total).options).toEqual([
      { label: '小说', count: 2, percent: 66.7 },
      { label: '历史', count: 0, percent: 0 },
      { label: '科普', count: 1, percent: 33.3 },
    ])
    const when = questionStats(multi, total)
    expect(when.answered).toBe(3)
    expect(when.options!.map((o) => [o.count, o.percent])).toEqual([
      [1, 33.3],
      [3, 100],
      [1, 33.3],
      [1, 33.3],
    ])
    const rate = questionStats(rating, total)
    expect(rate.average).toBe(4)
    expect(rate.distribution!.map((d) => d.count)).toEqual([0, 0, 1, 1, 1])
    const n = questionStats(score, total)
    expect(n.nps).toMatchObject({ score: 33, promoters: 2, detractors: 1, passives: 0 })
    expect(n.distribution).toHaveLength(11)
    expect(questionStats(text, total)).toMatchObject({ answered: 1 })
  })
})

describe('states', () => {
  const now = new Date('2026-11-22T04:00:00Z')
  it('a published survey past its deadline reads closed', () => {
    expect(effectiveStatus({ status: 'published', deadline: '2026-11-22T04:00:00Z' }, now)).toBe('closed')
    expect(effectiveStatus({ status: 'published', deadline: '2026-11-22T05:00:00Z' }, now)).toBe('published')
    expect(effectiveStatus({ status: 'published', deadline: null }, now)).toBe('published')
    expect(effectiveStatus({ status: 'draft', deadline: '2026-01-01T00:00:00Z' }, now)).toBe('draft')
  })

  it('draft → published → closed, never back', () => {
    expect(canTransition('draft', 'published')).toBe(true)
    expect(canTransition('published', 'closed')).toBe(true)
    expect(canTransition('draft', 'closed')).toBe(false)
    expect(canTransition('published', 'draft')).toBe(false)
    expect(canTransition('closed', 'published')).toBe(false)
  })
})

describe('entry questionnaire as a survey', () => {
  const questionnaire = [
    { id: 'job', text: '你的职业', options: ['学生', '上班族'], multiple: false },
    { id: 'likes', text: '喜欢读什么', options: ['小说', '历史', '科普'], multiple: true },
  ]
  it('maps questions both ways and answers into survey answers', () => {
    const questions = entryToSurveyQuestions(questionnaire)
    expect(questions.map((x) => x.type)).toEqual(['single', 'multiple'])
    expect(surveyToEntryQuestions(questions)).toEqual(questionnaire)
    expect(entryAnswers(questions, { job: [1], likes: [2, 0, 2] })).toEqual({ job: 1, likes: [0, 2] })
    expect(sameQuestions(questions, entryToSurveyQuestions(questionnaire))).toBe(true)
    expect(sameQuestions(questions, questions.slice(1))).toBe(false)
  })
})
