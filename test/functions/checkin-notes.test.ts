/**
 * The member's own notes after check-in (issue 15, item 10) through the local cloud and the real
 * wx-server-sdk: the calendar's day view; editing and deleting today's note (screened like new text,
 * refused while muted, refused once the day is over or the note is 精选), which never touches the
 * check-in's ledger row; and the daily reminder timer, which sends once a day, only to subscribed
 * members who have not checked in yet.
 */
import { checkinId } from '../../cloudfunctions/core/checkin'
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { DayResult, ReminderResult, TodayResult } from '../../cloudfunctions/core/contracts/checkin'
import { shanghaiDayStart } from '../../cloudfunctions/core/time'
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

jest.setTimeout(90_000)

let cloud: RunningCloud
let db: SdkDatabase

const C = 'c-n'
const DAY = '2026-11-20'
const call = <T>(event: Record<string, unknown>, openid: string) =>
  cloud.call<ActionResult<T>>('checkin', event, openid)
/** `hour`:`minute` in Shanghai on `day`. */
const at = (day: string, hour: number, minute = 0) =>
  new Date(shanghaiDayStart(day).getTime() + (hour * 60 + minute) * 60_000).toISOString()
const checkinDoc = (openid: string, day = DAY) =>
  getDoc<{ note: string; noteStatus: string; photos: string[]; likes: number; points: number }>(
    db,
    'checkins',
    checkinId(C, openid, day),
  )
const ledgerOf = async (openid: string) =>
  (
    (await db.collection('ledger').where({ communityId: C, openid }).get()) as unknown as {
      data: object[]
    }
  ).data

beforeAll(async () => {
  cloud = await startCloud()
  db = databaseOf(sdkFor(cloud))
  await cloud.setClock(at(DAY, 9))
  await seedCommunity(db, C, 6)
  for (const openid of ['o-writer', 'o-other', 'o-muted', 'o-liker', 'o-bare'])
    await seedMember(db, C, openid, { joinedAt: new Date('2026-10-01T00:00:00Z') })
  await seedMember(db, C, 'o-admin', { role: 'admin' })
  await db
    .collection('word_lists')
    .doc(C)
    .set({
      data: {
        communityId: C,
        words: [
          { word: '团购', verdict: 'review' },
          { word: '赌博', verdict: 'risky' },
        ],
        updatedAt: now(),
      },
    })
})

afterAll(() => cloud?.stop())

it('shows the member their own note of a tapped day, and says when there is none', async () => {
  data(await call({ action: 'checkIn', note: '读完了第一章' }, 'o-writer'))
  const mine = data(await call<DayResult>({ action: 'day', day: DAY }, 'o-writer'))
  expect(mine).toMatchObject({ day: DAY, today: DAY, featured: false, editable: true })
  expect(mine.checkin).toMatchObject({ day: DAY, note: '读完了第一章', noteStatus: 'visible', photos: [] })
  // Another member asking for the same day sees only their own (none): notes are named by the caller.
  const other = data(await call<DayResult>({ action: 'day', day: DAY }, 'o-other'))
  expect(other).toEqual({ day: DAY, today: DAY, checkin: null, featured: false, editable: false })
  const earlier = data(await call<DayResult>({ action: 'day', day: '2026-11-19' }, 'o-writer'))
  expect(earlier.checkin).toBeNull()
  expect(errorCode(await call({ action: 'day', day: '2026-13-01' }, 'o-writer'))).toBe('INVALID_INPUT')
})

