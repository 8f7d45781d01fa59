/**
 * Runs the built cloud functions the way the cloud does: each instance is a child process that
 * handles one invocation at a time; a function scales out to `maxInstances` busy instances and
 * queues beyond that. The caller's identity reaches the function through its environment.
 */
import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { LocalClock } from '../clock'
import type { CallerContext, OpenApiStandIn } from '../openapi'
import { sdkEnvironment } from '../sdk-env'

export interface FunctionRunnerOptions {
  functionsDir: string
  envId: string
  clock: LocalClock
  adminUrl: () => string
  maxInstances: number
  openapi: OpenApiStandIn
}

export interface FunctionConfig {
  timeout?: number
  triggers?: { name: string; type: string; config: string }[]
  permissions?: { openapi?: string[] }
}

export interface Invocation {
  event: unknown
  /**
   * The event as the JSON text the platform hands the runtime, when the caller has it already: the
   * instance parses it itself, so an event nested too deep to re-serialise still reaches the function.
   */
  eventJson?: string
  caller: CallerContext
  /** Set for timer runs: the platform sends no OPENID then. */
  trigger?: 'timer'
}

interface Pending {
  resolve(value: InvokeOutcome): void
}

interface Instance {
  id: string
  name: string
  child: ChildProcess
  ready: Promise<void>
  busy: boolean
  current: CallerContext | null
  pending: Map<string, Pending>
}

export type InvokeOutcome = { ok: true; value: unknown } | { ok: false; errCode: number; errMsg: string }

const WORKER = path.join(__dirname, 'worker.js')
/** Where instances find wx-server-sdk: the cloud installs it per function, locally the repo has it. */
const NODE_MODULES = path.resolve(__dirname, '../../../node_modules')
export const APPID = 'wx-local-appid'
/** How deep the gateway looks for `{ $cloudID }` values to decrypt. */
const CLOUD_ID_MAX_DEPTH = 16

/** Deepest nesting of objects/arrays in JSON text, by one pass over it (no recursion). */
function jsonDepth(text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') max = Math.max(max, ++depth)
    else if (c === '}' || c === ']') depth--
  }
  return max
}

export class FunctionRunner {
  private readonly instances = new Map<string, Instance[]>()
  private readonly byId = new Map<string, Instance>()
  private readonly queues = new Map<string, (() => void)[]>()
  private closed = false

  constructor(readonly options: FunctionRunnerOptions) {}

  /** Names of the built functions (folders with an index.js). */
  list(): string[] {
    if (!fs.existsSync(this.options.functionsDir)) return []
    return fs
      .readdirSync(this.options.functionsDir)
      .filter((name) => fs.existsSync(path.join(this.options.functionsDir, name, 'index.js')))
      .sort()
  }

