/**
 * The openapi stand-in: answers the `wx.openApi` requests the real wx-server-sdk sends for
 * cloud.openapi.* and cloud.getOpenData, in the encodings the SDK decodes (see wx-json.ts).
 *   security.msgSecCheck      word lists (security.ts, sensitive-words.json)
 *   security.mediaCheckAsync  a trace_id now, the verdict later as a push event (media-check.ts)
 *   subscribeMessage.send     one-time grants and an outbox (subscribe.ts)
 *   wxacode.getUnlimited      the community QR code as a PNG (wxacode.ts)
 *   ApiGetOpenDataByCloudId   group-share CloudIDs (cloud-ids.ts)
 * State lives under <dataDir>/openapi/ as JSON.
 */
import path from 'node:path'
import type { LocalClock } from '../clock'
import { CloudIds } from './cloud-ids'
import { parseMultipart } from './multipart'
import {
  ApiType,
  decodeCommApiData,
  decodeGetOpenDataReq,
  encodeGetOpenDataResp,
  type KeyValuePair,
} from './protobuf'
import { MediaChecks } from './media-check'
import { SecurityCheck, type WordLists } from './security'
import { SubscribeMessages, type OutboxFilter, type OutboxMessage } from './subscribe'
import { getUnlimited } from './wxacode'
import {
  gatewayErrorReply,
  imageReply,
  platformErrorReply,
  svrkitReply,
  wxJsonReply,
  type OpenApiReply,
} from './wx-json'

export type { OpenApiReply } from './wx-json'
export type { OutboxMessage, OutboxFilter } from './subscribe'
export type { WordLists, SensitiveWord, Suggest } from './security'
export type { MediaCheckEvent, MediaCheckRecord } from './media-check'

/** Who is calling an openapi: the function instance's current invocation. */
export interface CallerContext {
  openid?: string
  appid?: string
  functionName?: string
}

/** A group share CloudID, decrypted: the `json` of getOpenData's list items. */
export interface GroupOpenData {
  cloudID: string
  data: { opengid: string; watermark: { timestamp: number; appid: string } }
}

/** Code from wx-server-sdk's error table: ERR_CODE.WX_FUNCTIONS_SERVER_OPENAPI_NOT_FOUND. */
const API_NOT_FOUND = -604100
/** Stands in for the mini-program's appid when no function instance is calling. */
const LOCAL_APPID = 'wx-local-appid'

export class OpenApiStandIn {
  readonly security = new SecurityCheck()
  readonly media: MediaChecks
  private readonly subscribe: SubscribeMessages
  private readonly cloudIds: CloudIds

  constructor(readonly options: { clock: LocalClock; dataDir: string }) {
    const dir = path.join(options.dataDir, 'openapi')
    const now = (): Date => options.clock.now()
    this.media = new MediaChecks(now)
    this.subscribe = new SubscribeMessages(dir, now)
    this.cloudIds = new CloudIds(dir, now)
  }

  async open(): Promise<void> {
    await Promise.all([this.subscribe.open(), this.cloudIds.open()])
  }

  async close(): Promise<void> {
    this.media.close()
    await Promise.all([this.subscribe.close(), this.cloudIds.close()])
  }

  async handleMultipart(
    body: Buffer,
    contentType: string,
    caller: CallerContext | null,
  ): Promise<OpenApiReply> {
    let fields
    try {
      fields = parseMultipart(body, contentType)
    } catch (err) {
      return gatewayErrorReply('INVALID_PARAM', `local cloud: bad multipart body: ${(err as Error).message}`)
    }
    const text = (name: string): string => fields.get(name)?.value.toString('utf8') ?? ''
    const action = text('action')
    const apiName = text('apiName')
    if (action !== 'wx.openApi') {
      return gatewayErrorReply(
        'INVALID_PARAM',
        `${action || 'this action'} is not supported by the local cloud`,
      )
    }
    let data
    try {
      data = decodeCommApiData(fields.get('requestData')?.value ?? Buffer.alloc(0))
    } catch (err) {
      return gatewayErrorReply(
        'INVALID_PARAM',
        `local cloud: cannot decode requestData: ${(err as Error).message}`,
      )
    }
    const who = { ...caller, appid: caller?.appid || data.appid || LOCAL_APPID }

    if (data.apiType === ApiType.OPEN_API) {
      const params = pairsToParams(data.openapiPairs)
      if (apiName === 'security.msgSecCheck') return wxJsonReply(this.security.msgSecCheck(params))
      if (apiName === 'security.mediaCheckAsync') return wxJsonReply(this.media.check(params, who))
      if (apiName === 'subscribeMessage.send') return wxJsonReply(await this.subscribe.send(params, who))
      if (apiName === 'wxacode.getUnlimited') {
        const code = getUnlimited(params)
        return 'png' in code ? imageReply(code.png) : wxJsonReply(code.refused)
      }
      // What WeChat answers for an API it does not know, with the reason in errmsg.
      return wxJsonReply({
        errcode: API_NOT_FOUND,
        errmsg: `API not found: openapi.${apiName} is not supported by the local cloud (it serves security.msgSecCheck, security.mediaCheckAsync, subscribeMessage.send and wxacode.getUnlimited)`,
      })
    }
    if (data.apiType === ApiType.SVRKIT_API && data.svrkit?.apiName === 'ApiGetOpenDataByCloudId') {
      return this.getOpenData(data.svrkit.reqData, who.appid)
    }
    // Svrkit replies carry no message of their own, so refuse at the gateway to keep the reason.
    const name = data.svrkit?.apiName || apiName
    return gatewayErrorReply('INVALID_PARAM', `${name} is not supported by the local cloud`)
  }

