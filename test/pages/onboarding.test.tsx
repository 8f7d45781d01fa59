import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ChecklistView, OnboardingView } from '@core/contracts/community'
import type { JoinGate } from '@core/contracts/member'
import HomePage from '@/pages/home'
import HandbookPage from '@/packages/onboarding/handbook'
import HandbookAdminPage from '@/packages/admin/onboarding/handbook'
import ModerationPage from '@/packages/admin/onboarding/moderation'
import { adminMe, memberMe, nobody, type Gateway } from './gateway'
import { freshApp, typeInto } from './helpers'
import { recorded } from './taro-stub'

let gateway: Gateway

beforeEach(() => {
  gateway = freshApp('openid-member')
})

afterEach(() => gateway.restore())

function checklist(done: Partial<Record<'handbook' | 'rules' | 'intro', number>> = {}): ChecklistView {
  const items = (['handbook', 'rules', 'intro'] as const).map((step) => ({
    step,
    title: { handbook: '阅读新人手册', rules: '确认群规', intro: '24 小时内自我介绍' }[step],
    done: done[step] !== undefined,
    paid: done[step] ?? 0,
    points: 10,
  }))
  const doneCount = items.filter((i) => i.done).length
  return {
    items,
    doneCount,
    introDeadline: '2026-11-21T02:00:00.000Z',
    introWindowOpen: true,
    intro: null,
    complete: doneCount === 3,
    visible: doneCount < 3,
  }
}

function view(overrides: Partial<OnboardingView> = {}): OnboardingView {
  return {
    sections: [{ title: '欢迎来到晨读会', body: '每天读一点。' }],
    rules: {
      version: 2,
      shortRules: '友善交流，不发广告。',
      fullRules: '一、友善交流。二、不发广告。',
      publishedAt: null,
      needsAck: true,
    },
    checklist: checklist(),
    tags: [],
    questionnaire: [],
    ...overrides,
  }
}

describe('new-member checklist on the home page', () => {
  test('shows progress, points per step and opens the step', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    gateway.on('community', 'onboarding', () => ({
      ok: true,
      data: view({ checklist: checklist({ handbook: 10 }) }),
    }))
    render(<HomePage />)
    expect(await screen.findByText('新人任务')).toBeTruthy()
    expect(screen.getByText('1/3')).toBeTruthy()
    expect(screen.getByText('已完成 · +10 积分')).toBeTruthy()
    expect(screen.getByText('新人任务已获得 10 积分')).toBeTruthy()
    fireEvent.click(screen.getByText('确认群规'))
    expect(recorded.navigations).toContainEqual({
      method: 'navigateTo',
      url: '/packages/onboarding/handbook/index?focus=rules',
    })
  })

  test('says the introduction no longer pays after 24 hours', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    gateway.on('community', 'onboarding', () => ({
      ok: true,
      data: view({ checklist: { ...checklist(), introWindowOpen: false } }),
    }))
    render(<HomePage />)
    expect(await screen.findByText('已超过 24 小时，仍可介绍，但不再获得积分')).toBeTruthy()
  })
})

describe('handbook page', () => {
  test('marks the handbook read on opening and acknowledges the current rules', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: memberMe }))
    let acked = false
    gateway.on('community', 'onboarding', () => ({
      ok: true,
      data: view({ rules: { ...view().rules, needsAck: !acked } }),
    }))
    gateway.on('community', 'readHandbook', () => ({ ok: true, data: checklist({ handbook: 10 }) }))
    gateway.on('community', 'ackRules', (input) => {
      acked = true
      return {
        ok: true,
        data: { version: input.version, recorded: true, checklist: checklist({ handbook: 10, rules: 10 }) },
      }
    })
    render(<HandbookPage />)
    expect(await screen.findByText('欢迎来到晨读会')).toBeTruthy()
    expect(screen.getByText('群规（第 2 版）')).toBeTruthy()
    await waitFor(() => expect(gateway.calls.map((c) => c.action)).toContain('readHandbook'))

    fireEvent.click(screen.getByText('已阅，我会遵守'))
    expect(await screen.findByText('✓ 你已确认第 2 版群规')).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'ackRules')?.input).toEqual({ version: 2 })
    expect(recorded.toasts).toContainEqual({ title: '已确认群规 +10 积分', icon: 'none' })
  })
})

