/**
 * Demo surveys for 晨光读书会: the entry questionnaire as a survey (answered by most members when they
 * joined, so their tags match), a published feedback survey with ~120 responses, a closed anonymous
 * one with its results, and a draft. Responses, tallies and reward ledger rows are shaped as the
 * `survey` function writes them; balances follow from the reward rows (seeds/context refreshDerived),
 * so `npm run verify:ledger` finds nothing after seeding. The demo member 小雨 has not answered the open
 * survey yet, so the demo can.
 */
import { memberId } from '../../../cloudfunctions/core/community'
import { ledgerReason } from '../../../cloudfunctions/core/points'
import {
  addResponse,
  emptyTally,
  entryToSurveyQuestions,
  tallyShard,
  type Answers,
  type SurveyQuestion,
  type Tally,
} from '../../../cloudfunctions/core/survey'
import {
  entrySurveyId,
  newResponseSalt,
  responseHash,
  tallyId,
  type SurveyDoc,
} from '../../../cloudfunctions/runtime/surveys'
import { DAY_MS } from '../../../cloudfunctions/core/time'
import { PERSONAS } from '../demo'
import { writeLedger, type SeedContext } from './context'

const DAY = DAY_MS
const REWARD = 300

function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const q = (
  over: Partial<SurveyQuestion> & Pick<SurveyQuestion, 'id' | 'type' | 'title'>,
): SurveyQuestion => ({
  required: true,
  options: [],
  minChoices: null,
  maxChoices: null,
  ...over,
})

const FEEDBACK: SurveyQuestion[] = [
  q({
    id: 'book',
    type: 'single',
    title: '十二月共读你最想读哪一本？',
    options: ['《置身事内》', '《额尔古纳河右岸》', '《人类简史》', '《被讨厌的勇气》'],
  }),
  q({
    id: 'time',
    type: 'multiple',
    title: '线上分享会你方便的时间（选 1–2 项）',
    options: ['周五晚上', '周六下午', '周六晚上', '周日下午'],
    minChoices: 1,
    maxChoices: 2,
  }),
  q({ id: 'rate', type: 'rating', title: '你对十一月分享会的满意度' }),
  q({ id: 'nps', type: 'nps', title: '你有多大可能把晨光读书会推荐给朋友？' }),
  q({ id: 'idea', type: 'text', title: '还有什么想对我们说的？', required: false }),
]

const RETRO: SurveyQuestion[] = [
  q({ id: 'pace', type: 'single', title: '十月共读的节奏', options: ['太快', '刚好', '太慢'] }),
  q({ id: 'rate', type: 'rating', title: '十月共读整体体验' }),
  q({ id: 'nps', type: 'nps', title: '推荐给朋友的可能性' }),
  q({ id: 'better', type: 'text', title: '怎样能让共读更好？', required: false }),
]

const IDEAS = [
  '希望分享会能录下来，错过的人可以补看。',
  '可以多选一些小说，工作日读起来轻松一点。',
  '建议每周给一个阅读进度提示，容易跟上。',
  '线下沙龙能不能也在南京办一次？',
  '喜欢现在的节奏，谢谢组织者！',
  '希望有更多书友之间的小组讨论。',
]

interface Plan {
  survey: SurveyDoc
  answer: (rnd: () => number) => Answers
  texts: string[]
  responders: { openid: string; nickname: string }[]
  from: Date
  to: Date
}

function pickWeighted(rnd: () => number, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0)
  let x = rnd() * total
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!
    if (x < 0) return i
  }
  return weights.length - 1
}

function surveyDoc(
  over: Partial<SurveyDoc> &
    Pick<SurveyDoc, '_id' | 'communityId' | 'title' | 'questions' | 'status' | 'createdAt'>,
): SurveyDoc {
  return {
    kind: 'survey',
    intro: '',
    deadline: null,
    anonymous: false,
    reward: null,
    round: 0,
    roundSince: null,
    createdBy: 'demo-organiser',
    updatedAt: over.createdAt,
    publishedAt: null,
    closedAt: null,
    // The entry questionnaire is named and keeps its plain ids (runtime/surveys.ts).
    ...(over.kind === 'entry' ? {} : { responseSalt: newResponseSalt() }),
    ...over,
  }
}

