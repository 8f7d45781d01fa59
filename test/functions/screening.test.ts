/**
 * Issue 9, the one screening path through the local cloud: a held text's queue row is written with
 * the text (parallel writers cannot make the queue show one text and store another), approval
 * publishes only the text the moderator saw, the word list matches padded words, staff text is
 * screened, and nicknames follow the core rule.
 */
import { createHash } from 'node:crypto'
import type { CheckInResult, FeedResult } from '../../cloudfunctions/core/contracts/checkin'
import type { IntroResult, Paged } from '../../cloudfunctions/core/contracts/community'
import type { HeldItem, ModerationOutputs } from '../../cloudfunctions/core/contracts/moderation'
import type { SubmitResult, SurveyView, TextAnswerPage } from '../../cloudfunctions/core/contracts/survey'
import { heldId } from '../../cloudfunctions/core/moderation'
import { question as q } from '../support/surveys'
import { sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'
import { addCommunity, addMember, caller, count, data, getDoc, type Db } from './community-support'
import { feedItem } from '../support/fixtures'
import { uploadFixture } from '../support/storage'

jest.setTimeout(120_000)

let cloud: RunningCloud
let db: Db
let call: ReturnType<typeof caller>

const T0 = '2026-11-20T02:00:00.000Z'
const CID = 'c-s'
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

beforeAll(async () => {
  cloud = await startCloud()
  db = sdkFor(cloud).database()
  call = caller(cloud)
  await cloud.setClock(T0)
  await addCommunity(db, CID, 'SCRN22')
  await addMember(db, CID, 'o-owner', 'owner', new Date(T0), '林晓')
  await addMember(db, CID, 'o-admin', 'admin', new Date(T0), '周宁')
  await addMember(db, CID, 'o-org', 'organiser', new Date(T0), '陈一帆')
  await addMember(db, CID, 'o-reader', 'member', new Date(T0), '读者')
  data(
    await call(
      'moderation',
      {
        action: 'saveWords',
        words: [
          { word: '团购', verdict: 'review' },
          { word: '拉人头', verdict: 'risky' },
        ],
      },
      'o-admin',
    ),
  )
})

afterAll(() => cloud?.stop())

async function queue(status: 'held' | 'approved' | 'rejected' = 'held'): Promise<HeldItem[]> {
  return data(
    await call<ModerationOutputs['heldList']>(
      'moderation',
      { action: 'heldList', status, limit: 100 },
      'o-admin',
    ),
  ).items
}

const approve = (item: Pick<HeldItem, 'id' | 'textHash'>) =>
  call<HeldItem>('moderation', { action: 'approve', id: item.id, textHash: item.textHash }, 'o-admin')

describe('the queue shows exactly the stored text', () => {
  it('two parallel check-ins with held notes: the queue holds the stored note, and approval publishes it', async () => {
    const ROUNDS = 8
    for (let i = 0; i < ROUNDS; i++) await addMember(db, CID, `o-race-${i}`, 'member', new Date(T0))
    await Promise.all(
      Array.from({ length: ROUNDS }, (_, i) =>
        Promise.all(
          ['A', 'B'].map((tag) =>
            call<CheckInResult>(
              'checkin',
              { action: 'checkIn', note: `${tag}${i} 周末团购书单` },
              `o-race-${i}`,
            ),
          ),
        ),
      ),
    )
    const held = await queue()
    for (let i = 0; i < ROUNDS; i++) {
      const stored = (await getDoc<{ _id: string; note: string; noteStatus: string }>(
        db,
        'checkins',
        `${CID}:o-race-${i}:2026-11-20`,
      ))!
      expect(stored.noteStatus).toBe('held')
      const item = held.find((h) => h.id === heldId(CID, 'checkins', stored._id))!
      expect({ round: i, text: item.text }).toEqual({ round: i, text: stored.note })
      expect(item.textHash).toBe(sha256(stored.note))
    }
    // Approving every queued item publishes exactly what was queued, nothing else.
    for (const item of held.filter((h) => h.kind === 'checkin_note')) data(await approve(item))
    const feed = data(await call<FeedResult>('checkin', { action: 'feed', limit: 100 }, 'o-reader'))
    const shown = feed.items.filter((f) => f.note.includes('周末团购书单')).map((f) => f.note)
    expect(shown.sort()).toEqual(
      held
        .filter((h) => h.kind === 'checkin_note')
        .map((h) => h.text)
        .sort(),
    )
    expect(shown).toHaveLength(ROUNDS)
  })

  it('two parallel survey submits with held answers: the queue holds the stored answer', async () => {
    const saved = data(
      await call<SurveyView>(
        'survey',
        {
          action: 'save',
          title: '读书会反馈',
          intro: '',
          questions: [q({ id: 'say', type: 'text', title: '想说的话' })],
          deadline: null,
          anonymous: false,
          reward: null,
        },
        'o-org',
      ),
    )
    const s = data(await call<SurveyView>('survey', { action: 'publish', surveyId: saved.id }, 'o-org'))
    const ROUNDS = 4
    for (let i = 0; i < ROUNDS; i++) await addMember(db, CID, `o-sv-${i}`, 'member', new Date(T0))
    await Promise.all(
      Array.from({ length: ROUNDS }, (_, i) =>
        Promise.all(
          ['A', 'B'].map((tag) =>
            call<SubmitResult>(
              'survey',
              { action: 'submit', surveyId: s.id, answers: { say: `${tag}${i} 想组织团购` } },
              `o-sv-${i}`,
            ),
          ),
        ),
      ),
    )
    const held = (await queue()).filter((h) => h.kind === 'survey_text')
    expect(held).toHaveLength(ROUNDS)
    for (const item of held) {
      const docId = item.id.slice(`${CID}:survey_texts:`.length)
      const stored = (await getDoc<{ text: string }>(db, 'survey_texts', docId))!
      expect(item.text).toBe(stored.text)
      data(await approve(item))
    }
    const texts = data(
      await call<TextAnswerPage>(
        'survey',
        { action: 'textAnswers', surveyId: s.id, questionId: 'say' },
        'o-org',
      ),
    )
    expect(texts.items.map((t) => t.text).sort()).toEqual(held.map((h) => h.text).sort())
  })
})

describe('approval publishes only the text the moderator saw', () => {
  const intros = async () =>
    data(await call<Paged<{ nickname: string; text: string }>>('community', { action: 'intros' }, 'o-reader'))
      .items

  it('refuses an approval of an intro rewritten after the moderator looked, then approves the new text', async () => {
    await addMember(db, CID, 'o-rewrite', 'member', new Date(T0), '改写者')
    const submit = (text: string) =>
      call<IntroResult>('community', { action: 'submitIntro', text }, 'o-rewrite')
    expect(data(await submit('我常组织团购好书')).status).toBe('held')
    const seen = (await queue()).find((h) => h.openid === 'o-rewrite')!
    expect(seen.text).toBe('我常组织团购好书')
    // The author rewrites it while the moderator reads the old version.
    expect(data(await submit('团购：加我领取优惠码')).status).toBe('held')
    expect(await approve(seen)).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_CHANGED', message: '这条内容在你查看之后有了变化，请刷新后重新审核' },
    })
    expect(await getDoc(db, 'intros', `${CID}_o-rewrite`)).toMatchObject({ status: 'held' })
    expect((await intros()).map((i) => i.nickname)).not.toContain('改写者')
    // A fresh look shows the new text; approving that publishes it.
    const fresh = (await queue()).find((h) => h.openid === 'o-rewrite')!
    expect(fresh).toMatchObject({ text: '团购：加我领取优惠码', textHash: sha256('团购：加我领取优惠码') })
    data(await approve(fresh))
    expect((await intros()).find((i) => i.nickname === '改写者')?.text).toBe('团购：加我领取优惠码')
  })

  it('puts a stored text that differs from the queue back in the queue instead of publishing it', async () => {
    await addMember(db, CID, 'o-drift', 'member', new Date(T0), '漂移者')
    data(await call<IntroResult>('community', { action: 'submitIntro', text: '团购读书卡' }, 'o-drift'))
    const seen = (await queue()).find((h) => h.openid === 'o-drift')!
    // A document changed behind the queue's back (an old row, a bug elsewhere): never published unseen.
    await db
      .collection('intros')
      .doc(`${CID}_o-drift`)
      .update({ data: { text: '没人看过的文字' } })
    expect(await approve(seen)).toMatchObject({ ok: false, error: { code: 'CONTENT_CHANGED' } })
    expect(await getDoc(db, 'intros', `${CID}_o-drift`)).toMatchObject({ status: 'held' })
    const requeued = (await queue()).find((h) => h.openid === 'o-drift')!
    expect(requeued).toMatchObject({ text: '没人看过的文字', textHash: sha256('没人看过的文字') })
  })

  it('refuses an approval without the hash, or with a wrong one', async () => {
    await addMember(db, CID, 'o-nohash', 'member', new Date(T0))
    data(await call<IntroResult>('community', { action: 'submitIntro', text: '团购爱好者' }, 'o-nohash'))
    const item = (await queue()).find((h) => h.openid === 'o-nohash')!
    expect(await call('moderation', { action: 'approve', id: item.id }, 'o-admin')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await approve({ id: item.id, textHash: sha256('别的文字') })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_CHANGED' },
    })
    expect(await getDoc(db, 'held_content', item.id)).toMatchObject({ status: 'held' })
  })
})