it('edits today’s note: screened like new text, held when it needs review, the ledger untouched', async () => {
  const ledger = await ledgerOf('o-writer')
  expect(ledger).toHaveLength(1)
  const edited = data(
    await call<DayResult>({ action: 'editNote', day: DAY, note: '读完了前两章' }, 'o-writer'),
  )
  expect(edited.checkin).toMatchObject({ note: '读完了前两章', noteStatus: 'visible', points: 5 })
  expect(await checkinDoc('o-writer')).toMatchObject({ note: '读完了前两章', noteStatus: 'visible' })

  // Risky text is refused and changes nothing.
  const risky = await call({ action: 'editNote', day: DAY, note: '来赌博吧' }, 'o-writer')
  expect(errorCode(risky)).toBe('CONTENT_RISKY')
  expect((await checkinDoc('o-writer'))?.note).toBe('读完了前两章')

  // Text that needs review is held: out of the feed, in the queue with exactly the stored text.
  const held = data(await call<DayResult>({ action: 'editNote', day: DAY, note: '团购好书' }, 'o-writer'))
  expect(held.checkin?.noteStatus).toBe('held')
  const heldRows = await db
    .collection('held_content')
    .where({ communityId: C, docId: checkinId(C, 'o-writer', DAY) })
    .get()
  expect((heldRows as unknown as { data: { text: string; status: string }[] }).data).toEqual([
    expect.objectContaining({ text: '团购好书', status: 'held' }),
  ])
  // A clean rewrite publishes it again and takes the held text out of the queue.
  data(await call({ action: 'editNote', day: DAY, note: '读完了前三章' }, 'o-writer'))
  expect(await countWhere(db, 'held_content', { communityId: C, docId: checkinId(C, 'o-writer', DAY) })).toBe(
    0,
  )
  expect(await checkinDoc('o-writer')).toMatchObject({ note: '读完了前三章', noteStatus: 'visible' })

  // An empty note is not an edit.
  expect(errorCode(await call({ action: 'editNote', day: DAY, note: '  ' }, 'o-writer'))).toBe(
    'INVALID_INPUT',
  )
  // The check-in's ledger row is exactly as it was.
  expect(await ledgerOf('o-writer')).toEqual(ledger)
})

it('refuses an edit while muted, and lets the muted member take their note down', async () => {
  data(await call({ action: 'checkIn', note: '早起跑步五公里' }, 'o-muted'))
  await db
    .collection('members')
    .doc(`${C}_o-muted`)
    .update({ data: { mutedUntil: new Date(Date.parse(at(DAY, 9)) + 86_400_000) } })
  expect(errorCode(await call({ action: 'editNote', day: DAY, note: '改一下' }, 'o-muted'))).toBe('MUTED')
  expect((await checkinDoc('o-muted'))?.note).toBe('早起跑步五公里')
  const removed = data(await call<DayResult>({ action: 'deleteNote', day: DAY }, 'o-muted'))
  expect(removed.checkin).toMatchObject({ note: '', noteStatus: 'none' })
})

it('another member cannot edit or delete someone else’s note', async () => {
  // o-other has not checked in: naming the writer's day reaches only their own (missing) check-in.
  expect(errorCode(await call({ action: 'editNote', day: DAY, note: '我改的' }, 'o-other'))).toBe('NOT_FOUND')
  expect(errorCode(await call({ action: 'deleteNote', day: DAY }, 'o-other'))).toBe('NOT_FOUND')
  // Extra fields naming another member are not accepted at all.
  const named = await call(
    { action: 'deleteNote', day: DAY, checkinId: feedItem('o-writer', DAY) },
    'o-other',
  )
  expect(errorCode(named)).toBe('INVALID_INPUT')
  expect((await checkinDoc('o-writer'))?.note).toBe('读完了前三章')
})

it('deletes the note but keeps the check-in, its points, its likes and the streak', async () => {
  data(await call({ action: 'like', checkinId: feedItem('o-writer', DAY) }, 'o-liker'))
  const ledger = await ledgerOf('o-writer')
  const before = data(await call<TodayResult>({ action: 'today' }, 'o-writer'))
  const result = data(await call<DayResult>({ action: 'deleteNote', day: DAY }, 'o-writer'))
  expect(result.checkin).toMatchObject({
    day: DAY,
    note: '',
    noteStatus: 'none',
    photos: [],
    points: 5,
    likes: 1,
  })
  const after = data(await call<TodayResult>({ action: 'today' }, 'o-writer'))
  expect(after.checkedIn).toBe(true)
  expect(after.streak).toEqual(before.streak)
  expect(await ledgerOf('o-writer')).toEqual(ledger)
  expect((await getDoc<{ balance: number }>(db, 'members', `${C}_o-writer`))?.balance).toBe(5)
  // Gone from the feed.
  const feed = data(await call<{ items: { id: string }[] }>({ action: 'feed' }, 'o-liker'))
  expect(feed.items.map((i) => i.id)).not.toContain(feedItem('o-writer', DAY))
})

