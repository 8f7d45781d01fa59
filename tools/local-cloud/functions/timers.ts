// Placeholder: timer triggers are being written.
import type { LocalClock } from '../clock'
import type { FunctionRunner } from './runner'
export class TimerScheduler {
  constructor(readonly options: { runner: FunctionRunner; clock: LocalClock }) {}
  start(): void {}
  stop(): void {}
}
