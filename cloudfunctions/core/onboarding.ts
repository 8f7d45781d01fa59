/**
 * Joining and onboarding rules (SPEC §1): join policies, the review window, the entry quiz, the
 * entry questionnaire, the handbook's limits, rules versions and the new-member checklist.
 * Pure: no I/O, time is a parameter.
 */
export type JoinPolicy = 'open' | 'review' | 'quiz'
export const JOIN_POLICIES: readonly JoinPolicy[] = ['open', 'review', 'quiz']
export const JOIN_POLICY_NAMES: Record<JoinPolicy, string> = {
  open: '直接加入',
  review: '管理员审核',
  quiz: '入群答题',
}

const HOUR = 60 * 60 * 1000
const MINUTE = 60 * 1000

// ── Admin review (资格审核) ──
export const JOIN_REVIEW_DAYS = 3

export type JoinRequestStatus = 'pending' | 'approved' | 'rejected'
/** What a request shows: a pending one past its window is expired (and may be requested again). */
export type JoinRequestState = JoinRequestStatus | 'expired'

export const JOIN_REQUEST_STATE_NAMES: Record<JoinRequestState, string> = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
  expired: '已过期',
}

export function joinRequestExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + JOIN_REVIEW_DAYS * 24 * HOUR)
}

/** A request expires exactly 3 days after it was made. */
export function joinRequestState(status: JoinRequestStatus, expiresAt: Date, now: Date): JoinRequestState {
  if (status === 'pending' && now.getTime() >= expiresAt.getTime()) return 'expired'
  return status
}

/** Making a request again is allowed unless one is still pending or was approved. */
export function canRequestAgain(state: JoinRequestState): boolean {
  return state === 'expired' || state === 'rejected'
}

// ── Entry quiz (入群考试) ──
export interface QuizQuestion {
  id: string
  text: string
  options: string[]
  /** Index of the right option. */
  answer: number
}

/** What a candidate sees: the question without its answer. */
export type PublicQuizQuestion = Omit<QuizQuestion, 'answer'>

export const QUIZ_MAX_QUESTIONS = 10
export const QUIZ_MAX_OPTIONS = 6
export const QUESTION_TEXT_MAX = 60
export const OPTION_TEXT_MAX = 30
export const DEFAULT_PASS_MARK = 80
export const DEFAULT_QUIZ_COOLDOWN_MINUTES = 10
export const MAX_QUIZ_COOLDOWN_MINUTES = 7 * 24 * 60

export interface QuizSettings {
  questions: QuizQuestion[]
  /** Percent of questions answered right needed to pass, 0–100. */
  passMark: number
  cooldownMinutes: number
}

export interface QuizGrade {
  correct: number
  total: number
  /** Rounded down percent of right answers. */
  percent: number
  passed: boolean
}

/** Grade answers (question id → chosen option). A question left out counts as wrong. */
export function gradeQuiz(
  settings: Pick<QuizSettings, 'questions' | 'passMark'>,
  answers: Record<string, number>,
): QuizGrade {
  const total = settings.questions.length
  const correct = settings.questions.filter((q) => answers[q.id] === q.answer).length
  const percent = total === 0 ? 100 : Math.floor((correct * 100) / total)
  // Integer comparison: correct/total ≥ passMark/100 without rounding surprises.
  const passed = correct * 100 >= settings.passMark * total
  return { correct, total, percent, passed }
}

export function quizRetryAt(lastFailedAt: Date, cooldownMinutes: number): Date {
  return new Date(lastFailedAt.getTime() + cooldownMinutes * MINUTE)
}

/** After a fail, the quiz may be taken again once the cool-down has fully passed. */
export function canRetryQuiz(
  lastFailedAt: Date | null | undefined,
  cooldownMinutes: number,
  now: Date,
): boolean {
  if (!lastFailedAt) return true
  return now.getTime() >= quizRetryAt(lastFailedAt, cooldownMinutes).getTime()
}

export function publicQuestions(questions: QuizQuestion[]): PublicQuizQuestion[] {
  return questions.map(({ id, text, options }) => ({ id, text, options }))
}

/** Problems with a quiz an owner wants to save, keyed like zod fields; empty when fine. */
export function quizProblems(settings: QuizSettings): Record<string, string> {
  const problems: Record<string, string> = {}
  const ids = new Set<string>()
  settings.questions.forEach((q, i) => {
    if (ids.has(q.id)) problems[`quiz.questions.${i}.id`] = '题目编号重复'
    ids.add(q.id)
    if (q.answer < 0 || q.answer >= q.options.length)
      problems[`quiz.questions.${i}.answer`] = '请为这道题选一个正确答案'
  })
  return problems
}

