/**
 * Surveys (SPEC §7): question and answer validation, the running tallies results are read from, the
 * statistics (percentages, average rating, NPS) and the state rules. Pure: no I/O, time is a parameter.
 */

export const QUESTION_TYPES = ['single', 'multiple', 'text', 'rating', 'nps'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

export const QUESTION_TYPE_NAMES: Record<QuestionType, string> = {
  single: '单选',
  multiple: '多选',
  text: '填空',
  rating: '评分（1–5）',
  nps: '推荐度（0–10）',
}

/** 'survey' is built in the survey builder; 'entry' is the onboarding questionnaire (choices → tags). */
export type SurveyKind = 'survey' | 'entry'
export type SurveyStatus = 'draft' | 'published' | 'closed'

export const SURVEY_STATUS_NAMES: Record<SurveyStatus, string> = {
  draft: '草稿',
  published: '进行中',
  closed: '已结束',
}

export const SURVEY_TITLE_MAX = 40
export const SURVEY_INTRO_MAX = 300
export const SURVEY_MAX_QUESTIONS = 30
export const QUESTION_TITLE_MAX = 100
export const OPTION_MAX = 40
export const OPTIONS_MIN = 2
export const OPTIONS_MAX = 12
export const TEXT_ANSWER_MAX = 500
export const SURVEY_REWARD_MAX = 10_000
/** A deadline is at most this many days ahead. */
export const SURVEY_DEADLINE_MAX_DAYS = 365
export const RATING_MIN = 1
export const RATING_MAX = 5
export const NPS_MIN = 0
export const NPS_MAX = 10
/** Tally shards per survey: parallel submits by different members rarely meet on one document. */
export const TALLY_SHARDS = 16

export interface SurveyQuestion {
  /** Stable within the survey: answers and tallies are keyed by it. */
  id: string
  type: QuestionType
  title: string
  required: boolean
  /** Choice questions only. */
  options: string[]
  /** Multiple choice only: how many options must / may be chosen (null = no limit). */
  minChoices: number | null
  maxChoices: number | null
}

/** single: option index; multiple: option indexes; text: the text; rating 1–5; nps 0–10. */
export type AnswerValue = number | number[] | string
export type Answers = Record<string, AnswerValue>

export function isChoice(type: QuestionType): boolean {
  return type === 'single' || type === 'multiple'
}

/** What is wrong with a survey's questions, keyed by field path (`questions.2.options`), or {}. */
export function questionProblems(
  questions: SurveyQuestion[],
  kind: SurveyKind = 'survey',
): Record<string, string> {
  const problems: Record<string, string> = {}
  const seen = new Set<string>()
  questions.forEach((q, i) => {
    const at = `questions.${i}`
    if (seen.has(q.id)) problems[`${at}.id`] = '题目编号重复'
    seen.add(q.id)
    if (!q.title.trim()) problems[`${at}.title`] = `第 ${i + 1} 题还没有题目`
    if (kind === 'entry' && !isChoice(q.type)) problems[`${at}.type`] = '入群问卷只能有单选题和多选题'
    if (!isChoice(q.type)) return
    const options = q.options.map((o) => o.trim())
    if (options.length < OPTIONS_MIN)
      problems[`${at}.options`] = `第 ${i + 1} 题至少需要 ${OPTIONS_MIN} 个选项`
    else if (options.some((o) => !o)) problems[`${at}.options`] = `第 ${i + 1} 题有空白选项`
    else if (new Set(options).size !== options.length)
      problems[`${at}.options`] = `第 ${i + 1} 题有重复的选项`
    if (q.type !== 'multiple') return
    const { minChoices: min, maxChoices: max } = q
    if (min !== null && (min < 1 || min > options.length))
      problems[`${at}.minChoices`] = `第 ${i + 1} 题最少选择数需在 1–${options.length} 之间`
    if (max !== null && (max < 1 || max > options.length))
      problems[`${at}.maxChoices`] = `第 ${i + 1} 题最多选择数需在 1–${options.length} 之间`
    if (min !== null && max !== null && min > max)
      problems[`${at}.maxChoices`] = `第 ${i + 1} 题最多选择数不能小于最少选择数`
  })
  return problems
}

/** What a member reads about how many options to pick: 「至少选 2 项，最多选 3 项」. */
export function choiceHint(q: SurveyQuestion): string {
  if (q.type === 'single') return '单选'
  if (q.type !== 'multiple') return ''
  const { minChoices: min, maxChoices: max } = q
  if (min !== null && max !== null) return min === max ? `请选 ${min} 项` : `选 ${min}–${max} 项`
  if (min !== null) return `至少选 ${min} 项`
  if (max !== null) return `最多选 ${max} 项`
  return '多选'
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v)
}