describe('joining by policy', () => {
  const gate: JoinGate = {
    community: { id: 'c-r', name: '晨读会', slogan: '', memberCount: 12 },
    policy: 'review',
    questionnaire: [],
    request: {
      state: 'pending',
      createdAt: '2026-11-20T02:00:00.000Z',
      expiresAt: '2026-11-23T02:00:00.000Z',
    },
  }

  test('a review community answers 审核中 right on the home page', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: nobody }))
    gateway.on('member', 'joinByInvite', () => ({ ok: true, data: { status: 'pending', gate } }))
    render(<HomePage />)
    await screen.findByText('用邀请码加入')
    await typeInto('6 位邀请码', 'RD8K2M')
    fireEvent.click(screen.getByText('加入社群'))
    expect(await screen.findByText('审核中')).toBeTruthy()
    expect(screen.getByText(/你的入群申请正在审核中/)).toBeTruthy()
  })

  test('an expired request says it can be made again', async () => {
    gateway.on('member', 'me', () => ({
      ok: true,
      data: { ...nobody, pendingJoin: { ...gate, request: { ...gate.request!, state: 'expired' } } },
    }))
    render(<HomePage />)
    expect(await screen.findByText('已过期')).toBeTruthy()
    expect(screen.getByText('申请超过 3 天没有处理，已过期。可以再次输入邀请码重新申请。')).toBeTruthy()
  })

  test('a quiz community sends the person to the quiz', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: nobody }))
    gateway.on('member', 'joinByInvite', () => ({
      ok: true,
      data: {
        status: 'quiz',
        gate: {
          ...gate,
          policy: 'quiz',
          request: undefined,
          quiz: {
            questions: [{ id: 'q1', text: '几点截止？', options: ['10 点', '12 点'] }],
            passMark: 100,
            cooldownMinutes: 10,
            last: null,
            retryAt: null,
          },
        },
      },
    }))
    render(<HomePage />)
    await screen.findByText('用邀请码加入')
    await typeInto('6 位邀请码', 'RD8K2M')
    fireEvent.click(screen.getByText('加入社群'))
    await waitFor(() =>
      expect(recorded.navigations).toContainEqual({
        method: 'navigateTo',
        url: '/packages/onboarding/join/index',
      }),
    )
    expect(await screen.findByText('这个社群需要先答题：共 1 题，答对 100% 即可加入。')).toBeTruthy()
  })
})

describe('admin: rules editor', () => {
  test('refuses rules over 100 characters before asking the server', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('community', 'settings', () => ({
      ok: true,
      data: {
        policy: 'open',
        quiz: { questions: [], passMark: 80, cooldownMinutes: 10 },
        questionnaire: [],
        sections: [],
        rules: { version: 0, shortRules: '', fullRules: '', publishedAt: null, needsAck: false },
      },
    }))
    gateway.on('community', 'ackStatus', () => ({
      ok: true,
      data: { version: 0, memberCount: 3, ackCount: 0, notAcknowledged: 0, items: [], nextCursor: null },
    }))
    render(<HandbookAdminPage />)
    expect(await screen.findByText('群规（尚未发布）')).toBeTruthy()
    // Taro's Textarea draws its native <textarea> once its web component has loaded.
    const [short, full] = await waitFor(() => {
      const found = Array.from(document.querySelectorAll('textarea')).slice(-2)
      if (found.length < 2) throw new Error('the rules textareas are not drawn yet')
      return found
    })
    fireEvent.input(short, { target: { value: '读'.repeat(101) } })
    fireEvent.input(full, { target: { value: '完整群规' } })
    fireEvent.click(screen.getByText('发布新版本'))
    expect(await screen.findByText('简短群规最多 100 个字，现在 101 个字')).toBeTruthy()
    expect(gateway.calls.map((c) => c.action)).not.toContain('publishRules')
  })

  test('warns before leaving a handbook with unsaved edits, and stops once saved', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('community', 'settings', () => ({
      ok: true,
      data: {
        policy: 'open',
        quiz: { questions: [], passMark: 80, cooldownMinutes: 10 },
        questionnaire: [],
        sections: [{ title: '我们做什么', body: '每天读一点' }],
        rules: { version: 1, shortRules: '友善', fullRules: '友善交流', publishedAt: null, needsAck: false },
      },
    }))
    gateway.on('community', 'ackStatus', () => ({
      ok: true,
      data: { version: 1, memberCount: 3, ackCount: 0, notAcknowledged: 0, items: [], nextCursor: null },
    }))
    gateway.on('community', 'saveHandbook', (input) => ({ ok: true, data: { sections: input.sections } }))
    render(<HandbookAdminPage />)
    await screen.findByText('新人手册')
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(event)
      return event.defaultPrevented
    }
    expect(leave()).toBe(false)
    await typeInto('例如：我们每天做什么', '我们每天做什么事')
    expect(await screen.findByText('有未保存的修改')).toBeTruthy()
    expect(leave()).toBe(true)
    fireEvent.click(screen.getByText('保存手册'))
    await waitFor(() => expect(recorded.toasts.at(-1)?.title).toBe('手册已保存'))
    await waitFor(() => expect(screen.queryByText('有未保存的修改')).toBeNull())
    expect(gateway.calls.find((c) => c.action === 'saveHandbook')?.input).toMatchObject({
      sections: [{ title: '我们每天做什么事', body: '每天读一点' }],
    })
    expect(leave()).toBe(false)
  })
})