// ── Entry questionnaire (入群问卷) ──
export interface QuestionnaireQuestion {
  id: string
  text: string
  options: string[]
  multiple: boolean
}

export const QUESTIONNAIRE_MAX_QUESTIONS = 8
export const MAX_TAGS = 20

/**
 * The profile tags a questionnaire's answers give (each chosen option's text), with the problems
 * found (unknown question, option out of range, several options on a single-choice question).
 */
export function tagsFromAnswers(
  questions: QuestionnaireQuestion[],
  answers: Record<string, number[]>,
): { tags: string[]; problems: Record<string, string> } {
  const tags: string[] = []
  const problems: Record<string, string> = {}
  for (const [id, chosen] of Object.entries(answers)) {
    const q = questions.find((x) => x.id === id)
    if (!q) {
      problems[`questionnaire.${id}`] = '问卷里没有这道题'
      continue
    }
    if (!q.multiple && chosen.length > 1) problems[`questionnaire.${id}`] = '这道题只能选一项'
    for (const index of chosen) {
      const option = q.options[index]
      if (option === undefined) problems[`questionnaire.${id}`] = '选项不存在'
      else if (!tags.includes(option)) tags.push(option)
    }
  }
  return { tags: tags.slice(0, MAX_TAGS), problems }
}

// ── Handbook and rules (新人手册, 群规) ──
export const SHORT_RULES_MAX = 100
export const FULL_RULES_MAX = 500
export const HANDBOOK_MAX_SECTIONS = 20
export const SECTION_TITLE_MAX = 30
export const SECTION_BODY_MAX = 2000

export interface HandbookSection {
  title: string
  body: string
}

/** Characters as a member counts them (an emoji is one). */
export function charCount(text: string): number {
  return [...text].length
}

export function shortRulesError(text: string): string | null {
  return charCount(text) > SHORT_RULES_MAX
    ? `简短群规最多 ${SHORT_RULES_MAX} 个字，现在 ${charCount(text)} 个字`
    : null
}

export function fullRulesError(text: string): string | null {
  return charCount(text) > FULL_RULES_MAX
    ? `完整群规最多 ${FULL_RULES_MAX} 个字，现在 ${charCount(text)} 个字`
    : null
}

export function rulesVersionId(communityId: string, version: number): string {
  return `${communityId}:v${version}`
}

export function rulesAckId(communityId: string, version: number, openid: string): string {
  return `${communityId}:v${version}:${openid}`
}

/** A member must acknowledge when rules exist and their last acknowledged version is not the current one. */
export function needsRulesAck(currentVersion: number, ackedVersion: number | null | undefined): boolean {
  return currentVersion > 0 && (ackedVersion ?? 0) !== currentVersion
}

/** Members who have not acknowledged `version`, from the counter kept in the acknowledgement transaction. */
export function notAcknowledgedCount(memberCount: number, ackCount: number): number {
  return Math.max(0, memberCount - ackCount)
}

// ── New-member checklist (新人任务) ──
export const CHECKLIST_STEPS = ['handbook', 'rules', 'intro'] as const
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number]

export const CHECKLIST_STEP_NAMES: Record<ChecklistStep, string> = {
  handbook: '阅读新人手册',
  rules: '确认群规',
  intro: '24 小时内自我介绍',
}

export const INTRO_WINDOW_HOURS = 24
export const INTRO_MIN = 5
export const INTRO_MAX = 200

/** The ledger source of a checklist step: each step pays once per member per community. */
export function checklistSource(step: ChecklistStep): `checklist:${ChecklistStep}` {
  return `checklist:${step}`
}

export function introDeadline(joinedAt: Date): Date {
  return new Date(joinedAt.getTime() + INTRO_WINDOW_HOURS * HOUR)
}

/** An introduction pays when it is made within 24 hours of joining (exactly 24 h still counts). */
export function introPays(joinedAt: Date, at: Date): boolean {
  return at.getTime() <= introDeadline(joinedAt).getTime()
}

/** The checklist shows on the home page for a member's first week, until its steps are done. */
export const CHECKLIST_VISIBLE_DAYS = 7

export function checklistVisible(joinedAt: Date, now: Date, complete: boolean): boolean {
  return !complete && now.getTime() < joinedAt.getTime() + CHECKLIST_VISIBLE_DAYS * 24 * HOUR
}
