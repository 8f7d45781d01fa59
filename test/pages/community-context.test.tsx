import { render, screen, waitFor } from '@testing-library/react'
import HomePage from '@/pages/home'
import * as checkin from '@/services/checkin'
import * as member from '@/services/member'
import { setPersona } from '@/services/session'
import { community, memberMe, type Gateway } from './gateway'
import { freshApp } from './helpers'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-member')
})

afterEach(() => gateway.restore())

const today = {
  today: '2026-11-22',
  checkedIn: false,
  checkin: null,
  streak: { current: 0, longest: 0, total: 0, lastDay: null },
  makeupCards: 0,
  missableDays: [],
  pointsPerCheckin: 5,
  reminder: null,
}

describe('the community context', () => {
  test('each call sends the community the last answer named', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe, community: community.id }))
    gateway.on('checkin', 'today', () => ({ ok: true, data: today, community: community.id }))
    gateway.on('member', 'joinByInvite', () => ({
      ok: true,
      data: {
        status: 'joined',
        community: { ...community, id: 'c-run' },
        member: memberMe.member!,
        alreadyMember: false,
      },
      community: 'c-run',
    }))

    await member.me()
    await checkin.today()
    await member.joinByInvite({ code: 'RUN123' })
    await checkin.today()

    expect(gateway.calls.map((c) => [c.action, c.community])).toEqual([
      ['me', undefined],
      ['today', community.id],
      ['joinByInvite', community.id],
      ['today', 'c-run'],
    ])
    // Context travels beside the input, never inside it.
    expect(gateway.calls[1].input).toEqual({})
  })

  test('a refusal that names the community is remembered too', async () => {
    gateway.on('checkin', 'today', () => ({
      ok: false,
      error: { code: 'NOT_MEMBER', message: '你还不是这个社群的成员' },
      community: community.id,
    }))
    await expect(checkin.today()).rejects.toMatchObject({ code: 'NOT_MEMBER' })
    await expect(checkin.today()).rejects.toMatchObject({ code: 'NOT_MEMBER' })
    expect(gateway.calls.map((c) => c.community)).toEqual([undefined, community.id])
  })

  test('another persona starts without the previous one’s community', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe, community: community.id }))
    await member.me()
    setPersona('openid-other')
    await member.me()
    expect(gateway.calls.map((c) => [c.openid, c.community])).toEqual([
      ['openid-member', undefined],
      ['openid-other', undefined],
    ])
  })

  test('the home page asks with the community its first answer named', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe, community: community.id }))
    render(<HomePage />)
    expect(await screen.findByText('晨读会')).toBeTruthy()
    await waitFor(() => expect(gateway.calls.length).toBeGreaterThan(1))
    expect(gateway.calls[0].community).toBeUndefined()
    expect(gateway.calls.slice(1).every((c) => c.community === community.id)).toBe(true)
  })
})