  config(name: string): FunctionConfig {
    const file = path.join(this.options.functionsDir, name, 'config.json')
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as FunctionConfig) : {}
  }

  /** The identity of the invocation an instance is running, for calls it makes back to /admin. */
  contextOf(instanceId: string | null): CallerContext | null {
    return (instanceId && this.byId.get(instanceId)?.current) || null
  }

  async invoke(name: string, invocation: Invocation): Promise<InvokeOutcome> {
    if (!this.list().includes(name)) {
      return { ok: false, errCode: -501000, errMsg: `FunctionName parameter could not be found: ${name}` }
    }
    const instance = await this.acquire(name)
    instance.current = invocation.caller
    try {
      if (!instance.child.connected) {
        return { ok: false, errCode: -504002, errMsg: 'functions execute fail: the instance failed to start' }
      }
      return await this.dispatch(instance, invocation)
    } finally {
      instance.current = null
      instance.busy = false
      this.queues.get(name)?.shift()?.()
    }
  }

  /** POST /functions/<name>: what the mini-program's callFunction would receive. */
  async invokeFromGateway(
    name: string,
    body: string,
    openid: string,
  ): Promise<{ status: number; body: unknown }> {
    if (!openid)
      return { status: 401, body: { errCode: -401, errMsg: 'x-wx-openid header is required locally' } }
    let event: unknown
    try {
      event = body ? JSON.parse(body) : {}
    } catch {
      return { status: 400, body: { errCode: -400, errMsg: 'the event is not JSON' } }
    }
    // CloudIDs ride at the top levels of an event; a deeper event goes through as sent, and the
    // function's own input checks answer it.
    const resolvable = body.includes('$cloudID') && jsonDepth(body) <= CLOUD_ID_MAX_DEPTH
    const outcome = await this.invoke(name, {
      event: resolvable ? this.resolveCloudIds(event) : event,
      eventJson: resolvable ? undefined : body || '{}',
      caller: { openid, appid: APPID, functionName: name },
    })
    return outcome.ok
      ? { status: 200, body: outcome.value }
      : { status: 500, body: { errCode: outcome.errCode, errMsg: outcome.errMsg } }
  }

  /** `functions.invokeFunction` from the SDK: cloud.callFunction between functions keeps the caller. */
  async invokeFromSdk(params: Record<string, unknown>, instanceId: string | null): Promise<unknown> {
    const name = String(params.function_name ?? '')
    const raw = typeof params.request_data === 'string' && params.request_data ? params.request_data : '{}'
    const parent = this.contextOf(instanceId)
    const outcome = await this.invoke(name, {
      event: JSON.parse(raw),
      eventJson: raw,
      caller: { openid: parent?.openid, appid: parent?.appid ?? APPID, functionName: name },
    })
    const requestId = randomUUID()
    if (!outcome.ok)
      return { code: 'FUNCTIONS_EXECUTE_FAIL', message: `${outcome.errCode} ${outcome.errMsg}`, requestId }
    return { requestId, data: { response_data: JSON.stringify(outcome.value) } }
  }

  /** The platform decrypts wx.cloud.CloudID values before the function sees the event. */
  private resolveCloudIds(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolveCloudIds(v))
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>
      if (typeof record.$cloudID === 'string' && Object.keys(record).length === 1) {
        return this.options.openapi.openData(record.$cloudID, APPID) ?? { cloudID: record.$cloudID }
      }
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, this.resolveCloudIds(v)]))
    }
    return value
  }

  private async acquire(name: string): Promise<Instance> {
    for (;;) {
      const pool = this.instances.get(name) ?? []
      this.instances.set(name, pool)
      const idle = pool.find((i) => !i.busy && !i.child.killed && i.child.exitCode === null)
      if (idle) {
        idle.busy = true
        await idle.ready
        return idle
      }
      if (pool.length < this.options.maxInstances) {
        const instance = this.spawn(name)
        instance.busy = true
        pool.push(instance)
        await instance.ready
        return instance
      }
      await new Promise<void>((resolve) => {
        const queue = this.queues.get(name) ?? []
        queue.push(resolve)
        this.queues.set(name, queue)
      })
    }
  }

  private spawn(name: string): Instance {
    const id = `${name}-${randomUUID().slice(0, 8)}`
    const { envId } = this.options
    const child = fork(WORKER, [], {
      env: {
        PATH: process.env.PATH,
        NODE_PATH: NODE_MODULES,
        NODE_ENV: 'production',
        LOCAL_FUNCTION_ENTRY: path.join(this.options.functionsDir, name, 'index.js'),
        // What the SDK reads to find the cloud. The instance id lets /admin know who calls back.
        ...sdkEnvironment(`${this.options.adminUrl()}?instance=${id}&`, envId),
        TENCENTCLOUD_RUNENV: 'SCF',
        SCF_FUNCTIONNAME: name,
        TZ: 'UTC',
      } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    let markReady: () => void = () => undefined
    const ready = new Promise<void>((resolve) => (markReady = resolve))
    const instance: Instance = { id, name, child, ready, busy: false, current: null, pending: new Map() }
    child.on(
      'message',
      (msg: { type: string; id?: string; ok?: boolean; value?: unknown; error?: { message: string } }) => {
        if (msg.type === 'ready') markReady()
        if (msg.type === 'result' && msg.id) {
          const waiting = instance.pending.get(msg.id)
          instance.pending.delete(msg.id)
          waiting?.resolve(
            msg.ok
              ? { ok: true, value: msg.value }
              : { ok: false, errCode: -504002, errMsg: `functions execute fail: ${msg.error?.message}` },
          )
        }
      },
    )
    // A failed send to an instance that just died is reported through 'exit' below.
    child.on('error', () => undefined)
    child.on('exit', () => {
      markReady()
      this.retire(instance)
      for (const waiting of instance.pending.values()) {
        waiting.resolve({
          ok: false,
          errCode: -504002,
          errMsg: 'functions execute fail: the instance exited',
        })
      }
      instance.pending.clear()
    })
    this.byId.set(id, instance)
    return instance
  }

  private retire(instance: Instance): void {
    this.byId.delete(instance.id)
    const pool = this.instances.get(instance.name)
    if (pool)
      this.instances.set(
        instance.name,
        pool.filter((i) => i !== instance),
      )
  }

  private dispatch(instance: Instance, invocation: Invocation): Promise<InvokeOutcome> {
    const timeoutS = this.config(instance.name).timeout ?? 3
    const id = randomUUID()
    const { caller } = invocation
    const env: Record<string, string> =
      invocation.trigger === 'timer'
        ? { TRIGGER_SRC: 'timer', WX_CONTEXT_KEYS: 'WX_APPID', WX_APPID: caller.appid ?? APPID }
        : {
            WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
            WX_OPENID: caller.openid ?? '',
            WX_APPID: caller.appid ?? APPID,
            WX_UNIONID: '',
            TCB_SOURCE: 'wx_client',
          }
    return new Promise<InvokeOutcome>((resolve) => {
      const timer = setTimeout(() => {
        instance.pending.delete(id)
        // As in the cloud, a timed-out instance is not reused.
        this.retire(instance)
        instance.child.kill('SIGKILL')
        resolve({ ok: false, errCode: -504003, errMsg: `Invoking task timed out after ${timeoutS} seconds` })
      }, timeoutS * 1000)
      instance.pending.set(id, {
        resolve: (outcome) => {
          clearTimeout(timer)
          resolve(outcome)
        },
      })
      instance.child.send({
        type: 'invoke',
        id,
        eventJson: invocation.eventJson ?? JSON.stringify(invocation.event),
        context: { function_name: instance.name, namespace: this.options.envId, request_id: id },
        env,
        clockOffsetMs: this.options.clock.offset,
      })
    })
  }

  async close(): Promise<void> {
    this.closed = true
    const exits = [...this.byId.values()].map(
      (i) =>
        new Promise<void>((resolve) =>
          i.child.exitCode !== null ? resolve() : (i.child.once('exit', () => resolve()), i.child.kill()),
        ),
    )
    await Promise.all(exits)
  }

  get isClosed(): boolean {
    return this.closed
  }
}
