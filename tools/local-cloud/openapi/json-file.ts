import fs from 'node:fs'
import path from 'node:path'

/**
 * One small JSON state file. Saves are serialized and atomic (write a temp file, then rename), so a
 * kill -9 leaves either the old or the new state, never half a file; callers await save() before
 * answering, so whatever a caller was told happened survives a crash.
 */
let tmpSeq = 0

export class JsonFile<T> {
  private pending: Promise<void> = Promise.resolve()
  /** The write waiting behind the current one, which later saves join. */
  private queued: Promise<void> | null = null

  constructor(
    readonly file: string,
    private readonly empty: () => T,
  ) {}

  async load(): Promise<T> {
    try {
      return JSON.parse(await fs.promises.readFile(this.file, 'utf8')) as T
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return this.empty()
      throw new Error(`cannot read ${this.file}: ${(err as Error).message}`)
    }
  }

  /**
   * Queue a write of `state` as it is when the write runs. Saves made while a write is still queued
   * (not yet started) join it: it will see their state too, so a burst of saves costs two writes, not
   * one each (a 10k-message outbox rewritten per send made the file I/O quadratic).
   */
  save(state: () => T): Promise<void> {
    if (this.queued) return this.queued
    const run = async (): Promise<void> => {
      this.queued = null
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true })
      const tmp = `${this.file}.${process.pid}.${++tmpSeq}.tmp`
      await fs.promises.writeFile(tmp, JSON.stringify(state(), null, 2))
      await fs.promises.rename(tmp, this.file)
    }
    this.queued = this.pending.then(run, run)
    this.pending = this.queued
    return this.queued
  }

  /** Wait for queued writes (on close). */
  async flush(): Promise<void> {
    await this.pending.catch(() => undefined)
  }
}
