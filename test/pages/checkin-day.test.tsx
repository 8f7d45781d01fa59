/**
 * The calendar's day view (issue 15, item 10): tapping a day shows the member's own note and photos,
 * a day without a check-in says so, and today's note can be edited or deleted (the confirmation says
 * the check-in and its points stay); a past or 精选 note offers no change.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import CalendarPage from '@/packages/checkin/calendar'
import Reminder from '@/pages/home/components/CheckinCard/Reminder'
import { subscribeRequests } from '@/services/subscribe'
import { checkinStore } from '@/hooks/useCheckin'
import type { CalendarResult, DayResult, MyCheckin } from '@/services/checkin'
import { calendarMonth } from '@core/checkin'
import type { Gateway } from './gateway'
import { freshApp } from './helpers'
import { recorded } from './taro-stub'

let gateway: Gateway

const TODAY = '2026-11-22'
const streak = { current: 2, longest: 6, total: 9, lastDay: TODAY }

const calendar: CalendarResult = {
  ...calendarMonth(
    '2026-11',
    [
      { day: '2026-11-20', madeUp: false },
      { day: TODAY, madeUp: false },
    ],
    TODAY,
    '2026-01-01',
  ),
  today: TODAY,
  streak,
  makeupCards: 0,
}

function mine(day: string, note: string, overrides: Partial<MyCheckin> = {}): MyCheckin {
  return {
    id: `c_${day}`,
    day,
    note,
    noteStatus: note ? 'visible' : 'none',
    photos: [],
    madeUp: false,
    likes: 0,
    points: 5,
    createdAt: `${day}T01:00:00.000Z`,
    ...overrides,
  }
}

function dayResult(day: string, checkin: MyCheckin | null, featured = false): DayResult {
  return { day, today: TODAY, checkin, featured, editable: !!checkin && day === TODAY && !featured }
}

beforeEach(() => {
  gateway = freshApp('openid-member')
  checkinStore.reset()
  gateway.on('checkin', 'today', () => ({
    ok: true,
    data: {
      today: TODAY,
      checkedIn: true,
      checkin: mine(TODAY, '今天读了二十页'),
      streak,
      makeupCards: 0,
      missableDays: [],
      pointsPerCheckin: 5,
      reminder: null,
    },
  }))
  gateway.on('checkin', 'calendar', () => ({ ok: true, data: calendar }))
})

afterEach(() => gateway.restore())

async function noteBox(): Promise<HTMLTextAreaElement> {
  return waitFor(() => {
    const found = document.querySelector('textarea')
    if (!found) throw new Error('no textarea yet')
    return found
  })
}

async function openCalendar(): Promise<void> {
  // Today's card (home page) has loaded today's check-in, as it has in the app.
  await checkinStore.refresh('member')
  render(<CalendarPage />)
  expect(await screen.findByText('2026年11月')).toBeTruthy()
}

test('tapping a past day shows its note and photos, without changes offered', async () => {
  gateway.on('checkin', 'day', (input) => ({
    ok: true,
    data: dayResult(
      input.day as string,
      input.day === '2026-11-20'
        ? mine('2026-11-20', '读完《活着》，很受触动', { photos: ['https://img.example/a.jpg'] })
        : null,
    ),
  }))
  await openCalendar()
  fireEvent.click(screen.getByText('20'))
  expect(await screen.findByText('读完《活着》，很受触动')).toBeTruthy()
  expect(screen.getByText('11月20日 已打卡 · +5 积分')).toBeTruthy()
  expect(document.querySelector('[src="https://img.example/a.jpg"]')).toBeTruthy()
  expect(screen.queryByText('修改日记')).toBeNull()
  expect(screen.queryByText('删除日记')).toBeNull()

  fireEvent.click(screen.getByText('3'))
  expect(await screen.findByText('11月3日 没有打卡。')).toBeTruthy()
  expect(gateway.calls.filter((c) => c.action === 'day').map((c) => c.input)).toEqual([
    { day: '2026-11-20' },
    { day: '2026-11-03' },
  ])
  // A day still to come is not a day to read.
  fireEvent.click(screen.getByText('28'))
  expect(gateway.calls.filter((c) => c.action === 'day')).toHaveLength(2)
})

test('edits today’s note and shows the saved text', async () => {
  gateway.on('checkin', 'day', () => ({ ok: true, data: dayResult(TODAY, mine(TODAY, '今天读了二十页')) }))
  gateway.on('checkin', 'editNote', (input) => ({
    ok: true,
    data: dayResult(TODAY, mine(TODAY, input.note as string)),
  }))
  await openCalendar()
  fireEvent.click(screen.getByText('22'))
  fireEvent.click(await screen.findByText('修改日记'))
  fireEvent.input(await noteBox(), { target: { value: '今天读了三十页，做了笔记' } })
  fireEvent.click(screen.getByText('保存日记'))
  expect(await screen.findByText('今天读了三十页，做了笔记')).toBeTruthy()
  expect(gateway.calls.find((c) => c.action === 'editNote')?.input).toEqual({
    day: TODAY,
    note: '今天读了三十页，做了笔记',
  })
  expect(recorded.toasts).toContainEqual({ title: '日记已更新', icon: 'success' })
  expect(checkinStore.get().data?.checkin?.note).toBe('今天读了三十页，做了笔记')
})

test('a refused edit shows the server’s reason next to the form', async () => {
  gateway.on('checkin', 'day', () => ({ ok: true, data: dayResult(TODAY, mine(TODAY, '今天读了二十页')) }))
  gateway.on('checkin', 'editNote', () => ({
    ok: false,
    error: { code: 'NOTE_DAY_OVER', message: '只能在打卡当天修改或删除日记，这一天已经过去了' },
  }))
  await openCalendar()
  fireEvent.click(screen.getByText('22'))
  fireEvent.click(await screen.findByText('修改日记'))
  fireEvent.input(await noteBox(), { target: { value: '改一改' } })
  fireEvent.click(screen.getByText('保存日记'))
  expect(await screen.findByText('只能在打卡当天修改或删除日记，这一天已经过去了')).toBeTruthy()
})

test('deletes today’s note after a confirmation that says the check-in and points stay', async () => {
  gateway.on('checkin', 'day', () => ({ ok: true, data: dayResult(TODAY, mine(TODAY, '今天读了二十页')) }))
  gateway.on('checkin', 'deleteNote', () => ({ ok: true, data: dayResult(TODAY, mine(TODAY, '')) }))
  await openCalendar()
  fireEvent.click(screen.getByText('22'))
  fireEvent.click(await screen.findByText('删除日记'))
  expect(await screen.findByText('这天打卡没有写日记。')).toBeTruthy()
  expect(recorded.modals.at(-1)).toMatchObject({
    title: '删除这篇日记？',
    content: '日记和照片会删除，打卡记录、连续天数和获得的积分都会保留。',
  })
  expect(gateway.calls.find((c) => c.action === 'deleteNote')?.input).toEqual({ day: TODAY })
  expect(screen.getByText('补写日记')).toBeTruthy()
})

test('cancelling the delete changes nothing, and a 精选 note offers no change', async () => {
  recorded.modalConfirms = false
  let featured = false
  gateway.on('checkin', 'day', () => ({
    ok: true,
    data: dayResult(TODAY, mine(TODAY, '今天读了二十页'), featured),
  }))
  await openCalendar()
  fireEvent.click(screen.getByText('22'))
  fireEvent.click(await screen.findByText('删除日记'))
  await waitFor(() => expect(recorded.modals).toHaveLength(1))
  expect(gateway.calls.some((c) => c.action === 'deleteNote')).toBe(false)
  expect(screen.getByText('今天读了二十页')).toBeTruthy()

  featured = true
  fireEvent.click(screen.getByText('20'))
  fireEvent.click(screen.getByText('22'))
  expect(await screen.findByText('这篇日记已被设为精选，不能再修改或删除。')).toBeTruthy()
  expect(screen.queryByText('修改日记')).toBeNull()
})

test('the daily reminder: the tap that sets the time asks for the subscription, then saves it', async () => {
  gateway.on('checkin', 'setReminder', (input) => ({ ok: true, data: { time: input.time } }))
  await checkinStore.refresh('member')
  const { rerender } = render(<Reminder time={null} />)
  fireEvent.click(screen.getByText('设置每日打卡提醒 ›'))
  fireEvent.click(screen.getByText('每天 20:00 提醒我打卡'))
  await waitFor(() => expect(checkinStore.get().data?.reminder).toBe('20:00'))
  expect(gateway.calls.find((c) => c.action === 'setReminder')?.input).toEqual({ time: '20:00' })
  expect(subscribeRequests().at(-1)?.asked).toEqual(['checkinReminder'])
  expect(recorded.toasts.at(-1)?.title).toBe(
    '每天 20:00 提醒你打卡 · 本地体验不支持订阅消息，真机上会弹出授权',
  )

  rerender(<Reminder time='20:00' />)
  fireEvent.click(screen.getByText('关闭'))
  await waitFor(() => expect(checkinStore.get().data?.reminder).toBeNull())
  expect(gateway.calls.filter((c) => c.action === 'setReminder').at(-1)?.input).toEqual({ time: null })
})
