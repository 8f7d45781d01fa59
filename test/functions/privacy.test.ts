/**
 * Anonymous means anonymous; openids stay private (issue 9 §5), against the seeded demo cloud:
 * - every member-facing action, called as a member, answers without any other member's openid;
 * - an anonymous survey's response ids cannot be computed from an openid, and still one per member.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { FeedResult } from '../../cloudfunctions/core/contracts/checkin'
import type { IntroItem, Paged } from '../../cloudfunctions/core/contracts/community'
import type { SubmitResult, SurveyPage, SurveyView } from '../../cloudfunctions/core/contracts/survey'
import { question as q } from '../support/surveys'
import { REPO_ROOT, sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'
import { data, type Db } from './community-support'

jest.setTimeout(180_000)

let cloud: RunningCloud
let db: Db
const ME = 'demo-member'
const call = <T>(fn: string, event: Record<string, unknown>, openid = ME) =>
  cloud.call<ActionResult<T>>(fn, event, openid)

beforeAll(async () => {
  cloud = await startCloud({ seed: true })
  db = sdkFor(cloud).database()
})

afterAll(() => cloud?.stop())

/** Every action of every function, read from the functions' own tables (cloudfunctions/<fn>/index.ts). */
function everyAction(): { fn: string; action: string }[] {
  const root = path.join(REPO_ROOT, 'cloudfunctions')
  const out: { fn: string; action: string }[] = []
  for (const fn of fs.readdirSync(root)) {
    const index = path.join(root, fn, 'index.ts')
    if (!fs.existsSync(index)) continue
    const table = /defineFunction\(\{([^}]*)\}\)/.exec(fs.readFileSync(index, 'utf8'))
    if (!table) continue
    for (const name of table[1].split(',').map((n) => n.trim().split(':')[0].trim()))
      if (name) out.push({ fn, action: name })
  }
  return out
}

async function allOpenids(): Promise<string[]> {
  const out: string[] = []
  for (let skip = 0; ; skip += 1000) {
    const res = (await db
      .collection('members')
      .field({ openid: true })
      .skip(skip)
      .limit(1000)
      .get()) as unknown as {
      data: { openid: string }[]
    }
    out.push(...res.data.map((m) => m.openid))
    if (res.data.length < 1000) return [...new Set(out)]
  }
}

describe('openids stay private', () => {
  it('no member-facing response carries another member’s openid', async () => {
    const others = (await allOpenids()).filter((o) => o !== ME)
    expect(others.length).toBeGreaterThan(100)
    const feed = data(await call<FeedResult>('checkin', { action: 'feed', limit: 50 }))
    const otherItem = feed.items.find((i) => !i.mine)!
    expect(otherItem).toBeDefined()
    const surveys = data(await call<SurveyPage>('survey', { action: 'list' }))
    const items = data(await call<{ items: { id: string }[] }>('mall', { action: 'items' }))
    // Inputs for actions that need them; everything else is called with none.
    const inputs: Record<string, Record<string, unknown>[]> = {
      'checkin.calendar': [{ month: new Date().toISOString().slice(0, 7) }],
      'checkin.feed': [{ limit: 100 }],
      'checkin.like': [{ checkinId: otherItem.id }],
      'checkin.unlike': [{ checkinId: otherItem.id }],
      'community.intros': [{ limit: 100 }],
      'rank.board': [{ kind: 'total' }, { kind: 'week' }, { kind: 'month' }, { kind: 'streak' }],
      'survey.list': [{}, { status: 'closed' }],
      'survey.detail': surveys.items.map((s) => ({ surveyId: s.id })),
      'mall.item': items.items.slice(0, 3).map((i) => ({ id: i.id })),
      'points.ledger': [{ limit: 100 }],
    }
    const leaks: string[] = []
    let answered = 0
    for (const { fn, action } of everyAction()) {
      for (const input of inputs[`${fn}.${action}`] ?? [{}]) {
        const res = await call<unknown>(fn, { action, ...input })
        // Refusals (a member may not call staff actions) carry no data; answers are scanned whole.
        if (!res.ok) continue
        answered++
        const text = JSON.stringify(res.data)
        for (const openid of others)
          if (text.includes(openid)) leaks.push(`${fn}.${action} ${JSON.stringify(input)}: ${openid}`)
      }
    }
    expect(answered).toBeGreaterThan(20)
    expect(leaks).toEqual([])
  })

  it('names other members by a random public id that like resolves', async () => {
    const feed = data(await call<FeedResult>('checkin', { action: 'feed' }))
    const item = feed.items.find((i) => !i.mine)!
    expect(item.id).toMatch(/^[A-Za-z0-9_-]{16}:\d{4}-\d{2}-\d{2}$/)
    const liked = data(await call<{ liked: boolean }>('checkin', { action: 'like', checkinId: item.id }))
    expect(liked.liked).toBe(true)
    const again = data(await call<FeedResult>('checkin', { action: 'feed' }))
    expect(again.items.find((i) => i.id === item.id)).toMatchObject({ likedByMe: true })
    const intros = data(await call<Paged<IntroItem>>('community', { action: 'intros' }))
    expect(intros.items.length).toBeGreaterThan(0)
    for (const i of intros.items) {
      expect(i.publicId).toMatch(/^[A-Za-z0-9_-]{16}$/)
      expect(i).not.toHaveProperty('openid')
    }
    // The public id is stored on the member, and says nothing about the openid.
    const [author] = (
      (await db
        .collection('members')
        .where({ communityId: 'demo-reading', publicId: item.id.split(':')[0] })
        .get()) as unknown as { data: { openid: string }[] }
    ).data
    expect(author.openid).toMatch(/^demo-/)
    expect(item.id).not.toContain(author.openid)
  })
})

