/**
 * The three envelopes a wx.openApi reply can take, as wx-server-sdk 4.0.2 tells them apart
 * (src/api/cloud/provider/tcb/api/callWXOpenAPI.ts and src/api/openapi/namespace/generic.ts):
 *  - protobuf CommOpenApiResp whose respData is WeChat's JSON (errcode/errmsg): what an API says;
 *  - protobuf CommOpenApiResp with errorCode set: the platform refused (e.g. expired CloudID);
 *  - JSON {code, message, requestId} with content-type exactly "application/json; charset=utf-8":
 *    the CloudBase gateway refused the request itself.
 */
import { randomUUID } from 'node:crypto'
import { encodeCommOpenApiResp } from './protobuf'

/** A WeChat openapi JSON answer. */
export interface WxJson {
  errcode: number
  errmsg: string
  [key: string]: unknown
}

export interface OpenApiReply {
  status: number
  contentType: string
  body: Buffer | string
}

/** Not the JSON content type the SDK watches for, so it decodes the body as protobuf. */
const PROTOBUF = 'application/octet-stream'

/** An API's JSON answer; the SDK throws for a non-zero errcode, else returns it camelCased. */
export function wxJsonReply(json: WxJson): OpenApiReply {
  const body = encodeCommOpenApiResp({
    respData: Buffer.from(JSON.stringify(json)),
    // WeChat's own spelling; the SDK only tests it for application/json.
    contentType: 'application/json; encoding=utf-8',
    httpCode: 200,
  })
  return { status: 200, contentType: PROTOBUF, body }
}

/** A svrkit API's protobuf answer (getOpenData & co.). */
export function svrkitReply(respData: Buffer): OpenApiReply {
  return { status: 200, contentType: PROTOBUF, body: encodeCommOpenApiResp({ respData, svrkitErrorCode: 0 }) }
}

/** The platform refuses: the SDK throws errCode `errorCode` ("system error: error code: …"). */
export function platformErrorReply(errorCode: number): OpenApiReply {
  return { status: 200, contentType: PROTOBUF, body: encodeCommOpenApiResp({ errorCode }) }
}

/**
 * The CloudBase gateway refuses. The SDK maps `code` through its TCB_ERR_CODE table (INVALID_PARAM
 * is -501007) and keeps `message`, so the reason reaches the function's error.
 */
export function gatewayErrorReply(code: string, message: string): OpenApiReply {
  return {
    status: 200,
    // Must be exactly this string: the SDK compares the header with ===.
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ code, message, requestId: randomUUID() }),
  }
}

/** An API that answers bytes (wxacode): the SDK hands the function {contentType, buffer}. */
export function imageReply(bytes: Buffer, contentType = 'image/png'): OpenApiReply {
  const body = encodeCommOpenApiResp({ respData: bytes, contentType, httpCode: 200 })
  return { status: 200, contentType: PROTOBUF, body }
}
