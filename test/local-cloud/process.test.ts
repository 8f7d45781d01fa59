/**
 * The local cloud as a process: the environment its function instances get (no SDK log noise),
 * stopping with `npm run local`, and verify:ledger's --url.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LOCAL_REGION } from '../../tools/local-cloud/sdk-env'
import { adminUrlOf, verifyUrl } from '../../tools/verify-ledger'
import { REPO_ROOT, sdkFor, startCloud, type RunningCloud } from '../support/local-cloud'

jest.setTimeout(90_000)

const REGION_NOISE = /missing `?TENCENTCLOUD_REGION/

describe('the environment the SDK runs in', () => {
  let cloud: RunningCloud
  beforeAll(async () => {
    cloud = await startCloud()
  })
  afterAll(() => cloud?.stop())

  it('sets the region in function instances: an invocation that reads the database logs no region error', async () => {
    // member.me reads the database several times through the real SDK inside an instance.
    const reply = await cloud.call<{ ok: boolean }>('member', { action: 'me' }, 'o-region')
    expect(reply.ok).toBe(true)
    // A second call on a warm instance, then give the piped stderr a moment to arrive.
    await cloud.call('member', { action: 'me' }, 'o-region')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(cloud.log()).not.toMatch(REGION_NOISE)
  })

  it('gives the SDK in tests and bench the same region as function instances', async () => {
    delete process.env.TENCENTCLOUD_REGION
    const db = sdkFor(cloud).database()
    await db.collection('members').limit(1).get()
    expect(process.env.TENCENTCLOUD_REGION).toBe(LOCAL_REGION)
  })

  it('verify:ledger --url takes the base URL and the /admin URL alike', async () => {
    expect(adminUrlOf('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/admin')
    expect(adminUrlOf('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787/admin')
    expect(adminUrlOf('http://127.0.0.1:8787/admin')).toBe('http://127.0.0.1:8787/admin')
    expect(adminUrlOf('http://127.0.0.1:8787/admin/')).toBe('http://127.0.0.1:8787/admin')
    for (const url of [cloud.url, `${cloud.url}/admin`]) {
      const report = await verifyUrl(url, cloud.envId)
      expect(report.differences).toEqual([])
    }
  })
})

/** Pids of `pid` and everything below it, from /proc. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = []
  const walk = (p: number): void => {
    out.push(p)
    for (const c of children.get(p) ?? []) walk(c)
  }
  walk(pid)
  return out
}

const alive = (pid: number): boolean => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3))
  } catch {
    return false
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/_local/clock`, { signal: AbortSignal.timeout(1_000) })
    return true
  } catch {
    return false
  }
}

describe('stopping', () => {
  it('kill -TERM to the npm process of `npm run local` stops the server and closes its port', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunhuo-stop-'))
    const npm = spawn('npm', ['run', 'local'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: '0',
        LOCAL_CLOUD_DATA: dataDir,
        LOCAL_CLOUD_SEED: '0',
        LOCAL_CLOUD_TIMERS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let tree: number[] = []
    try {
      let out = ''
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm run local did not start:\n${out}`)), 60_000)
        npm.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const match = /LOCAL_CLOUD_READY (\S+)/.exec(out)
          if (match) {
            clearTimeout(timer)
            resolve(match[1])
          }
        })
        npm.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
      })
      expect(await answers(url)).toBe(true)
      tree = processTree(npm.pid!)
      // npm, sh, tsx and the server itself.
      expect(tree.length).toBeGreaterThanOrEqual(3)

      process.kill(npm.pid!, 'SIGTERM')
      const deadline = Date.now() + 15_000
      while (Date.now() < deadline && (await answers(url))) await new Promise((r) => setTimeout(r, 200))
      expect(await answers(url)).toBe(false)
      while (Date.now() < deadline && tree.some(alive)) await new Promise((r) => setTimeout(r, 200))
      expect(tree.filter(alive)).toEqual([])
    } finally {
      // Leave nothing behind if the test failed: only the processes this test started.
      for (const pid of tree.filter(alive)) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }
      if (npm.exitCode === null) npm.kill('SIGKILL')
    }
  })
})