describe('the word list matches padded words', () => {
  it.each(['拉\u200b人\u200b头', '拉.人.头', '拉·人·头', '拉　人　头', '拉\u202e人头'])(
    'refuses %j in a check-in note',
    async (padded) => {
      const openid = `o-pad-${sha256(padded).slice(0, 6)}`
      await addMember(db, CID, openid, 'member', new Date(T0))
      expect(await call('checkin', { action: 'checkIn', note: `周末一起${padded}吧` }, openid)).toMatchObject(
        { ok: false, error: { code: 'CONTENT_RISKY' } },
      )
      expect(await count(db, 'checkins', { openid })).toBe(0)
    },
  )
})

describe('staff text is screened like member text', () => {
  // Each staff action that publishes words to members, with the text placed where members read it.
  const cases: [string, string, (text: string) => Record<string, unknown>, string][] = [
    [
      'mall item name',
      'mall',
      (text) => ({
        action: 'saveItem',
        requestId: `rq-${sha256(text).slice(0, 10)}`,
        item: {
          kind: 'physical',
          name: text,
          description: '精装',
          images: [],
          price: 100,
          stock: 5,
          limit: null,
          minLevel: 'newcomer',
          onShelf: true,
        },
      }),
      'o-admin',
    ],
    [
      'order fulfilment note',
      'mall',
      (text) => ({ action: 'fulfil', id: `${CID}:no-order`, note: text }),
      'o-admin',
    ],
    [
      'survey option',
      'survey',
      (text) => ({
        action: 'save',
        title: '读书会反馈',
        intro: '',
        questions: [q({ id: 'fav', type: 'single', title: '喜欢哪本', options: ['小说', text] })],
        deadline: null,
        anonymous: false,
        reward: null,
      }),
      'o-org',
    ],
    [
      'rules',
      'community',
      (text) => ({ action: 'publishRules', shortRules: '友善', fullRules: text }),
      'o-admin',
    ],
    [
      'handbook',
      'community',
      (text) => ({ action: 'saveHandbook', sections: [{ title: '欢迎', body: text }] }),
      'o-admin',
    ],
    [
      'join quiz question',
      'community',
      (text) => ({
        action: 'saveJoinSettings',
        policy: 'open',
        quiz: {
          questions: [{ id: 'q1', text, options: ['是', '否'], answer: 0 }],
          passMark: 100,
          cooldownMinutes: 10,
        },
        questionnaire: [],
      }),
      'o-owner',
    ],
    [
      'points adjustment reason',
      'points',
      (text) => ({
        action: 'adjust',
        memberId: `${CID}_o-reader`,
        delta: 5,
        reason: text,
        requestId: `adj-${sha256(text).slice(0, 10)}`,
      }),
      'o-admin',
    ],
    [
      'make-up card reason',
      'points',
      (text) => ({
        action: 'grantMakeupCards',
        memberId: `${CID}_o-reader`,
        count: 1,
        reason: text,
        requestId: `mk-${sha256(text).slice(0, 10)}`,
      }),
      'o-admin',
    ],
    [
      'challenge title',
      'checkin',
      (text) => ({ action: 'createChallenge', title: text, days: 3, startDay: '2026-11-21' }),
      'o-org',
    ],
  ]

  it.each(cases)(
    'refuses a %s that needs review or is risky, and writes nothing',
    async (_name, fn, event, by) => {
      const before = await Promise.all(
        ['mall_items', 'surveys', 'rules_versions', 'ledger', 'audit', 'challenges'].map((c) =>
          count(db, c, { communityId: CID }),
        ),
      )
      for (const text of ['读书测试待审词', '周末团购', '读书测试违规词', '一起拉.人.头'])
        expect({ text, res: await call(fn, event(text), by) }).toMatchObject({
          text,
          res: {
            ok: false,
            error: {
              code: 'CONTENT_RISKY',
              message: expect.stringMatching(
                /待审|团购/.test(text)
                  ? /里有需要审核的内容，请换个说法再(保存|发布)$/
                  : /里有不适宜的内容，请修改后再(保存|发布)$/,
              ),
            },
          },
        })
      const after = await Promise.all(
        ['mall_items', 'surveys', 'rules_versions', 'ledger', 'audit', 'challenges'].map((c) =>
          count(db, c, { communityId: CID }),
        ),
      )
      expect(after).toEqual(before)
      // Clean text still goes through (the fulfil case has no order to fulfil).
      const clean = await call(fn, event('欢迎大家一起读书'), by)
      if (fn === 'mall' && event('x').action === 'fulfil')
        expect(clean).toMatchObject({ error: { code: 'NOT_FOUND' } })
      else expect(clean).toMatchObject({ ok: true })
    },
  )
})

