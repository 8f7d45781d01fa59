/**
 * Stop with the command that started us. `npm run local` runs npm → sh → tsx → this process; a
 * `kill -TERM` to npm ends npm and sh but leaves tsx and the server running, re-parented. So the
 * server watches its launch chain (its parent and, under npm, every ancestor up to the npm that ran
 * the script) and calls `onGone` once any of them exits or is re-parented.
 */
import fs from 'node:fs'

const CHECK_EVERY_MS = 500

interface ProcInfo {
  ppid: number
  state: string
}

/** State and parent of a process from /proc (Linux), or null when it is gone. */
function procInfo(pid: number): ProcInfo | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // "<pid> (<comm>) <state> <ppid> …"; comm may hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { state: fields[0], ppid: Number(fields[1]) }
  } catch {
    return null
  }
}

/** Whether a process runs inside an npm script (npm sets npm_lifecycle_event for the script). */
function inNpmScript(pid: number): boolean {
  try {
    return fs
      .readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .some((kv) => kv.startsWith('npm_lifecycle_event='))
  } catch {
    return false
  }
}

/** Pids from our parent up to the npm process that ran the script (just the parent outside npm). */
export function launchChain(): number[] {
  const chain = [process.ppid]
  if (!process.env.npm_lifecycle_event || !procInfo(process.ppid)) return chain
  let pid = process.ppid
  while (pid > 1 && inNpmScript(pid)) {
    const info = procInfo(pid)
    if (!info || info.ppid <= 1) break
    pid = info.ppid
    chain.push(pid)
  }
  return chain
}

/** Whether each process of the chain still runs under the next one, as it did at the start. */
function chainIntact(chain: number[]): boolean {
  if (process.ppid !== chain[0]) return false
  if (!fs.existsSync('/proc/self/stat')) return true
  return chain.every((pid, i) => {
    const info = procInfo(pid)
    if (!info || info.state === 'Z' || info.state === 'X') return false
    return i + 1 >= chain.length || info.ppid === chain[i + 1]
  })
}

/** Call `onGone` once the launch chain breaks. The timer does not keep the process alive. */
export function stopWithParent(onGone: () => void): void {
  const chain = launchChain()
  const timer = setInterval(() => {
    if (chainIntact(chain)) return
    clearInterval(timer)
    onGone()
  }, CHECK_EVERY_MS)
  timer.unref()
}
