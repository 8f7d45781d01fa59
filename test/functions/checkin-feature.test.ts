/**
 * Featuring a check-in note (精选, 优质内容) through the local cloud and the real wx-server-sdk:
 * pays the author once under a storm of parallel taps by two admins, counts a featured item in the
 * author's week, shows in the feed; members, one's own note, hidden notes and other communities are
 * refused with nothing changed.
 */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { FeatureResult, FeedResult } from '../../cloudfunctions/core/contracts/checkin'
import { countWhere, errorCode, feedItem, getDoc } from '../support/fixtures'
import {
  databaseOf,
  now,
  sdkFor,
  startCloud,
  type RunningCloud,
  type SdkDatabase,
} from '../support/local-cloud'
import { data, seedCommunity, seedMember } from './checkin-support'

jest.setTimeout(60_000)

let cloud: RunningCloud
let db: SdkDatabase

const WEEK = '2026-11-16'
const call = <T>(event: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>('checkin', event, openid)
const balanceOf = async (communityId: string, openid: string) =>
  (await getDoc<{ balance: number; totalEarned: number }>(db, 'members', `${communityId}_${openid}`))!

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await cloud.setClock('2026-11-20T04:00:00.000Z') // Friday 12:00 in Shanghai
  await seedCommunity(db, 'c-f', 10)
  await seedCommunity(db, 'c-g', 3)
  for (const openid of ['o-author', 'o-second', 'o-member', 'o-held'])
    await seedMember(db, 'c-f', openid, { joinedAt: new Date('2026-10-01T00:00:00Z') })
  await seedMember(db, 'c-f', 'o-owner', { role: 'owner' })
  await seedMember(db, 'c-f', 'o-admin', { role: 'admin' })
  await seedMember(db, 'c-f', 'o-organiser', { role: 'organiser' })
  await seedMember(db, 'c-g', 'o-g-admin', { role: 'admin' })
  await seedMember(db, 'c-g', 'o-g-author')
  // Notes mentioning 团购 wait for an admin (held: not visible, so not featurable).
  await db
    .collection('word_lists')
    .doc('c-f')
    .set({
      data: { communityId: 'c-f', words: [{ word: '团购', verdict: 'review' }], updatedAt: now() },
    })
  for (const [openid, note] of [
    ['o-author', '读完《平凡的世界》第一部，孙少平的坚持让我很感动。'],
    ['o-second', '今天和朋友聊了《三体》，重读的感觉完全不同。'],
    ['o-admin', '管理员也来打个卡：今天读了半小时。'],
  ])
    data(await call({ action: 'checkIn', note }, openid))
  data(await call({ action: 'checkIn', note: '周末团购好书，私聊我' }, 'o-held'))
  data(await call({ action: 'checkIn' }, 'o-member'))
  data(await call({ action: 'checkIn', note: '跑步团也读书' }, 'o-g-author'))
})

afterAll(() => cloud?.stop())

const AUTHOR_NOTE = feedItem('o-author', '2026-11-20')

it('shows staff what featuring pays, members nothing', async () => {
  const staff = data(await call<FeedResult>({ action: 'feed' }, 'o-admin'))
  expect(staff.feature).toEqual({ points: 50, min: 50, max: 100 })
  expect(staff.items.every((i) => !i.featured)).toBe(true)
  expect(data(await call<FeedResult>({ action: 'feed' }, 'o-member')).feature).toBeNull()
  expect(data(await call<FeedResult>({ action: 'feed' }, 'o-organiser')).feature).toBeNull()
})

