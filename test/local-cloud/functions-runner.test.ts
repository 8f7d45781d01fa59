/**
 * The local cloud runs functions as the cloud does: identity in the environment, one invocation per
 * instance at a time, instances in parallel, callFunction between functions, timer triggers, the
 * clock. Fixture functions in test/fixtures/functions are built with the product's own build.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFunctions } from '../../tools/build-functions'
import { now, sdkFor, startCloud, REPO_ROOT, type RunningCloud } from '../support/local-cloud'

jest.setTimeout(60_000)

type Probe = { openid: string | null; appid: string | null; pid: number; concurrent: number; now: string }

let cloud: RunningCloud

beforeAll(async () => {
  const functionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunhuo-fixture-fns-'))
  await buildFunctions(path.join(REPO_ROOT, 'test/fixtures/functions'), functionsDir)
  cloud = await startCloud({ env: { LOCAL_CLOUD_FUNCTIONS: functionsDir, LOCAL_CLOUD_TIMERS: '1' } })
  await sdkFor(cloud).database().createCollection('timer_fires')
})

afterAll(() => cloud?.stop())

describe('function runner', () => {
  it('gives the function the caller from the gateway header, never from the event', async () => {
    const probe = await cloud.call<Probe>('probe', { openid: 'forged' }, 'o-alice')
    expect(probe.openid).toBe('o-alice')
    expect(probe.appid).toBeTruthy()
  })

  it('refuses a gateway call without a caller', async () => {
    const res = await fetch(`${cloud.url}/functions/probe`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(401)
  })

  it('runs one invocation per instance at a time and scales out in parallel', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => cloud.call<Probe>('probe', { op: 'sleep', ms: 400 }, `o-par-${i}`)),
    )
    // Each instance only ever saw its own invocation...
    expect(results.every((r) => r.concurrent === 1)).toBe(true)
    // ...and the six ran on several instances, each with its own caller.
    expect(new Set(results.map((r) => r.pid)).size).toBeGreaterThan(1)
    expect(results.map((r) => r.openid)).toEqual(Array.from({ length: 6 }, (_, i) => `o-par-${i}`))
  })

  it('keeps no identity from one invocation to the next on the same instance', async () => {
    const first = await cloud.call<Probe>('probe', {}, 'o-first')
    const second = await cloud.call<Probe>('probe', {}, 'o-second')
    expect([first.openid, second.openid]).toEqual(['o-first', 'o-second'])
  })

  it('lets a function call another with cloud.callFunction, keeping the caller', async () => {
    const res = await cloud.call<{ viaEcho: { echoed: unknown; openid: string }; openid: string }>(
      'probe',
      { op: 'call', data: { n: 42 } },
      'o-chain',
    )
    expect(res.viaEcho).toEqual({ echoed: { n: 42 }, openid: 'o-chain' })
  })

  it('answers a thrown error and a timeout the way the platform does', async () => {
    const thrown = await fetch(`${cloud.url}/functions/probe`, {
      method: 'POST',
      headers: { 'x-wx-openid': 'o-err' },
      body: JSON.stringify({ op: 'throw' }),
    })
    expect(thrown.status).toBe(500)
    expect(await thrown.json()).toMatchObject({
      errCode: -504002,
      errMsg: expect.stringContaining('probe failed on purpose'),
    })
    const slow = await fetch(`${cloud.url}/functions/probe`, {
      method: 'POST',
      headers: { 'x-wx-openid': 'o-slow' },
      body: JSON.stringify({ op: 'sleep', ms: 5000 }),
    })
    expect(await slow.json()).toMatchObject({ errCode: -504003 })
    // The next call still works on a fresh instance.
    expect((await cloud.call<Probe>('probe', {}, 'o-after')).openid).toBe('o-after')
  })

  it('shows functions the local clock, and returns to its configured (else real) time', async () => {
    await cloud.setClock('2030-01-01T15:59:59.000Z')
    const moved = await cloud.call<Probe>('probe', {}, 'o-clock')
    expect(Math.abs(Date.parse(moved.now) - Date.parse('2030-01-01T15:59:59Z'))).toBeLessThan(5_000)
    await cloud.setClock(null)
    const real = await cloud.call<Probe>('probe', {}, 'o-clock')
    expect(Math.abs(Date.parse(real.now) - now().getTime())).toBeLessThan(5_000)
  })

  it('fires timer triggers from config.json on their cron, with no caller identity', async () => {
    const db = sdkFor(cloud).database()
    const countFires = async () =>
      ((await db.collection('timer_fires').where({ trigger: 'everySecond' }).count()) as { total: number })
        .total
    const before = await countFires()
    await new Promise((r) => setTimeout(r, 2_500))
    expect(await countFires()).toBeGreaterThanOrEqual(before + 1)
    const fire = (await db.collection('timer_fires').limit(1).get()) as unknown as {
      data: { trigger_src: string; openid: null }[]
    }
    expect(fire.data[0]).toMatchObject({ trigger_src: 'timer', openid: null })
  })

  it('fires a timer on demand through /_local/timers', async () => {
    const outcome = await cloud.control<{ ok: boolean; value: unknown }>('timers/probe')
    expect(outcome).toEqual({ ok: true, value: { fired: 'everySecond' } })
  })
})
