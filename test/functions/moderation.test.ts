/** Content safety through the local cloud: word list, platform verdicts, the held queue. */
import type { IntroResult, OnboardingView, Paged } from '../../cloudfunctions/core/contracts/community'
import type { HeldItem, ModerationOutputs } from '../../cloudfunctions/core/contracts/moderation'
import { sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'
import { addCommunity, addMember, caller, count, data, getDoc, type Db } from './community-support'
import { testPublicId } from '../support/fixtures'

jest.setTimeout(60_000)

let cloud: RunningCloud
let db: Db
let call: ReturnType<typeof caller>

const T0 = '2026-11-20T02:00:00.000Z'

beforeAll(async () => {
  cloud = await startCloud()
  db = sdkFor(cloud).database()
  call = caller(cloud)
  await cloud.setClock(T0)
  await addCommunity(db, 'c-a', 'AAAA22')
  await addMember(db, 'c-a', 'o-a-owner', 'owner', new Date(T0))
  await addMember(db, 'c-a', 'o-a-admin', 'admin', new Date(T0))
  await addMember(db, 'c-a', 'o-a1', 'member', new Date(T0), '小安')
  await addMember(db, 'c-a', 'o-a2', 'member', new Date(T0))
  await addMember(db, 'c-a', 'o-a3', 'member', new Date(T0))
  await addCommunity(db, 'c-b', 'BBBB22')
  await addMember(db, 'c-b', 'o-b-owner', 'owner', new Date(T0))
})

afterAll(() => cloud?.stop())

/** Whose introductions `openid` sees, by the authors' openids (intros name authors by their public id). */
const intros = async (openid: string) =>
  data(await call<Paged<{ publicId: string }>>('community', { action: 'intros' }, openid)).items.map((i) =>
    ['o-a1', 'o-a2', 'o-a3', 'o-a4', 'o-a5'].find((o) => testPublicId(o) === i.publicId),
  )

describe('member text', () => {
  it('refuses risky text with CONTENT_RISKY and writes nothing', async () => {
    const res = await call('community', { action: 'submitIntro', text: '大家好，加微信返现哦' }, 'o-a2')
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_RISKY', message: '自我介绍包含不适宜的内容，请修改后再提交' },
    })
    expect(await count(db, 'intros', { communityId: 'c-a' })).toBe(0)
    expect(await count(db, 'held_content', { communityId: 'c-a' })).toBe(0)
    expect(await count(db, 'ledger', { communityId: 'c-a', openid: 'o-a2' })).toBe(0)
  })

  it('holds review text: hidden from others, visible to its author, shown after approval, and paid then', async () => {
    const res = data(
      await call<IntroResult>(
        'community',
        { action: 'submitIntro', text: '我是小安，平时做微商，也爱读书' },
        'o-a1',
      ),
    )
    expect(res).toMatchObject({ status: 'held', paid: 0 })
    expect(res.checklist.intro).toMatchObject({ status: 'held' })
    expect(await intros('o-a2')).toEqual([])
    const view = data(await call<OnboardingView>('community', { action: 'onboarding' }, 'o-a1'))
    expect(view.checklist.intro?.status).toBe('held')

    expect(await call('moderation', { action: 'heldList' }, 'o-a2')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const queue = data(
      await call<ModerationOutputs['heldList']>('moderation', { action: 'heldList' }, 'o-a-admin'),
    )
    expect(queue.heldCount).toBe(1)
    expect(queue.items).toEqual([
      expect.objectContaining({
        kind: 'intro',
        kindName: '自我介绍',
        nickname: '小安',
        status: 'held',
        heldBy: 'platform',
      }),
    ])

    const approved = data(
      await call<HeldItem>(
        'moderation',
        { action: 'approve', id: queue.items[0].id, textHash: queue.items[0].textHash },
        'o-a-owner',
      ),
    )
    expect(approved.status).toBe('approved')
    expect(await intros('o-a2')).toEqual(['o-a1'])
    expect(await count(db, 'ledger', { communityId: 'c-a', openid: 'o-a1', source: 'checklist:intro' })).toBe(
      1,
    )
    // Approving twice changes nothing and pays nothing more; rejecting a decided item is refused.
    data(
      await call(
        'moderation',
        { action: 'approve', id: queue.items[0].id, textHash: queue.items[0].textHash },
        'o-a-owner',
      ),
    )
    expect(await count(db, 'ledger', { communityId: 'c-a', openid: 'o-a1', source: 'checklist:intro' })).toBe(
      1,
    )
    expect(await call('moderation', { action: 'reject', id: queue.items[0].id }, 'o-a-owner')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(
      data(await call<ModerationOutputs['heldList']>('moderation', { action: 'heldList' }, 'o-a-admin'))
        .heldCount,
    ).toBe(0)
  })

  it('uses the community word list first; a rejected intro stays hidden', async () => {
    expect(
      await call('moderation', { action: 'saveWords', words: [{ word: '团购', verdict: 'review' }] }, 'o-a1'),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    data(
      await call(
        'moderation',
        {
          action: 'saveWords',
          words: [
            { word: ' 团购 ', verdict: 'review' },
            { word: '代写作业', verdict: 'risky' },
          ],
        },
        'o-a-admin',
      ),
    )
    expect(data(await call('moderation', { action: 'words' }, 'o-a-owner'))).toEqual({
      words: [
        { word: '团购', verdict: 'review' },
        { word: '代写作业', verdict: 'risky' },
      ],
    })
    expect(
      await call('community', { action: 'submitIntro', text: '接代写 作业，私聊' }, 'o-a3'),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_RISKY' },
    })
    expect(
      data(await call<IntroResult>('community', { action: 'submitIntro', text: '我常组织团购好书' }, 'o-a3'))
        .status,
    ).toBe('held')
    const queue = data(
      await call<ModerationOutputs['heldList']>('moderation', { action: 'heldList' }, 'o-a-admin'),
    )
    expect(queue.items[0]).toMatchObject({ openid: 'o-a3', heldBy: 'words' })
    data(await call('moderation', { action: 'reject', id: queue.items[0].id }, 'o-a-admin'))
    expect(await getDoc(db, 'intros', 'c-a_o-a3')).toMatchObject({ status: 'rejected' })
    expect(await intros('o-a2')).not.toContain('o-a3')
    expect(await count(db, 'ledger', { communityId: 'c-a', openid: 'o-a3', source: 'checklist:intro' })).toBe(
      0,
    )
    const rejected = data(
      await call<ModerationOutputs['heldList']>(
        'moderation',
        { action: 'heldList', status: 'rejected' },
        'o-a-admin',
      ),
    )
    expect(rejected.items.map((i) => i.openid)).toEqual(['o-a3'])
  })

  it('refuses a nickname that a word list or the platform flags', async () => {
    expect(
      await call('member', { action: 'joinByInvite', code: 'AAAA22', nickname: '团购小王' }, 'o-new'),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_RISKY' },
    })
    expect(
      await call('member', { action: 'joinByInvite', code: 'AAAA22', nickname: '测试待审词' }, 'o-new'),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_RISKY' },
    })
    expect(await count(db, 'members', { communityId: 'c-a', openid: 'o-new' })).toBe(0)
  })
})