/** Whether a question counts as answered (an empty text or no options chosen does not). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false
  if (typeof value === 'string') return value.trim().length > 0
  if (Array.isArray(value)) return value.length > 0
  return true
}

/** The problem with one answer, or null. An unanswered optional question is fine. */
export function answerProblem(q: SurveyQuestion, value: AnswerValue | undefined): string | null {
  if (!isAnswered(value)) return q.required ? '这道题必须回答' : null
  switch (q.type) {
    case 'single':
      return isInt(value) && value >= 0 && value < q.options.length ? null : '请选择一个选项'
    case 'multiple': {
      if (!Array.isArray(value) || !value.every((v) => isInt(v) && v >= 0 && v < q.options.length))
        return '选项不存在'
      if (new Set(value).size !== value.length) return '选项重复'
      if (q.minChoices !== null && value.length < q.minChoices) return `至少选择 ${q.minChoices} 项`
      if (q.maxChoices !== null && value.length > q.maxChoices) return `最多选择 ${q.maxChoices} 项`
      return null
    }
    case 'text':
      if (typeof value !== 'string') return '请填写文字'
      return value.trim().length > TEXT_ANSWER_MAX ? `最多 ${TEXT_ANSWER_MAX} 字` : null
    case 'rating':
      return isInt(value) && value >= RATING_MIN && value <= RATING_MAX
        ? null
        : `请打 ${RATING_MIN}–${RATING_MAX} 分`
    case 'nps':
      return isInt(value) && value >= NPS_MIN && value <= NPS_MAX ? null : `请选择 ${NPS_MIN}–${NPS_MAX} 分`
  }
}

/**
 * Checks a whole response: problems keyed `answers.<questionId>`, and the answers kept (trimmed text,
 * sorted options, unanswered and unknown questions dropped).
 */
export function checkAnswers(
  questions: SurveyQuestion[],
  answers: Answers,
): { answers: Answers; problems: Record<string, string> } {
  const problems: Record<string, string> = {}
  const kept: Answers = {}
  for (const id of Object.keys(answers))
    if (!questions.some((q) => q.id === id)) problems[`answers.${id}`] = '问卷里没有这道题'
  for (const q of questions) {
    const value = answers[q.id]
    const problem = answerProblem(q, value)
    if (problem) problems[`answers.${q.id}`] = problem
    else if (isAnswered(value))
      kept[q.id] =
        typeof value === 'string'
          ? value.trim()
          : Array.isArray(value)
            ? [...value].sort((a, b) => a - b)
            : value!
  }
  return { answers: kept, problems }
}

// ── State ──

export interface SurveyTiming {
  status: SurveyStatus
  deadline: Date | string | null
}

/** The state a member sees: a published survey past its deadline is closed, closed or not by hand. */
export function effectiveStatus(survey: SurveyTiming, now: Date): SurveyStatus {
  if (
    survey.status === 'published' &&
    survey.deadline &&
    new Date(survey.deadline).getTime() <= now.getTime()
  )
    return 'closed'
  return survey.status
}

export function isOpen(survey: SurveyTiming, now: Date): boolean {
  return effectiveStatus(survey, now) === 'published'
}

/** Only drafts change their questions; publishing needs questions; closing needs a published survey. */
export function canTransition(from: SurveyStatus, to: SurveyStatus): boolean {
  if (from === 'draft') return to === 'draft' || to === 'published'
  if (from === 'published') return to === 'closed'
  return false
}

// ── Tallies ──

