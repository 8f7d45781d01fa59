/** The `survey` cloud function: member list and answering, and the staff builder, results and export. */
import type {
  ExportPart,
  SubmitResult,
  SurveyInputs,
  SurveyPage,
  SurveyResults,
  SurveyView,
  TextAnswerPage,
} from '@core/contracts/survey'
import type { Answers } from '@core/survey'
import { call } from './call'

export type { ExportPart, SubmitResult, SurveyPage, SurveyResults, SurveyView, TextAnswerPage }
export type { SurveySummary, TextAnswer } from '@core/contracts/survey'

export type SurveyListStatus = NonNullable<SurveyInputs['list']['status']>
export type SurveyDraft = Omit<SurveyInputs['save'], 'surveyId'>

export const list = (status?: SurveyListStatus, cursor?: string) => call('survey', 'list', { status, cursor })

export const detail = (surveyId: string) => call('survey', 'detail', { surveyId })

export const submit = (surveyId: string, answers: Answers) => call('survey', 'submit', { surveyId, answers })

export const save = (draft: SurveyDraft, surveyId?: string) =>
  call('survey', 'save', surveyId ? { ...draft, surveyId } : draft)

export const publish = (surveyId: string) => call('survey', 'publish', { surveyId })

export const close = (surveyId: string) => call('survey', 'close', { surveyId })

export const results = (surveyId: string) => call('survey', 'results', { surveyId })

export const textAnswers = (surveyId: string, questionId: string, cursor?: string) =>
  call('survey', 'textAnswers', { surveyId, questionId, cursor })

export const exportResponses = (surveyId: string, cursor?: string) =>
  call('survey', 'exportResponses', { surveyId, cursor })