export async function seedSurveys(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const community = ctx.communities[0]!
  const cid = community.id
  const rnd = random(20261205)
  const ago = (days: number) => new Date(now.getTime() - days * DAY)
  // The personas stay free to answer in the demo.
  const personas = new Set(PERSONAS.map((p) => p.openid))
  const regular = community.members.filter((m) => !personas.has(m.openid))
  const shuffled = [...regular].sort(() => rnd() - 0.5)

  // The entry questionnaire, as the onboarding seed set it.
  const settings = (await db.collection('onboarding_settings').doc(cid).get()) as unknown as {
    data:
      | { questionnaire: { id: string; text: string; options: string[]; multiple: boolean }[] }
      | { questionnaire: never[] }[]
  }
  const questionnaire = (Array.isArray(settings.data) ? settings.data[0] : settings.data)?.questionnaire ?? []
  const entryQuestions = entryToSurveyQuestions(questionnaire)
  const entry = surveyDoc({
    _id: entrySurveyId(cid),
    communityId: cid,
    kind: 'entry',
    title: '入群问卷',
    intro: '了解你的职业、兴趣和习惯，为你推荐合适的活动。',
    questions: entryQuestions,
    status: 'published',
    reward: 0,
    roundSince: ago(90),
    createdBy: 'demo-owner',
    createdAt: ago(90),
    publishedAt: ago(90),
  })
  const feedback = surveyDoc({
    _id: `${cid}:seed-feedback`,
    communityId: cid,
    title: '十一月读书会反馈',
    intro: '花两分钟告诉我们你的想法，帮我们定下十二月的共读书目和分享会时间。',
    questions: FEEDBACK,
    status: 'published',
    deadline: new Date(now.getTime() + 8 * DAY),
    createdAt: ago(6),
    publishedAt: ago(6),
  })
  const retro = surveyDoc({
    _id: `${cid}:seed-retro`,
    communityId: cid,
    title: '十月共读复盘（匿名）',
    intro: '匿名填写，说说真实感受。',
    questions: RETRO,
    status: 'closed',
    anonymous: true,
    reward: 200,
    deadline: ago(25),
    createdAt: ago(40),
    publishedAt: ago(40),
    closedAt: ago(25),
  })
  const draft = surveyDoc({
    _id: `${cid}:seed-draft`,
    communityId: cid,
    title: '2027 年线下沙龙城市投票',
    intro: '草稿：还在和各城市的志愿者确认场地。',
    questions: [
      q({
        id: 'city',
        type: 'multiple',
        title: '你能参加哪些城市的沙龙？',
        options: ['上海', '杭州', '南京', '苏州'],
        minChoices: 1,
        maxChoices: null,
      }),
    ],
    status: 'draft',
    createdAt: ago(1),
  })

  const plans: Plan[] = [
    {
      survey: entry,
      responders: shuffled.slice(0, 140),
      from: ago(90),
      to: ago(2),
      texts: [],
      answer: (r) => {
        const a: Answers = {}
        for (const x of entryQuestions) {
          if (x.type === 'single')
            a[x.id] = pickWeighted(
              r,
              x.options.map((_, i) => (i === 1 ? 4 : 1)),
            )
          else
            a[x.id] = [
              ...new Set([Math.floor(r() * x.options.length), Math.floor(r() * x.options.length)]),
            ].sort((p, s) => p - s)
        }
        return a
      },
    },
    {
      survey: feedback,
      responders: shuffled.slice(20, 142),
      from: ago(6),
      to: ago(0.1),
      texts: IDEAS,
      answer: (r) => {
        const a: Answers = {
          book: pickWeighted(r, [5, 3, 2, 2]),
          time: [...new Set([pickWeighted(r, [3, 2, 4, 1]), pickWeighted(r, [3, 2, 4, 1])])].sort(
            (p, s) => p - s,
          ),
          rate: 1 + pickWeighted(r, [1, 2, 6, 14, 12]),
          nps: pickWeighted(r, [1, 0, 1, 1, 1, 2, 3, 8, 10, 9, 10]),
        }
        if (r() < 0.15) a.idea = IDEAS[Math.floor(r() * IDEAS.length)]!
        return a
      },
    },
    {
      survey: retro,
      responders: shuffled.slice(60, 150),
      from: ago(40),
      to: ago(26),
      texts: [],
      answer: (r) => {
        const a: Answers = {
          pace: pickWeighted(r, [3, 8, 1]),
          rate: 1 + pickWeighted(r, [1, 2, 5, 9, 6]),
          nps: pickWeighted(r, [1, 1, 1, 2, 2, 3, 5, 8, 7, 5, 5]),
        }
        if (r() < 0.1)
          a.better = ['每周进度提醒再早一点', '讨论题可以提前发', '希望有导读'][Math.floor(r() * 3)]!
        return a
      },
    },
  ]

  for (const s of [entry, feedback, retro, draft]) {
    const { _id, ...doc } = s
    await db.collection('surveys').doc(_id).set({ data: doc })
  }

  const paid = new Map<string, { source: string; reason: string; at: Date; delta: number }[]>()
  let responses = 0
  for (const plan of plans) {
    const { survey } = plan
    const shards = new Map<number, Tally>()
    const span = plan.to.getTime() - plan.from.getTime()
    const reward = survey.kind === 'entry' ? 0 : (survey.reward ?? REWARD)
    const writes: unknown[] = []
    plan.responders.forEach((m, i) => {
      const at = new Date(plan.from.getTime() + Math.floor((span * (i + rnd())) / plan.responders.length))
      const hash = responseHash(survey, m.openid)
      const id = `${survey._id}:${hash}`
      const answers = plan.answer(rnd)
      const shard = tallyShard(hash)
      shards.set(shard, addResponse(shards.get(shard) ?? emptyTally(), answers))
      const named = !survey.anonymous
      writes.push(
        db
          .collection('survey_responses')
          .doc(id)
          .set({
            data: {
              communityId: cid,
              surveyId: survey._id,
              round: survey.round,
              openid: named ? m.openid : null,
              nickname: named ? m.nickname : null,
              answers,
              points: reward,
              createdAt: at,
              updatedAt: at,
            },
          }),
      )
      for (const x of survey.questions)
        if (x.type === 'text' && typeof answers[x.id] === 'string')
          writes.push(
            db
              .collection('survey_texts')
              .doc(`${id}:${x.id}`)
              .set({
                data: {
                  communityId: cid,
                  surveyId: survey._id,
                  questionId: x.id,
                  responseId: id,
                  text: answers[x.id],
                  nickname: named ? m.nickname : null,
                  status: 'visible',
                  createdAt: at,
                },
              }),
          )
      if (survey.kind === 'entry') {
        const tags = survey.questions.flatMap((x) => {
          const v = answers[x.id]
          return (Array.isArray(v) ? v : typeof v === 'number' ? [v] : []).map((k) => x.options[k]!)
        })
        writes.push(db.collection('members').doc(memberId(cid, m.openid)).update({ data: { tags } }))
      }
      if (reward > 0) {
        const mine = paid.get(m.openid) ?? []
        mine.push({
          source: `survey:${survey._id}`,
          reason: ledgerReason('survey', survey.title),
          at,
          delta: reward,
        })
        paid.set(m.openid, mine)
      }
      responses++
    })
    for (const [shard, tally] of shards)
      writes.push(
        db
          .collection('survey_tallies')
          .doc(tallyId(survey._id, survey.round, shard))
          .set({
            data: { surveyId: survey._id, round: survey.round, responses: tally.responses, q: tally.q },
          }),
      )
    await Promise.all(writes)
  }

  // Rewards: one ledger row per response (balances, totals and levels follow in refreshDerived).
  let rows = 0
  for (const [openid, planned] of paid) {
    await writeLedger(
      db,
      planned.map((p) => ({ communityId: cid, openid, kind: 'earn' as const, rule: 'survey', ...p })),
    )
    rows += planned.length
  }
  return `4 surveys (entry, open, closed, draft), ${responses} responses, ${rows} reward ledger rows`
}
