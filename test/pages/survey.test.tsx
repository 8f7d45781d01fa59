import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { SurveySummary, SurveyView } from '@core/contracts/survey'
import { questionStats, addResponse, emptyTally } from '@core/survey'
import SurveyListPage from '@/packages/survey/list'
import AnswerForm from '@/packages/survey/answer/AnswerForm'
import QuestionResult from '@/packages/admin/survey/results/QuestionResult'
import type { Gateway } from './gateway'
import { freshApp, loadMore } from './helpers'
import { question as q } from '../support/surveys'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-member')
})

afterEach(() => gateway.restore())

const summary = (over: Partial<SurveySummary> = {}): SurveySummary => ({
  id: 's1',
  kind: 'survey',
  title: '十一月读书会反馈',
  status: 'published',
  statusName: '进行中',
  deadline: null,
  anonymous: false,
  reward: 300,
  questionCount: 3,
  responses: 0,
  answered: false,
  publishedAt: '2026-11-20T02:00:00.000Z',
  createdAt: '2026-11-20T02:00:00.000Z',
  ...over,
})

describe('问卷列表', () => {
  test('shows open surveys with their reward and which I answered, a page at a time', async () => {
    gateway.on('survey', 'list', (input) =>
      input.cursor === 'p2'
        ? {
            ok: true,
            data: {
              items: [summary({ id: 's3', title: '线下活动调查' })],
              nextCursor: null,
              defaultReward: 300,
            },
          }
        : {
            ok: true,
            data: {
              items: [summary(), summary({ id: 's2', title: '新书投票', answered: true, anonymous: true })],
              nextCursor: 'p2',
              defaultReward: 300,
            },
          },
    )
    render(<SurveyListPage />)
    expect(await screen.findByText('十一月读书会反馈')).toBeTruthy()
    expect(screen.getByText('3 道题 · 完成得 300 积分')).toBeTruthy()
    expect(screen.getByText('已完成')).toBeTruthy()
    expect(screen.getAllByText('去填写')).toHaveLength(1)
    await loadMore('线下活动调查')
  })

  test('says so when nothing is open', async () => {
    gateway.on('survey', 'list', () => ({
      ok: true,
      data: { items: [], nextCursor: null, defaultReward: 300 },
    }))
    render(<SurveyListPage />)
    expect(await screen.findByText('暂时没有进行中的问卷')).toBeTruthy()
  })
})