it('refuses changes once the Shanghai day is over, and to a 精选 note', async () => {
  data(await call({ action: 'checkIn', note: '今天的笔记很用心' }, 'o-other'))
  data(await call({ action: 'feature', checkinId: feedItem('o-other', DAY) }, 'o-admin'))
  const featured = data(await call<DayResult>({ action: 'day', day: DAY }, 'o-other'))
  expect(featured).toMatchObject({ featured: true, editable: false })
  const refused = await call({ action: 'editNote', day: DAY, note: '换个内容' }, 'o-other')
  expect(errorCode(refused)).toBe('NOTE_FEATURED')
  expect(errorCode(await call({ action: 'deleteNote', day: DAY }, 'o-other'))).toBe('NOTE_FEATURED')
  expect((await checkinDoc('o-other'))?.note).toBe('今天的笔记很用心')

  data(await call({ action: 'checkIn', note: '深夜打卡' }, 'o-bare'))
  await cloud.setClock(at('2026-11-21', 0, 1))
  const late = await call({ action: 'editNote', day: DAY, note: '补充一句' }, 'o-bare')
  expect(late).toMatchObject({
    ok: false,
    error: { code: 'NOTE_DAY_OVER', message: '只能在打卡当天修改或删除日记，这一天已经过去了' },
  })
  expect(errorCode(await call({ action: 'deleteNote', day: DAY }, 'o-bare'))).toBe('NOTE_DAY_OVER')
  expect((await checkinDoc('o-bare'))?.note).toBe('深夜打卡')
  const past = data(await call<DayResult>({ action: 'day', day: DAY }, 'o-bare'))
  expect(past).toMatchObject({ editable: false, checkin: { note: '深夜打卡' } })
})

describe('the daily reminder', () => {
  const R = 'c-r'
  const outbox = async () =>
    (
      await cloud.control<{ messages: { touser: string; data: Record<string, { value: string }> }[] }>(
        'outbox',
        {
          templateId: 'qh-checkin-reminder',
        },
      )
    ).messages
  const subscribe = (openid: string) =>
    cloud.control('subscriptions', { openid, templateId: 'qh-checkin-reminder' })
  const tick = () => cloud.control<{ ok: boolean; data: unknown }>('timers/checkin')

  beforeAll(async () => {
    await cloud.setClock(at('2026-11-22', 6))
    await seedCommunity(db, R, 5)
    for (const openid of ['r-due', 'r-done', 'r-unsub', 'r-later', 'r-none'])
      await seedMember(db, R, openid, { joinedAt: new Date('2026-10-01T00:00:00Z') })
  })

  it('stores the member’s time and shows it on today', async () => {
    for (const openid of ['r-due', 'r-done', 'r-unsub'])
      expect(data(await call<ReminderResult>({ action: 'setReminder', time: '07:32' }, openid))).toEqual({
        time: '07:32',
      })
    data(await call({ action: 'setReminder', time: '21:00' }, 'r-later'))
    expect(data(await call<TodayResult>({ action: 'today' }, 'r-due')).reminder).toBe('07:32')
    expect(data(await call<TodayResult>({ action: 'today' }, 'r-none')).reminder).toBeNull()
    expect(await getDoc(db, 'members', `${R}_r-due`)).toMatchObject({
      reminderTime: '07:32',
      reminderSlot: 450,
    })
    expect(errorCode(await call({ action: 'setReminder', time: '25:00' }, 'r-due'))).toBe('INVALID_INPUT')
  })

  it('sends once a day, only to subscribed members who have not checked in yet', async () => {
    await subscribe('r-due')
    await subscribe('r-due')
    await subscribe('r-done')
    await subscribe('r-later')
    data(await call({ action: 'checkIn' }, 'r-done'))

    // Before the slot: nothing.
    await cloud.setClock(at('2026-11-22', 7, 25))
    expect((await tick()).ok).toBe(true)
    expect(await outbox()).toEqual([])

    await cloud.setClock(at('2026-11-22', 7, 30))
    expect((await tick()).ok).toBe(true)
    expect((await outbox()).map((m) => m.touser)).toEqual(['r-due'])
    // The next tick (which also looks back one slot) and a time moved later the same day send nothing more.
    await cloud.setClock(at('2026-11-22', 7, 35))
    await tick()
    data(await call({ action: 'setReminder', time: '07:40' }, 'r-due'))
    await cloud.setClock(at('2026-11-22', 7, 40))
    await tick()
    expect((await outbox()).map((m) => m.touser)).toEqual(['r-due'])

    // The next day, with the second subscription: once more.
    await cloud.setClock(at('2026-11-23', 7, 40))
    await tick()
    expect((await outbox()).map((m) => m.touser)).toEqual(['r-due', 'r-due'])
    // Turned off: no longer in any slot.
    data(await call({ action: 'setReminder', time: null }, 'r-due'))
    expect(await getDoc(db, 'members', `${R}_r-due`)).toMatchObject({
      reminderTime: null,
      reminderSlot: null,
    })
  })

  it('only the timer runs the job', async () => {
    expect(errorCode(await cloud.call('checkin', { Type: 'Timer' }, 'r-due'))).toBe('FORBIDDEN')
  })
})
