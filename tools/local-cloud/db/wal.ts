/**
 * Durability for one env: `snapshot.jsonl` (state up to a sequence number) plus `wal.jsonl`, an
 * append-only log with one line per committed write or transaction. Lines arriving while a flush is
 * under way (or in the same turn of the event loop) are written together and fsynced once; callers
 * are answered only after that fsync, so an acknowledged write survives `kill -9`.
 *
 * Compaction writes the whole state to a temp file, fsyncs it, renames it over the snapshot, then
 * starts a fresh log. Every line carries its sequence number and replay skips what the snapshot
 * already holds, so a crash between any two of those steps loses nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { decodeStored, encodeStored } from './codec'

/** One logged change. `p`: put document `d` into collection; `x`: delete id `i`; `c`: create collection. */
export type LoggedOp = { p: string; d: Record<string, unknown> } | { x: string; i: unknown } | { c: string }

export interface LogRecord {
  s: number
  o: LoggedOp[]
}

export interface WalOptions {
  dir: string
  /** Compact once the log passes this many bytes. */
  compactBytes: number
  /** Every op needed to rebuild the current state, read synchronously during compaction. */
  dumpState: () => Iterable<LoggedOp>
  /** The sequence number the in-memory state has reached. */
  currentSeq: () => number
}

interface Waiter {
  resolve: () => void
  reject: (err: Error) => void
}

const SNAPSHOT = 'snapshot.jsonl'
const LOG = 'wal.jsonl'

function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

function writeAll(fd: number, buf: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    let offset = 0
    const step = (): void => {
      fs.write(fd, buf, offset, buf.length - offset, null, (err, written) => {
        if (err) return reject(err)
        offset += written
        if (offset < buf.length) step()
        else resolve()
      })
    }
    step()
  })
}

const datasync = (fd: number): Promise<void> =>
  new Promise((resolve, reject) => fs.fdatasync(fd, (err) => (err ? reject(err) : resolve())))

export class WriteAheadLog {
  private fd = -1
  private size = 0
  private pending: string[] = []
  private waiters: Waiter[] = []
  private scheduled = false
  private flushing: Promise<void> | null = null
  private closed = false

  constructor(private readonly options: WalOptions) {}

  /**
   * Read the snapshot and the log, handing every op to `apply` in order, then open the log for
   * appending. A torn last line (crash mid-write, never acknowledged) is cut off; damage anywhere
   * else is an error rather than silent data loss.
   */
  load(apply: (op: LoggedOp, seq: number) => void): number {
    const { dir } = this.options
    fs.mkdirSync(dir, { recursive: true })
    // A leftover temp snapshot is a compaction that never reached its rename: the old files still hold everything.
    fs.rmSync(path.join(dir, SNAPSHOT + '.tmp'), { force: true })
    let seq = 0
    const snapshotPath = path.join(dir, SNAPSHOT)
    if (fs.existsSync(snapshotPath)) {
      // As bytes, line by line: a large database's snapshot is longer than a string may be (512 MiB).
      const buf = fs.readFileSync(snapshotPath)
      let start = 0
      let header = true
      while (start < buf.length) {
        const found = buf.indexOf(0x0a, start)
        const end = found === -1 ? buf.length : found
        if (end > start) {
          const decoded = decodeStored(buf.subarray(start, end).toString('utf8'))
          if (header) seq = (decoded as { s: number }).s
          else apply(decoded as LoggedOp, seq)
          header = false
        }
        start = end + 1
      }
    }
    const logPath = path.join(dir, LOG)
    let goodBytes = 0
    if (fs.existsSync(logPath)) {
      const buf = fs.readFileSync(logPath)
      let start = 0
      while (start < buf.length) {
        const end = buf.indexOf(0x0a, start)
        if (end === -1) break // torn tail: no newline, so never fsynced as a whole
        const line = buf.subarray(start, end).toString('utf8')
        let record: LogRecord
        try {
          record = decodeStored(line) as LogRecord
        } catch (err) {
          if (buf.indexOf(0x0a, end + 1) === -1) break // last complete line torn: cut from here
          throw new Error(`${logPath}: unreadable record at byte ${start}: ${(err as Error).message}`)
        }
        if (record.s > seq) {
          for (const op of record.o) apply(op, record.s)
          seq = record.s
        }
        start = end + 1
        goodBytes = start
      }
      if (goodBytes < buf.length) fs.truncateSync(logPath, goodBytes)
    }
    this.fd = fs.openSync(logPath, 'a')
    this.size = goodBytes
    fsyncDir(dir)
    return seq
  }

  /** Log one record; resolves once it is on disk. */
  append(record: LogRecord): Promise<void> {
    if (this.closed) return Promise.reject(new Error('database is closed'))
    this.pending.push(encodeStored(record) + '\n')
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }))
    this.schedule()
    return done
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.flushing = this.flush().finally(() => {
        this.flushing = null
        if (this.pending.length) this.schedule()
      })
    })
  }

  private async flush(): Promise<void> {
    const lines = this.pending
    const waiters = this.waiters
    this.pending = []
    this.waiters = []
    if (lines.length === 0) return
    const buf = Buffer.from(lines.join(''), 'utf8')
    try {
      await writeAll(this.fd, buf)
      await datasync(this.fd)
      this.size += buf.length
    } catch (err) {
      for (const w of waiters) w.reject(err as Error)
      return
    }
    for (const w of waiters) w.resolve()
    if (this.size > this.options.compactBytes) this.compact()
  }

  /**
   * Write the state as a snapshot and start an empty log. Synchronous on purpose: nothing can change
   * the state between dumping it and recording its sequence number.
   */
  compact(): void {
    const { dir } = this.options
    const tmp = path.join(dir, SNAPSHOT + '.tmp')
    const fd = fs.openSync(tmp, 'w')
    try {
      let chunk: string[] = [encodeStored({ s: this.options.currentSeq() })]
      let chunkBytes = 0
      for (const op of this.options.dumpState()) {
        const line = encodeStored(op)
        chunk.push(line)
        chunkBytes += line.length
        if (chunkBytes > 1 << 20) {
          fs.writeSync(fd, chunk.join('\n') + '\n')
          chunk = []
          chunkBytes = 0
        }
      }
      if (chunk.length) fs.writeSync(fd, chunk.join('\n') + '\n')
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, path.join(dir, SNAPSHOT))
    fsyncDir(dir)
    // Lines still pending carry sequence numbers the snapshot already covers; they are written to the
    // new log (and skipped on replay) only so that their callers are answered after this fsync.
    fs.closeSync(this.fd)
    this.fd = fs.openSync(path.join(dir, LOG), 'w')
    this.size = 0
    fsyncDir(dir)
  }

  /** Finish pending writes, compact if there is anything in the log, and close. */
  async close(): Promise<void> {
    while (this.flushing || this.scheduled || this.pending.length) {
      if (this.flushing) await this.flushing
      else await new Promise((resolve) => setImmediate(resolve))
    }
    this.closed = true
    if (this.fd >= 0) {
      if (this.size > 0) this.compact()
      fs.closeSync(this.fd)
      this.fd = -1
    }
  }
}