describe('nicknames', () => {
  it.each([
    ['主理人 林晓', '昵称不能包含「主理人」等身份称呼，以免被误认为社群工作人员'],
    ['管理员·小周', '昵称不能包含「管理员」等身份称呼，以免被误认为社群工作人员'],
    ['\u202e晓林', '昵称不能包含改变文字方向的字符'],
    ['小\u0007雨', '昵称不能包含控制字符或换行'],
    ['\u200b\u200b', '昵称不能是空白或看不见的字符'],
    ['\u3164', '昵称不能是空白或看不见的字符'],
  ])('refuses %j when joining, and nobody joins', async (nickname, message) => {
    const openid = `o-nick-${sha256(nickname).slice(0, 8)}`
    expect(await call('member', { action: 'joinByInvite', code: 'SCRN22', nickname }, openid)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message, fields: { nickname: message } },
    })
    expect(await count(db, 'members', { communityId: CID, openid })).toBe(0)
  })

  it('accepts an ordinary nickname', async () => {
    expect(
      await call('member', { action: 'joinByInvite', code: 'SCRN22', nickname: '时间管理者' }, 'o-nick-ok'),
    ).toMatchObject({ ok: true })
    expect(await getDoc(db, 'members', `${CID}_o-nick-ok`)).toMatchObject({ nickname: '时间管理者' })
  })
})

