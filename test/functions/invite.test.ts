/**
 * Personal invite links through the local cloud and the real wx-server-sdk: a member's ref is made
 * once (even under parallel first calls); a join by ref credits the inviter once (invitedBy, the week's
 * invitesJoined, the invite rule's points) on the open, quiz and review paths; refs from another
 * community, one's own ref and unknown refs join but credit nobody; no openid reaches a member.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { InviteView, InviteesPage, MeResult } from '../../cloudfunctions/core/contracts/member'
import { isWellFormedInviteRef } from '../../cloudfunctions/core/invite'
import { addCommunity, addMember, countWhere, data, getDoc } from '../support/fixtures'
import {
  databaseOf,
  now,
  sdkFor,
  startCloud,
  type RunningCloud,
  type SdkDatabase,
} from '../support/local-cloud'

jest.setTimeout(120_000)

let cloud: RunningCloud
let db: SdkDatabase

const call = <T>(event: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>('member', event, openid)
const ok = async <T>(event: Record<string, unknown>, openid: string) => data(await call<T>(event, openid))
const invite = (openid: string) => ok<InviteView>({ action: 'invite' }, openid)
const member = (id: string) => getDoc<Record<string, unknown>>(db, 'members', id)

async function activity(communityId: string, openid: string): Promise<{ invitesJoined?: number } | null> {
  const res = (await db.collection('member_activity').where({ communityId, openid }).get()) as {
    data: { invitesJoined?: number }[]
  }
  return res.data[0] ?? null
}

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await cloud.setClock(new Date('2027-03-03T09:00:00+08:00').toISOString())
  await addCommunity(db, 'c-i', { name: '晨读社', inviteCode: 'NVTEAB', memberCount: 3 })
  await addCommunity(db, 'c-o', { name: '夜跑团', inviteCode: 'THERSA', memberCount: 1 })
  await addCommunity(db, 'c-q', { name: '答题社', inviteCode: 'QUZZYA', joinPolicy: 'quiz', memberCount: 1 })
  await addCommunity(db, 'c-r', {
    name: '审核社',
    inviteCode: 'REVEWA',
    joinPolicy: 'review',
    memberCount: 2,
  })
  await addMember(db, 'c-i', 'o-inv', { nickname: '小雨' })
  await addMember(db, 'c-i', 'o-self')
  await addMember(db, 'c-i', 'o-parallel')
  await addMember(db, 'c-o', 'o-far')
  await addMember(db, 'c-q', 'o-quizzer')
  await addMember(db, 'c-r', 'o-rev')
  await addMember(db, 'c-r', 'o-rev-admin', { role: 'admin' })
  for (const cid of ['c-i', 'c-q'])
    await db
      .collection('point_rules')
      .doc(cid)
      .set({
        data: {
          rules: { invite: { points: 30, dailyCap: null, enabled: true } },
          updatedAt: now(),
          updatedBy: 't',
        },
      })
  await db
    .collection('onboarding_settings')
    .doc('c-q')
    .set({
      data: {
        communityId: 'c-q',
        quiz: {
          questions: [{ id: 'q1', text: '群里可以发广告吗？', options: ['可以', '不可以'], answer: 1 }],
          passMark: 100,
          cooldownMinutes: 10,
        },
        updatedAt: now(),
      },
    })
})

afterAll(() => cloud?.stop())

describe('member.invite', () => {
  it('gives every member one opaque ref, the same on every call, and the community code', async () => {
    const first = await invite('o-inv')
    expect(first).toEqual({ communityName: '晨读社', code: 'NVTEAB', ref: first.ref, invitedCount: 0 })
    expect(isWellFormedInviteRef(first.ref)).toBe(true)
    expect(first.ref).not.toContain('o-inv')
    expect((await invite('o-inv')).ref).toBe(first.ref)
    expect(await member('c-i_o-inv')).toMatchObject({ inviteRef: first.ref })
  })

  it('makes one ref of 10 parallel first calls', async () => {
    const views = await Promise.all(Array.from({ length: 10 }, () => invite('o-parallel')))
    expect(new Set(views.map((v) => v.ref)).size).toBe(1)
    expect(await countWhere(db, 'invite_refs', { communityId: 'c-i', openid: 'o-parallel' })).toBe(1)
  })

  it('is for members only', async () => {
    const res = await call({ action: 'invite' }, 'o-stranger')
    expect(res.ok ? null : res.error.code).toBe('NOT_MEMBER')
  })
})

describe('joining by a personal ref', () => {
  it('credits the inviter once on an open join: invitedBy, invitesJoined and the invite points', async () => {
    const { ref } = await invite('o-inv')
    const joined = await call({ action: 'joinByInvite', code: 'nvteab', ref, nickname: '阿梨' }, 'o-new')
    expect(joined.ok).toBe(true)
    expect(JSON.stringify(joined)).not.toContain('o-inv')
    expect(await member('c-i_o-new')).toMatchObject({ invitedBy: 'o-inv' })
    // Twice, and in parallel: still one credit.
    await Promise.all([1, 2, 3].map(() => ok({ action: 'joinByInvite', code: 'NVTEAB', ref }, 'o-new')))
    expect(await activity('c-i', 'o-inv')).toMatchObject({ invitesJoined: 1 })
    expect(await getDoc(db, 'ledger', 'c-i:o-inv:invite:o-new')).toMatchObject({ delta: 30, kind: 'earn' })
    expect(await countWhere(db, 'ledger', { communityId: 'c-i', openid: 'o-inv' })).toBe(1)
    expect((await member('c-i_o-inv'))?.balance).toBe(30)

    const view = await invite('o-inv')
    expect(view.invitedCount).toBe(1)
    const page = await ok<InviteesPage>({ action: 'invitees' }, 'o-inv')
    expect(page).toEqual({
      items: [{ nickname: '阿梨', levelName: expect.any(String), joinedAt: expect.any(String) }],
      nextCursor: null,
    })
    expect(JSON.stringify([view, page])).not.toContain('o-new')
  })

  it('credits nobody for a ref from another community, but the join goes ahead', async () => {
    const { ref } = await invite('o-far')
    await ok({ action: 'joinByInvite', code: 'NVTEAB', ref }, 'o-new2')
    expect(await member('c-i_o-new2')).not.toHaveProperty('invitedBy')
    expect(await activity('c-o', 'o-far')).toBeNull()
    expect(await countWhere(db, 'ledger', { openid: 'o-far' })).toBe(0)
  })

  it('credits nobody for an unknown or malformed ref', async () => {
    await ok({ action: 'joinByInvite', code: 'NVTEAB', ref: 'zzzzzzzz' }, 'o-new3')
    await ok({ action: 'joinByInvite', code: 'NVTEAB', ref: 'o-inv' }, 'o-new4')
    expect(await member('c-i_o-new3')).not.toHaveProperty('invitedBy')
    expect(await member('c-i_o-new4')).not.toHaveProperty('invitedBy')
    expect((await invite('o-inv')).invitedCount).toBe(1)
  })

  it('credits nobody for one’s own ref (a member who left and comes back by their own link)', async () => {
    const { ref } = await invite('o-self')
    await db.collection('members').doc('c-i_o-self').remove()
    await ok({ action: 'joinByInvite', code: 'NVTEAB', ref }, 'o-self')
    expect(await member('c-i_o-self')).not.toHaveProperty('invitedBy')
    expect(await activity('c-i', 'o-self')).toBeNull()
  })

  it('keeps the ref through the entry quiz and credits the inviter when the quiz is passed', async () => {
    const { ref } = await invite('o-quizzer')
    const gated = await ok<{ status: string }>({ action: 'joinByInvite', code: 'QUZZYA', ref }, 'o-q-new')
    expect(gated.status).toBe('quiz')
    expect(JSON.stringify(gated)).not.toContain('o-quizzer')
    expect(await activity('c-q', 'o-quizzer')).toBeNull()
    await ok({ action: 'submitQuiz', communityId: 'c-q', answers: { q1: 1 } }, 'o-q-new')
    expect(await member('c-q_o-q-new')).toMatchObject({ invitedBy: 'o-quizzer' })
    expect(await activity('c-q', 'o-quizzer')).toMatchObject({ invitesJoined: 1 })
    expect(await getDoc(db, 'ledger', 'c-q:o-quizzer:invite:o-q-new')).toMatchObject({ delta: 30 })
  })

  it('keeps the ref on a review request and credits the inviter when an admin approves', async () => {
    const { ref } = await invite('o-rev')
    const asked = await ok<{ status: string }>({ action: 'joinByInvite', code: 'REVEWA', ref }, 'o-r-new')
    expect(asked.status).toBe('pending')
    expect(JSON.stringify(asked)).not.toContain('o-rev')
    expect(await activity('c-r', 'o-rev')).toBeNull()
    const approved = await cloud.call<ActionResult<unknown>>(
      'community',
      { action: 'decideJoin', openid: 'o-r-new', approve: true },
      'o-rev-admin',
    )
    expect(approved.ok).toBe(true)
    expect(await member('c-r_o-r-new')).toMatchObject({ invitedBy: 'o-rev' })
    expect(await activity('c-r', 'o-rev')).toMatchObject({ invitesJoined: 1 })
    expect((await invite('o-rev')).invitedCount).toBe(1)
  })
})

describe('member.invitees', () => {
  it('pages the newest first without exposing member ids, also when joins share an instant', async () => {
    const { ref } = await invite('o-inv')
    // Seven more joins: three at one instant, four a minute apart.
    for (const n of [1, 2, 3])
      await ok({ action: 'joinByInvite', code: 'NVTEAB', ref, nickname: `同刻${n}` }, `o-t${n}`)
    for (const n of [1, 2, 3, 4]) {
      await cloud.setClock(new Date(Date.parse('2027-03-03T10:00:00+08:00') + n * 60_000).toISOString())
      await ok({ action: 'joinByInvite', code: 'NVTEAB', ref, nickname: `后来${n}` }, `o-l${n}`)
    }
    expect((await invite('o-inv')).invitedCount).toBe(8)
    const first = await ok<InviteesPage>({ action: 'invitees' }, 'o-inv')
    expect(first.items.map((i) => i.nickname)).toEqual([
      '后来4',
      '后来3',
      '后来2',
      '后来1',
      expect.any(String),
    ])
    expect(first.nextCursor).not.toBeNull()
    const second = await ok<InviteesPage>({ action: 'invitees', cursor: first.nextCursor }, 'o-inv')
    expect(second.nextCursor).toBeNull()
    const names = [...first.items, ...second.items].map((i) => i.nickname)
    expect(new Set(names).size).toBe(8)
    expect(names).toContain('阿梨')
    const wire = JSON.stringify([first, second, Buffer.from(first.nextCursor!, 'base64url').toString()])
    expect(wire).not.toMatch(/o-(t|l|new)/)
  })
})

describe('member.me', () => {
  it('shows the worn title beside the nickname', async () => {
    expect((await ok<MeResult>({ action: 'me' }, 'o-inv')).member?.title).toBeNull()
    await db
      .collection('members')
      .doc('c-i_o-inv')
      .update({ data: { title: '早起之星' } })
    expect((await ok<MeResult>({ action: 'me' }, 'o-inv')).member?.title).toBe('早起之星')
  })
})