describe('anonymous answers cannot be linked to anyone', () => {
  it('gives an anonymous response an id nobody can compute from an openid, one per member', async () => {
    const saved = data(
      await call<SurveyView>(
        'survey',
        {
          action: 'save',
          title: '匿名小调查',
          intro: '',
          questions: [q({ id: 'fav', type: 'single', options: ['小说', '历史'] })],
          deadline: null,
          anonymous: true,
          reward: 0,
        },
        'demo-organiser',
      ),
    )
    data(await call('survey', { action: 'publish', surveyId: saved.id }, 'demo-organiser'))
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call<SubmitResult>('survey', { action: 'submit', surveyId: saved.id, answers: { fav: 1 } }),
      ),
    )
    expect(answers.map(data).filter((a) => !a.alreadyAnswered)).toHaveLength(1)
    const res = (await db.collection('survey_responses').where({ surveyId: saved.id }).get()) as unknown as {
      data: { _id: string; openid: string | null; nickname: string | null }[]
    }
    expect(res.data).toHaveLength(1)
    const [response] = res.data
    expect(response).toMatchObject({ openid: null, nickname: null })
    // The old id was sha256(surveyId:openid): anyone holding an openid could find the answer.
    const traceable = createHash('sha256').update(`${saved.id}:${ME}`).digest('hex').slice(0, 32)
    expect(response._id).not.toContain(traceable)
    for (const openid of await allOpenids()) {
      for (const guess of [`${saved.id}:${openid}`, openid, `${openid}:${saved.id}`])
        expect(response._id).not.toContain(createHash('sha256').update(guess).digest('hex').slice(0, 32))
    }
    // The survey's secret stays on the server: no view of the survey shows it.
    const survey = (await db.collection('surveys').doc(saved.id).get()) as unknown as {
      data: { responseSalt?: string }
    }
    const salt = survey.data.responseSalt!
    expect(salt).toMatch(/^[0-9a-f]{64}$/)
    for (const view of [
      await call('survey', { action: 'detail', surveyId: saved.id }),
      await call('survey', { action: 'list' }),
      await call('survey', { action: 'detail', surveyId: saved.id }, 'demo-organiser'),
      await call('survey', { action: 'results', surveyId: saved.id }, 'demo-organiser'),
      await call('survey', { action: 'exportResponses', surveyId: saved.id }, 'demo-organiser'),
    ])
      expect(JSON.stringify(view)).not.toContain(salt)
    // The member still sees that they answered.
    expect(data(await call<SurveyView>('survey', { action: 'detail', surveyId: saved.id })).answered).toBe(
      true,
    )
  })
})