/**
 * Counts kept per question: `n` answered, `c` per option index (choice) or per score (rating, NPS),
 * `sum` of scores. Results add up a survey's shards and never read the responses.
 */
export interface QuestionTally {
  n: number
  c: Record<string, number>
  sum: number
}

export interface Tally {
  responses: number
  q: Record<string, QuestionTally>
}

export function emptyTally(): Tally {
  return { responses: 0, q: {} }
}

/** `tally` plus (sign 1) or minus (sign -1) one response's answers. */
export function addResponse(tally: Tally, answers: Answers, sign: 1 | -1 = 1): Tally {
  const next: Tally = { responses: tally.responses + sign, q: { ...tally.q } }
  for (const [id, value] of Object.entries(answers)) {
    const prev = next.q[id] ?? { n: 0, c: {}, sum: 0 }
    const q: QuestionTally = { n: prev.n + sign, c: { ...prev.c }, sum: prev.sum }
    const keys = Array.isArray(value) ? value : typeof value === 'number' ? [value] : []
    for (const k of keys) q.c[String(k)] = (q.c[String(k)] ?? 0) + sign
    if (typeof value === 'number') q.sum += sign * value
    next.q[id] = q
  }
  return next
}

export function mergeTallies(tallies: Tally[]): Tally {
  const total = emptyTally()
  for (const t of tallies) {
    total.responses += t.responses
    for (const [id, q] of Object.entries(t.q ?? {})) {
      const into = (total.q[id] ??= { n: 0, c: {}, sum: 0 })
      into.n += q.n
      into.sum += q.sum
      for (const [k, v] of Object.entries(q.c)) into.c[k] = (into.c[k] ?? 0) + v
    }
  }
  return total
}

/** Which shard a response's counts go to (from a hex response hash). */
export function tallyShard(hash: string): number {
  return parseInt(hash.slice(0, 6), 16) % TALLY_SHARDS
}

// ── Statistics ──

/** A percentage with one decimal: 1 of 3 → 33.3. 0 of 0 → 0. */
export function percent(count: number, total: number): number {
  return total > 0 ? Math.round((count * 1000) / total) / 10 : 0
}

/**
 * One-decimal percentages of parts of one whole that add up to exactly 100 (largest remainder), so a
 * single-choice chart never reads 33.3 + 33.3 + 33.3 = 99.9.
 */
export function wholePercents(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0)
  if (total === 0) return counts.map(() => 0)
  const exact = counts.map((c) => (c * 1000) / total)
  const floors = exact.map(Math.floor)
  let left = 1000 - floors.reduce((a, b) => a + b, 0)
  const order = exact
    .map((e, i) => ({ i, rest: e - floors[i]! }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    floors[i]! += 1
    left -= 1
  }
  return floors.map((f) => f / 10)
}

/** The average score with two decimals, or null without answers. */
export function average(sum: number, n: number): number | null {
  return n > 0 ? Math.round((sum * 100) / n) / 100 : null
}

export interface NpsBreakdown {
  /** % promoters − % detractors, a whole number from −100 to 100; null without answers. */
  score: number | null
  promoters: number
  passives: number
  detractors: number
  promotersPercent: number
  passivesPercent: number
  detractorsPercent: number
}

/** NPS from counts per score 0–10: promoters 9–10, passives 7–8, detractors 0–6. */
export function nps(counts: Record<string, number>): NpsBreakdown {
  let promoters = 0
  let passives = 0
  let detractors = 0
  for (const [k, v] of Object.entries(counts)) {
    const score = Number(k)
    if (score >= 9) promoters += v
    else if (score >= 7) passives += v
    else detractors += v
  }
  const n = promoters + passives + detractors
  const [promotersPercent, passivesPercent, detractorsPercent] = wholePercents([
    promoters,
    passives,
    detractors,
  ])
  return {
    score: n > 0 ? Math.round(((promoters - detractors) * 100) / n) : null,
    promoters,
    passives,
    detractors,
    promotersPercent: promotersPercent!,
    passivesPercent: passivesPercent!,
    detractorsPercent: detractorsPercent!,
  }
}