describe('member photos', () => {
  const control = async <T>(pathname: string, body: unknown): Promise<T> => {
    const res = await fetch(`${cloud.url}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return (await res.json()) as T
  }
  const feedPhotos = async (id: string) =>
    data(await call<FeedResult>('checkin', { action: 'feed', limit: 100 }, 'o-reader')).items.find(
      (i) => i.id === id,
    )?.photos

  it('go through the platform media check and are hidden from others until it passes', async () => {
    await control('/_local/media-checks', { delayMs: null })
    await addMember(db, CID, 'o-photo', 'member', new Date(T0))
    const photos = [
      await uploadFixture(cloud, 'checkins/o-photo/ok.jpg'),
      await uploadFixture(cloud, 'checkins/o-photo/risky-1.jpg'),
      'https://img.example.com/review-2.png',
    ]
    const done = data(
      await call<CheckInResult>('checkin', { action: 'checkIn', note: '今天读了三章', photos }, 'o-photo'),
    )
    // The author sees them, waiting; the community sees none yet.
    expect(done.checkin).toMatchObject({ photos, photoStatus: ['checking', 'checking', 'checking'] })
    expect(await feedPhotos(feedItem('o-photo', done.checkin.day))).toEqual([])
    const asked = await fetch(`${cloud.url}/_local/media-checks`).then(
      (r) => r.json() as Promise<{ checks: { mediaUrl: string; functionName: string; openid: string }[] }>,
    )
    const mine = asked.checks.filter((c) => c.openid === 'o-photo')
    expect(mine).toHaveLength(3)
    // The platform was given https URLs (temp URLs for cloud file IDs), never a cloud:// id.
    for (const c of mine)
      expect(c).toMatchObject({ mediaUrl: expect.stringMatching(/^https?:\/\//), functionName: 'checkin' })

    // A member cannot pass their own photo with a forged push.
    const rows = (await db.collection('media_checks').where({ docId: done.checkin.id }).get()) as unknown as {
      data: { _id: string }[]
    }
    const forged = rows.data.map((r) => r._id)
    expect(forged).toHaveLength(3)
    for (const trace_id of forged)
      expect(
        await call(
          'checkin',
          { MsgType: 'event', Event: 'wxa_media_check', trace_id, result: { suggest: 'pass' } },
          'o-photo',
        ),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await feedPhotos(feedItem('o-photo', done.checkin.day))).toEqual([])

    // The platform's verdicts arrive: only the passed photo is shown; the author still sees all three.
    await control('/_local/media-checks/deliver', {})
    expect(await feedPhotos(feedItem('o-photo', done.checkin.day))).toEqual([photos[0]])
    const today = data(
      await call<{ checkin: CheckInResult['checkin'] }>('checkin', { action: 'today' }, 'o-photo'),
    )
    expect(today.checkin).toMatchObject({ photos, photoStatus: ['pass', 'blocked', 'blocked'] })
  })
})
