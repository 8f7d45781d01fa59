/**
 * CloudIDs for group shares: what the WeChat client gets from wx.getGroupEnterInfo on a launch
 * from a group share card, and what the platform later turns back into the group's openGId.
 * Opaque random ids, valid for 5 minutes of the local clock (so tests expire them by moving it).
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { JsonFile } from './json-file'

export const CLOUD_ID_TTL_MS = 5 * 60_000

/** Codes from wx-server-sdk's own error table (ERR_CODE.WX_INVALID_CLOUDID / WX_CLOUDID_EXPIRED). */
export const WX_INVALID_CLOUDID = -601005
export const WX_CLOUDID_EXPIRED = -601006

interface Issued {
  opengid: string
  issuedAt: number
  expiresAt: number
}

export type Lookup = { ok: true; opengid: string } | { ok: false; errorCode: number }

export class CloudIds {
  private file: JsonFile<Record<string, Issued>>
  private issued: Record<string, Issued> = {}

  constructor(
    dir: string,
    private readonly now: () => Date,
  ) {
    this.file = new JsonFile(path.join(dir, 'cloud-ids.json'), () => ({}))
  }

  async open(): Promise<void> {
    this.issued = await this.file.load()
  }

  async close(): Promise<void> {
    await this.file.flush()
  }

  /**
   * Issue synchronously (callers need the id at once); the write to disk follows, and `saved`
   * resolves when it is done.
   */
  issue(opengid: string): { cloudID: string; expiresAt: string; saved: Promise<void> } {
    if (!opengid) throw new Error('openGId is required')
    const now = this.now().getTime()
    // Forget ids long expired, so the file stays small; an hour of slack keeps ids alive if a
    // test moves the clock back a little.
    for (const [id, entry] of Object.entries(this.issued)) {
      if (entry.expiresAt < now - 3_600_000) delete this.issued[id]
    }
    // Shaped like a real CloudID ("<n>_<opaque>"); 24 random bytes make it unguessable.
    const cloudID = `23_${randomBytes(24).toString('base64url')}`
    const expiresAt = now + CLOUD_ID_TTL_MS
    this.issued[cloudID] = { opengid, issuedAt: now, expiresAt }
    const saved = this.file.save(() => this.issued)
    return { cloudID, expiresAt: new Date(expiresAt).toISOString(), saved }
  }

  lookup(cloudID: string): Lookup {
    const entry = Object.prototype.hasOwnProperty.call(this.issued, cloudID)
      ? this.issued[cloudID]
      : undefined
    if (!entry) return { ok: false, errorCode: WX_INVALID_CLOUDID }
    if (this.now().getTime() >= entry.expiresAt) return { ok: false, errorCode: WX_CLOUDID_EXPIRED }
    return { ok: true, opengid: entry.opengid }
  }
}