it('pays the author once under 30 parallel taps by two admins, and counts one featured item', async () => {
  const before = await balanceOf('c-f', 'o-author')
  const results = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      call<FeatureResult>(
        { action: 'feature', checkinId: AUTHOR_NOTE, points: 80 },
        i % 2 ? 'o-owner' : 'o-admin',
      ),
    ),
  )
  const answers = results.map(data)
  expect(answers.filter((a) => !a.alreadyFeatured)).toHaveLength(1)
  expect(answers.every((a) => a.points === 80)).toBe(true)
  const after = await balanceOf('c-f', 'o-author')
  expect(after.balance - before.balance).toBe(80)
  expect(after.totalEarned - before.totalEarned).toBe(80)
  expect(
    await countWhere(db, 'ledger', { communityId: 'c-f', openid: 'o-author', rule: 'quality', delta: 80 }),
  ).toBe(1)
  expect(await getDoc(db, 'ledger', 'c-f:o-author:quality:checkin:2026-11-20')).toMatchObject({
    kind: 'earn',
    delta: 80,
    reason: '优质内容 · 2026-11-20 的打卡日记被设为精选',
  })
  expect(await getDoc(db, 'member_activity', `c-f:o-author:${WEEK}`)).toMatchObject({
    checkinDays: 1,
    notes: 1,
    featured: 1,
  })
  expect(await getDoc(db, 'checkins', 'c-f:o-author:2026-11-20')).toMatchObject({ featured: { points: 80 } })
  const feed = data(await call<FeedResult>({ action: 'feed' }, 'o-member'))
  expect(feed.items.find((i) => i.id === AUTHOR_NOTE)).toMatchObject({ featured: true })
  expect(feed.items.filter((i) => i.featured)).toHaveLength(1)
})

it('pays the rule by default, kept in SPEC 50–100, and refuses amounts outside it', async () => {
  await db
    .collection('point_rules')
    .doc('c-f')
    .set({ data: { rules: { quality: { points: 300 } }, updatedAt: now(), updatedBy: 'test' } })
  expect(
    errorCode(
      await call(
        { action: 'feature', checkinId: feedItem('o-second', '2026-11-20'), points: 120 },
        'o-admin',
      ),
    ),
  ).toBe('INVALID_INPUT')
  expect(
    errorCode(
      await call({ action: 'feature', checkinId: feedItem('o-second', '2026-11-20'), points: 40 }, 'o-admin'),
    ),
  ).toBe('INVALID_INPUT')
  const before = await balanceOf('c-f', 'o-second')
  const res = data(
    await call<FeatureResult>(
      { action: 'feature', checkinId: feedItem('o-second', '2026-11-20') },
      'o-admin',
    ),
  )
  expect(res).toEqual({ checkinId: feedItem('o-second', '2026-11-20'), alreadyFeatured: false, points: 100 })
  expect((await balanceOf('c-f', 'o-second')).balance - before.balance).toBe(100)
})

it('refuses members, organisers, one’s own note, hidden notes and other communities, changing nothing', async () => {
  const target = feedItem('o-admin', '2026-11-20')
  expect(errorCode(await call({ action: 'feature', checkinId: target }, 'o-member'))).toBe('FORBIDDEN')
  expect(errorCode(await call({ action: 'feature', checkinId: target }, 'o-organiser'))).toBe('FORBIDDEN')
  expect(errorCode(await call({ action: 'feature', checkinId: target }, 'o-admin'))).toBe('FEATURE_OWN_NOTE')
  // A held note is not visible; a check-in without a note has nothing to feature.
  expect(
    errorCode(await call({ action: 'feature', checkinId: feedItem('o-held', '2026-11-20') }, 'o-owner')),
  ).toBe('NOT_FOUND')
  expect(
    errorCode(await call({ action: 'feature', checkinId: feedItem('o-member', '2026-11-20') }, 'o-owner')),
  ).toBe('NOT_FOUND')
  // Another community's admin, either way round.
  expect(errorCode(await call({ action: 'feature', checkinId: target }, 'o-g-admin'))).toBe('NOT_FOUND')
  expect(
    errorCode(await call({ action: 'feature', checkinId: feedItem('o-g-author', '2026-11-20') }, 'o-owner')),
  ).toBe('NOT_FOUND')
  expect(await getDoc(db, 'checkins', 'c-f:o-admin:2026-11-20')).not.toHaveProperty('featured')
  expect(await getDoc(db, 'checkins', 'c-g:o-g-author:2026-11-20')).not.toHaveProperty('featured')
  expect(await countWhere(db, 'ledger', { source: 'quality:checkin:2026-11-20', openid: 'o-admin' })).toBe(0)
  expect(await countWhere(db, 'ledger', { source: 'quality:checkin:2026-11-20', openid: 'o-g-author' })).toBe(
    0,
  )
  expect(await getDoc(db, 'member_activity', `c-g:o-g-author:${WEEK}`)).not.toMatchObject({ featured: 1 })
})
