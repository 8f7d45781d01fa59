/**
 * Start a real local cloud in a child process for a test file, on a free port with its own data
 * folder, and give tests the ways in: the gateway (as a WeChat user) and the real wx-server-sdk.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pointSdkAt } from '../../tools/local-cloud/sdk-env'
import { clockEnvironment } from '../../tools/local-cloud/clock'
import { verifyDataDir } from '../../tools/verify-ledger'

/** Now as the local cloud sees it (QUNHUO_NOW, else real time): use it for data the cloud compares with its now. */
export { now } from '../../tools/local-cloud/clock'

export const REPO_ROOT = path.resolve(__dirname, '../..')

export interface RunningCloud {
  url: string
  envId: string
  dataDir: string
  child: ChildProcess
  /** Everything the cloud (and its function instances) wrote to stdout and stderr so far. */
  log(): string
  /** Call a function through the gateway as `openid`: what the mini-program receives. */
  call<T = unknown>(fn: string, event: Record<string, unknown>, openid?: string): Promise<T>
  /** POST to a /_local control. */
  control<T = unknown>(pathname: string, body?: unknown): Promise<T>
  setClock(iso: string | null): Promise<void>
  stop(): Promise<void>
  /** kill -9, for durability tests. */
  kill(): Promise<void>
}

export interface StartOptions {
  dataDir?: string
  envId?: string
  seed?: boolean
  env?: Record<string, string>
  /** Check balances against the ledger when the cloud stops (default true). */
  verifyLedger?: boolean
}

export async function startCloud(options: StartOptions = {}): Promise<RunningCloud> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'qunhuo-cloud-'))
  const envId = options.envId ?? 'test-env'
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'tools/local-cloud/cli.ts')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: '0',
        LOCAL_CLOUD_DATA: dataDir,
        LOCAL_CLOUD_ENV: envId,
        LOCAL_CLOUD_SEED: options.seed ? '1' : '0',
        LOCAL_CLOUD_TIMERS: '0',
        ...clockEnvironment(),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let log = ''
  const url = await new Promise<string>((resolve, reject) => {
    // A seeded start takes seconds on a quiet machine; a busy one (builds alongside) can take minutes.
    const timer = setTimeout(() => reject(new Error(`local cloud did not start:\n${log}`)), 150_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      const match = /LOCAL_CLOUD_READY (\S+)/.exec(log)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      if (process.env.LOCAL_CLOUD_DEBUG) process.stderr.write(chunk)
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`local cloud exited with ${code}:\n${log}`))
    })
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  async function post<T>(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await fetch(url + pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body ?? {}),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${pathname} answered ${res.status}: ${text}`)
    return JSON.parse(text) as T
  }

  return {
    url,
    envId,
    dataDir,
    child,
    log: () => log,
    call: (fn, event, openid) => post(`/functions/${fn}`, event, openid ? { 'x-wx-openid': openid } : {}),
    control: (pathname, body) => post(`/_local/${pathname}`, body),
    setClock: async (iso) => {
      await post('/_local/clock', { now: iso })
    },
    /** Stop, then check the ledger on disk: every test and bench leaves balances that match it. */
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
      if (options.verifyLedger === false || !fs.existsSync(path.join(dataDir, envId))) return
      const report = await verifyDataDir(dataDir, envId)
      if (report.differences.length) {
        throw new Error(
          `verify:ledger found ${report.differences.length} difference(s): ${JSON.stringify(report.differences.slice(0, 5))}`,
        )
      }
    },
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
  }
}

/**
 * The real wx-server-sdk pointed at a local cloud, as a deployed function would be. The SDK reads
 * its endpoint from the environment when it initialises, so set it before `init`.
 */
export function sdkFor(cloud: { url: string; envId: string }): typeof import('wx-server-sdk') {
  pointSdkAt(`${cloud.url}/admin`, cloud.envId)
  const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')
  sdk.init({ env: cloud.envId })
  return sdk
}

/**
 * wx-server-sdk's typings give each call a callback form too (`Promise<R> | void | string`); this
 * keeps only the promise forms, so tests can read results without casts.
 */
export type PromiseForms<T> = T extends (...args: infer A) => infer R
  ? (
      ...args: A
    ) => [Extract<R, Promise<unknown>>] extends [never] ? PromiseForms<R> : Extract<R, Promise<unknown>>
  : T extends object
    ? { [K in keyof T]: PromiseForms<T[K]> }
    : T

type PromiseDatabase = PromiseForms<ReturnType<(typeof import('wx-server-sdk'))['database']>>

/** A sub-pipeline for `$lookup` (`db.command.aggregate.pipeline()`), missing from the typings. */
export interface AggregatePipeline {
  match(query: object): AggregatePipeline
  project(spec: object): AggregatePipeline
  sort(spec: object): AggregatePipeline
  limit(n: number): AggregatePipeline
  done(): object[]
}

/** The database with promise forms, plus what the typings miss: serverDate's offset, expr, pipeline. */
export type SdkDatabase = Omit<PromiseDatabase, 'serverDate' | 'command'> & {
  serverDate(options?: { offset?: number }): ReturnType<PromiseDatabase['serverDate']>
  command: PromiseDatabase['command'] & {
    expr(expression: object): object
    aggregate: PromiseDatabase['command']['aggregate'] & { pipeline(): AggregatePipeline }
  }
}

/** `sdk.database(options)` typed by its promise forms. */
export function databaseOf(sdk: typeof import('wx-server-sdk'), options?: { env: string }): SdkDatabase {
  return sdk.database(options) as unknown as SdkDatabase
}
