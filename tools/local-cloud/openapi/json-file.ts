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

  /** Queue a write of `state` as it is when the write runs (later saves supersede earlier ones). */
  save(state: () => T): Promise<void> {
    const run = async (): Promise<void> => {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true })
      const tmp = `${this.file}.${process.pid}.${++tmpSeq}.tmp`
      await fs.promises.writeFile(tmp, JSON.stringify(state(), null, 2))
      await fs.promises.rename(tmp, this.file)
    }
    this.pending = this.pending.then(run, run)
    return this.pending
  }

  /** Wait for queued writes (on close). */
  async flush(): Promise<void> {
    await this.pending.catch(() => undefined)
  }
}