export interface OptionStat {
  label: string
  count: number
  /** Of those who answered the question (multiple choice: can add up to more than 100). */
  percent: number
}

export interface QuestionStats {
  id: string
  type: QuestionType
  title: string
  required: boolean
  /** How many answered this question. */
  answered: number
  options?: OptionStat[]
  average?: number | null
  /** Rating 1–5 or NPS 0–10: how many gave each score. */
  distribution?: OptionStat[]
  nps?: NpsBreakdown
}

function scoreStats(from: number, to: number, t: QuestionTally): OptionStat[] {
  const counts = Array.from({ length: to - from + 1 }, (_, i) => t.c[String(from + i)] ?? 0)
  const percents = wholePercents(counts)
  return counts.map((count, i) => ({ label: `${from + i} 分`, count, percent: percents[i]! }))
}

/** The statistics of one question from the survey's merged tally. */
export function questionStats(q: SurveyQuestion, tally: Tally): QuestionStats {
  const t = tally.q[q.id] ?? { n: 0, c: {}, sum: 0 }
  const base = { id: q.id, type: q.type, title: q.title, required: q.required, answered: t.n }
  switch (q.type) {
    case 'single': {
      const counts = q.options.map((_, i) => t.c[String(i)] ?? 0)
      const percents = wholePercents(counts)
      return {
        ...base,
        options: q.options.map((label, i) => ({ label, count: counts[i]!, percent: percents[i]! })),
      }
    }
    case 'multiple':
      return {
        ...base,
        options: q.options.map((label, i) => ({
          label,
          count: t.c[String(i)] ?? 0,
          percent: percent(t.c[String(i)] ?? 0, t.n),
        })),
      }
    case 'rating':
      return { ...base, average: average(t.sum, t.n), distribution: scoreStats(RATING_MIN, RATING_MAX, t) }
    case 'nps':
      return {
        ...base,
        average: average(t.sum, t.n),
        distribution: scoreStats(NPS_MIN, NPS_MAX, t),
        nps: nps(t.c),
      }
    case 'text':
      return base
  }
}

// ── Entry questionnaire ──

/** The onboarding questionnaire's question shape (core/onboarding QuestionnaireQuestion). */
export interface EntryQuestion {
  id: string
  text: string
  options: string[]
  multiple: boolean
}

export function entryToSurveyQuestions(questions: EntryQuestion[]): SurveyQuestion[] {
  return questions.map((q) => ({
    id: q.id,
    type: q.multiple ? 'multiple' : 'single',
    title: q.text,
    required: false,
    options: [...q.options],
    minChoices: null,
    maxChoices: null,
  }))
}

export function surveyToEntryQuestions(questions: SurveyQuestion[]): EntryQuestion[] {
  return questions
    .filter((q) => isChoice(q.type))
    .map((q) => ({ id: q.id, text: q.title, options: [...q.options], multiple: q.type === 'multiple' }))
}

/** Questionnaire answers (question id → option indexes) as survey answers. */
export function entryAnswers(questions: SurveyQuestion[], chosen: Record<string, number[]>): Answers {
  const answers: Answers = {}
  for (const q of questions) {
    const picked = chosen[q.id]
    if (!picked?.length) continue
    answers[q.id] = q.type === 'single' ? picked[0]! : [...new Set(picked)].sort((a, b) => a - b)
  }
  return answers
}

/** Whether two question lists ask the same things (then tallies can go on counting). */
export function sameQuestions(a: SurveyQuestion[], b: SurveyQuestion[]): boolean {
  const key = (qs: SurveyQuestion[]) => JSON.stringify(qs.map((q) => [q.id, q.type, q.options]))
  return key(a) === key(b)
}

// ── Export ──

/** An answer as a CSV cell: option labels joined by ；, scores as numbers, text as it is. */
export function answerCell(q: SurveyQuestion, value: AnswerValue | undefined): string | number {
  if (value === undefined) return ''
  if (q.type === 'single' && typeof value === 'number') return q.options[value] ?? ''
  if (q.type === 'multiple' && Array.isArray(value)) return value.map((i) => q.options[i] ?? '').join('；')
  return typeof value === 'string' || typeof value === 'number' ? value : ''
}