describe('rewriting a held intro', () => {
  it('takes the old text out of the queue when the new one is clean', async () => {
    await addMember(db, 'c-a', 'o-a4', 'member', new Date(T0))
    data(await call<IntroResult>('community', { action: 'submitIntro', text: '我是代购，也爱读书' }, 'o-a4'))
    const queue = async () =>
      data(
        await call<ModerationOutputs['heldList']>('moderation', { action: 'heldList' }, 'o-a-admin'),
      ).items.map((i) => i.openid)
    expect(await queue()).toContain('o-a4')
    const clean = data(
      await call<IntroResult>('community', { action: 'submitIntro', text: '我是小四，爱读书' }, 'o-a4'),
    )
    expect(clean).toMatchObject({ status: 'visible', paid: 10 })
    expect(await queue()).not.toContain('o-a4')
    expect(await intros('o-a2')).toContain('o-a4')
  })
})

describe('between communities', () => {
  it("keeps community A's held content from community B's admins", async () => {
    data(await call<IntroResult>('community', { action: 'submitIntro', text: '测试待审词，大家好' }, 'o-a2'))
    const queue = data(
      await call<ModerationOutputs['heldList']>('moderation', { action: 'heldList' }, 'o-a-owner'),
    )
    const { id, textHash } = queue.items.find((i) => i.openid === 'o-a2')!
    const other = data(
      await call<ModerationOutputs['heldList']>('moderation', { action: 'heldList' }, 'o-b-owner'),
    )
    expect(other).toMatchObject({ items: [], heldCount: 0 })
    for (const event of [
      { action: 'approve', id, textHash },
      { action: 'reject', id },
    ])
      expect(await call('moderation', event, 'o-b-owner')).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    expect(await getDoc(db, 'held_content', id)).toMatchObject({ status: 'held' })
    expect(await getDoc(db, 'intros', 'c-a_o-a2')).toMatchObject({ status: 'held' })
  })
})
