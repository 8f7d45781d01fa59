// Placeholder: the openapi stand-in is being written; see docs/ARCHITECTURE.md.
import type { LocalClock } from '../clock'

/** Who is calling an openapi: the function instance's current invocation. */
export interface CallerContext {
  openid?: string
  appid?: string
  functionName?: string
}

export interface OpenApiReply {
  status: number
  contentType: string
  body: Buffer | string
}

export class OpenApiStandIn {
  constructor(readonly options: { clock: LocalClock; dataDir: string }) {}
  async open(): Promise<void> {}
  async close(): Promise<void> {}
  async handleMultipart(_body: Buffer, _contentType: string, _caller: CallerContext | null): Promise<OpenApiReply> {
    return { status: 200, contentType: 'application/json', body: JSON.stringify({ code: 'NOT_IMPLEMENTED' }) }
  }
  /** What the WeChat client does on a launch from a group share card: a CloudID for the group. */
  issueGroupCloudID(openGId: string): string {
    return `local-cloudid:${openGId}`
  }
  /** The platform's decryption of a CloudID; null once expired or if never issued. */
  resolveCloudID(cloudID: string): { opengid: string } | null {
    return cloudID.startsWith('local-cloudid:') ? { opengid: cloudID.slice('local-cloudid:'.length) } : null
  }
}