describe('填写问卷', () => {
  const survey: SurveyView = {
    ...summary(),
    intro: '',
    canManage: false,
    questions: [
      q({ id: 'fav', type: 'single', title: '最喜欢的书类', options: ['小说', '历史'] }),
      q({
        id: 'when',
        type: 'multiple',
        title: '方便的时间',
        options: ['早上', '晚上', '周末'],
        minChoices: 2,
        maxChoices: 2,
      }),
      q({ id: 'nps', type: 'nps', title: '推荐给朋友的可能性' }),
    ],
  }

  test('one question at a time with progress, required marks and validation; server errors lead back', async () => {
    const sent: unknown[] = []
    let refuse = true
    const onSubmit = async (answers: unknown) => {
      sent.push(answers)
      if (refuse) return { fields: { 'answers.when': '最多选择 2 项' }, message: '还有题目没有答好' }
      return null
    }
    render(<AnswerForm survey={survey} onSubmit={onSubmit} />)
    expect(screen.getByText('第 1/3 题')).toBeTruthy()
    expect(screen.getAllByText('*').length).toBeGreaterThan(0)
    fireEvent.click(screen.getByText('下一题'))
    expect(screen.getByText('这道题必须回答')).toBeTruthy()
    fireEvent.click(screen.getByText('小说'))
    fireEvent.click(screen.getByText('下一题'))
    expect(screen.getByText('第 2/3 题')).toBeTruthy()
    expect(screen.getByText('必答 · 请选 2 项')).toBeTruthy()
    fireEvent.click(screen.getByText('早上'))
    fireEvent.click(screen.getByText('下一题'))
    expect(screen.getByText('至少选择 2 项')).toBeTruthy()
    fireEvent.click(screen.getByText('周末'))
    fireEvent.click(screen.getByText('下一题'))
    expect(screen.getByText('第 3/3 题')).toBeTruthy()
    fireEvent.click(screen.getByText('9'))
    fireEvent.click(screen.getByText('提交'))
    await waitFor(() => expect(screen.getByText('第 2/3 题')).toBeTruthy())
    expect(screen.getByText('最多选择 2 项')).toBeTruthy()
    expect(sent[0]).toEqual({ fav: 0, when: [0, 2], nps: 9 })
    refuse = false
    fireEvent.click(screen.getByText('下一题'))
    fireEvent.click(screen.getByText('提交'))
    await waitFor(() => expect(sent).toHaveLength(2))
  })

  test('a full 选 1–2 项 question refuses a third tick and says how; marks tell single from multiple', () => {
    const form: SurveyView = {
      ...survey,
      questions: [
        q({ id: 'fav', type: 'single', title: '最喜欢的书类', options: ['小说', '历史'] }),
        q({
          id: 'when',
          type: 'multiple',
          title: '方便的时间',
          options: ['早上', '晚上', '周末'],
          minChoices: 1,
          maxChoices: 2,
        }),
        q({ id: 'nps', type: 'nps', title: '你有多大可能把我们推荐给朋友？' }),
        q({ id: 'stars', type: 'rating', title: '整体满意度' }),
      ],
    }
    const { container } = render(<AnswerForm survey={form} onSubmit={async () => null} />)
    const marks = () => Array.from(container.querySelectorAll('.sv-mark'))
    expect(marks().every((m) => m.classList.contains('sv-mark--radio'))).toBe(true)
    fireEvent.click(screen.getByText('小说'))
    expect(container.querySelectorAll('.sv-mark--on')).toHaveLength(1)
    fireEvent.click(screen.getByText('下一题'))

    expect(screen.getByText('必答 · 选 1–2 项')).toBeTruthy()
    expect(marks()).toHaveLength(3)
    expect(marks().every((m) => m.classList.contains('sv-mark--check'))).toBe(true)
    fireEvent.click(screen.getByText('早上'))
    fireEvent.click(screen.getByText('晚上'))
    fireEvent.click(screen.getByText('周末'))
    expect(screen.getByText('最多选 2 项，先取消一项再选')).toBeTruthy()
    const on = Array.from(container.querySelectorAll('.sv-option--on')).map((el) => el.textContent)
    expect(on).toEqual(['✓早上', '✓晚上'])
    // Unticking one makes room again.
    fireEvent.click(screen.getByText('早上'))
    fireEvent.click(screen.getByText('周末'))
    expect(screen.queryByText('最多选 2 项，先取消一项再选')).toBeNull()
    expect(Array.from(container.querySelectorAll('.sv-option--on')).map((el) => el.textContent)).toEqual([
      '✓晚上',
      '✓周末',
    ])
    fireEvent.click(screen.getByText('下一题'))

    // The subtitle says the range; it does not repeat the question above it.
    expect(screen.getByText('你有多大可能把我们推荐给朋友？')).toBeTruthy()
    expect(screen.getByText('必答 · 0–10 分')).toBeTruthy()
    expect(container.querySelectorAll('.sv-scores--many .sv-score')).toHaveLength(11)
  })
})

describe('问卷结果', () => {
  test('charts counts and percentages, and the NPS with promoters and detractors', () => {
    const fav = q({ id: 'fav', type: 'single', title: '最喜欢的书类', options: ['小说', '历史'] })
    const nps = q({ id: 'nps', type: 'nps', title: '推荐度' })
    let tally = emptyTally()
    tally = addResponse(tally, { fav: 0, nps: 10 })
    tally = addResponse(tally, { fav: 0, nps: 3 })
    tally = addResponse(tally, { fav: 1, nps: 9 })
    render(
      <>
        <QuestionResult surveyId='s1' index={0} stats={questionStats(fav, tally)} />
        <QuestionResult surveyId='s1' index={1} stats={questionStats(nps, tally)} />
      </>,
    )
    // 小说 and the promoters are both 2 of 3; 历史 and the detractors 1 of 3.
    expect(screen.getAllByText('2 人 · 66.7%')).toHaveLength(2)
    expect(screen.getAllByText('1 人 · 33.3%')).toHaveLength(2)
    expect(screen.getByText('NPS 净推荐值（−100 到 100）')).toBeTruthy()
    expect(screen.getByText('33')).toBeTruthy()
    expect(screen.getByText('推荐者 9–10')).toBeTruthy()
    expect(screen.getByText('0 人 · 0%')).toBeTruthy()
    expect(screen.getByText('贬损者 0–6')).toBeTruthy()
  })
})
