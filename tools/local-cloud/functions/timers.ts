/** Fires each built function's timer trigger (config.json `triggers`) on its cron, by the local clock. */
import { cronMatches, parseCron, type Cron } from './cron'
import type { LocalClock } from '../clock'
import { APPID, type FunctionRunner, type InvokeOutcome } from './runner'

interface Trigger {
  functionName: string
  name: string
  cron: Cron
}

export class TimerScheduler {
  private handle: NodeJS.Timeout | null = null
  private lastSecond = -1

  constructor(readonly options: { runner: FunctionRunner; clock: LocalClock }) {}

  triggers(): Trigger[] {
    const { runner } = this.options
    return runner
      .list()
      .flatMap((functionName) =>
        (runner.config(functionName).triggers ?? [])
          .filter((t) => t.type === 'timer')
          .map((t) => ({ functionName, name: t.name, cron: parseCron(t.config) })),
      )
  }

  start(): void {
    const triggers = this.triggers()
    if (!triggers.length) return
    this.handle = setInterval(() => {
      const now = this.options.clock.now()
      const second = Math.floor(now.getTime() / 1000)
      if (second === this.lastSecond) return
      this.lastSecond = second
      for (const t of triggers) {
        if (cronMatches(t.cron, now)) void this.fire(t.functionName, t.name)
      }
    }, 250)
  }

  /** Run a function as its timer would, now (POST /_local/timers/<function>). */
  fire(functionName: string, triggerName?: string): Promise<InvokeOutcome> {
    const name = triggerName ?? this.options.runner.config(functionName).triggers?.[0]?.name ?? 'timer'
    return this.options.runner.invoke(functionName, {
      event: { Type: 'Timer', TriggerName: name, Time: this.options.clock.now().toISOString(), Message: '' },
      caller: { appid: APPID, functionName },
      trigger: 'timer',
    })
  }

  stop(): void {
    if (this.handle) clearInterval(this.handle)
    this.handle = null
  }
}