  private getOpenData(reqData: Buffer, appid: string): OpenApiReply {
    const { cloudidList } = decodeGetOpenDataReq(reqData)
    const items: { cloudId: string; json: string }[] = []
    for (const cloudID of cloudidList) {
      const found = this.cloudIds.lookup(cloudID)
      // One bad id fails the whole call with the platform's code (-601005 unknown, -601006 expired).
      if (!found.ok) return platformErrorReply(found.errorCode)
      items.push({ cloudId: cloudID, json: JSON.stringify(this.openDataOf(cloudID, found.opengid, appid)) })
    }
    return svrkitReply(encodeGetOpenDataResp(items))
  }

  /**
   * The decrypted open data for a CloudID as the platform delivers it (to getOpenData, and in place
   * of wx.cloud.CloudID(id) in a callFunction event): null once expired or if never issued.
   */
  openData(cloudID: string, appid = LOCAL_APPID): GroupOpenData | null {
    const found = this.cloudIds.lookup(cloudID)
    return found.ok ? this.openDataOf(cloudID, found.opengid, appid) : null
  }

  private openDataOf(cloudID: string, opengid: string, appid: string): GroupOpenData {
    const timestamp = Math.floor(this.options.clock.now().getTime() / 1000)
    return { cloudID, data: { opengid, watermark: { timestamp, appid } } }
  }

  /** What the WeChat client does on a launch from a group share card: a CloudID for the group. */
  issueGroupCloudID(openGId: string): string {
    const { cloudID, saved } = this.cloudIds.issue(openGId)
    saved.catch((err: Error) => console.error(`openapi: could not save cloud ids: ${err.message}`))
    return cloudID
  }

  /** issueGroupCloudID, answering once the id is on disk (for the HTTP control). */
  async shareToGroup(openGId: string): Promise<{ cloudID: string; expiresAt: string }> {
    const { cloudID, expiresAt, saved } = this.cloudIds.issue(openGId)
    await saved
    return { cloudID, expiresAt }
  }

  /** The platform's decryption of a CloudID; null once expired or if never issued. */
  resolveCloudID(cloudID: string): { opengid: string } | null {
    const found = this.cloudIds.lookup(cloudID)
    return found.ok ? { opengid: found.opengid } : null
  }

  /** The user accepts `templateId` in wx.requestSubscribeMessage: allows one send. Returns sends left. */
  grantSubscription(openid: string, templateId: string): Promise<number> {
    return this.subscribe.grant(openid, templateId)
  }

  /** Sends still allowed for a user, per template. */
  subscriptionsOf(openid: string): Record<string, number> {
    return this.subscribe.grantsOf(openid)
  }

  /** Subscribe messages delivered so far, oldest first. */
  outbox(filter?: OutboxFilter): OutboxMessage[] {
    return this.subscribe.outbox(filter)
  }

  words(): WordLists {
    return this.security.words()
  }
}

/**
 * Request parameters back from the SDK's key/value pairs: each value is the JSON of one
 * (snake_cased) parameter, except media, which stays a Buffer.
 */
function pairsToParams(pairs: KeyValuePair[]): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const pair of pairs) {
    if (pair.contentType || pair.filename) {
      params[pair.key] = { contentType: pair.contentType, filename: pair.filename, value: pair.value }
      continue
    }
    const raw = pair.value.toString('utf8')
    try {
      params[pair.key] = JSON.parse(raw)
    } catch {
      params[pair.key] = raw
    }
  }
  return params
}