describe('admin: held content', () => {
  test('lists held text and asks before rejecting', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    let status = 'held'
    gateway.on('moderation', 'heldList', () => ({
      ok: true,
      data: {
        items:
          status === 'held'
            ? [
                {
                  id: 'h1',
                  kind: 'intro',
                  kindName: '自我介绍',
                  openid: 'o1',
                  nickname: '阿远',
                  text: '我做微商',
                  textHash: 't1',
                  status: 'held',
                  heldBy: 'platform',
                  reports: null,
                  createdAt: '2026-11-20T02:00:00.000Z',
                  decidedAt: null,
                },
              ]
            : [],
        nextCursor: null,
        heldCount: status === 'held' ? 1 : 0,
      },
    }))
    gateway.on('moderation', 'words', () => ({
      ok: true,
      data: { words: [{ word: '团购', verdict: 'review' }] },
    }))
    gateway.on('moderation', 'reject', () => {
      status = 'rejected'
      return {
        ok: true,
        data: {
          id: 'h1',
          kind: 'intro',
          kindName: '自我介绍',
          openid: 'o1',
          nickname: '阿远',
          text: '我做微商',
          textHash: 't1',
          status: 'rejected',
          heldBy: 'platform',
          reports: null,
          createdAt: '2026-11-20T02:00:00.000Z',
          decidedAt: '2026-11-20T03:00:00.000Z',
        },
      }
    })
    render(<ModerationPage />)
    expect(await screen.findByText('我做微商')).toBeTruthy()
    expect(screen.getByText('团购 · 待审 ×')).toBeTruthy()
    recorded.modalConfirms = false
    fireEvent.click(screen.getByText('拒绝'))
    await waitFor(() => expect(recorded.modals).toHaveLength(1))
    expect(gateway.calls.map((c) => c.action)).not.toContain('reject')
    recorded.modalConfirms = true
    fireEvent.click(screen.getByText('拒绝'))
    expect(await screen.findByText('没有待审核的内容')).toBeTruthy()
    expect(gateway.calls.find((c) => c.action === 'reject')?.input).toEqual({ id: 'h1' })
  })

  test('a reported reply shows how many reported it and why', async () => {
    gateway.on('member', 'me', () => ({ ok: true, data: adminMe }))
    gateway.on('moderation', 'heldList', () => ({
      ok: true,
      data: {
        items: [
          {
            id: 'h2',
            kind: 'reply_reported',
            kindName: '被举报的回复',
            openid: 'o2',
            nickname: '小林',
            text: '加我微信买书',
            textHash: 't2',
            status: 'held',
            heldBy: 'reports',
            reports: { count: 3, reasons: ['像广告', '刷屏'] },
            createdAt: '2026-11-20T02:00:00.000Z',
            decidedAt: null,
          },
        ],
        nextCursor: null,
        heldCount: 1,
      },
    }))
    gateway.on('moderation', 'words', () => ({ ok: true, data: { words: [] } }))
    render(<ModerationPage />)
    expect(await screen.findByText('举报理由：像广告；刷屏')).toBeTruthy()
    expect(screen.getByText(/^3 位成员举报 · /)).toBeTruthy()
  })
})
