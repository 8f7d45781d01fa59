/**
 * The few protobuf messages wx-server-sdk exchanges on `wx.openApi` (field numbers copied from the
 * SDK bundle's src/protobuf/openapi.js). A hand-written codec: proto3 wire format only, unknown
 * fields skipped, so we need no protobuf dependency and no .proto file.
 */

// ---- wire primitives -------------------------------------------------------------------------

class Reader {
  pos = 0
  constructor(readonly buf: Buffer) {}

  get done(): boolean {
    return this.pos >= this.buf.length
  }

  varint(): bigint {
    let result = 0n
    let shift = 0n
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('protobuf: truncated varint')
      const byte = this.buf[this.pos++]
      result |= BigInt(byte & 0x7f) << shift
      if ((byte & 0x80) === 0) return result
      shift += 7n
      if (shift > 63n) throw new Error('protobuf: varint too long')
    }
  }

  bytes(): Buffer {
    const len = Number(this.varint())
    if (this.pos + len > this.buf.length) throw new Error('protobuf: truncated field')
    const out = this.buf.subarray(this.pos, this.pos + len)
    this.pos += len
    return out
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint()
    else if (wireType === 1) this.pos += 8
    else if (wireType === 2) this.bytes()
    else if (wireType === 5) this.pos += 4
    else throw new Error(`protobuf: unsupported wire type ${wireType}`)
    if (this.pos > this.buf.length) throw new Error('protobuf: truncated field')
  }

  /** Calls `onField` for each field; the callback reads the value or returns false to skip it. */
  fields(onField: (field: number, wireType: number) => boolean): void {
    while (!this.done) {
      const tag = Number(this.varint())
      const field = tag >>> 3
      const wireType = tag & 7
      if (!onField(field, wireType)) this.skip(wireType)
    }
  }
}

const int32 = (v: bigint): number => Number(BigInt.asIntN(32, v))

class Writer {
  private chunks: Buffer[] = []

  private varint(value: bigint): void {
    // Negative int32s go out as 10-byte two's complement, as protobufjs writes and reads them.
    let v = BigInt.asUintN(64, value)
    const bytes: number[] = []
    do {
      let byte = Number(v & 0x7fn)
      v >>= 7n
      if (v > 0n) byte |= 0x80
      bytes.push(byte)
    } while (v > 0n)
    this.chunks.push(Buffer.from(bytes))
  }

  private tag(field: number, wireType: number): void {
    this.varint(BigInt((field << 3) | wireType))
  }

  int(field: number, value: number | undefined): this {
    // proto3: zero is the default and is not written.
    if (value) {
      this.tag(field, 0)
      this.varint(BigInt(value))
    }
    return this
  }

  bytes(field: number, value: Buffer | string | undefined): this {
    if (value === undefined) return this
    const buf = typeof value === 'string' ? Buffer.from(value, 'utf8') : value
    this.tag(field, 2)
    this.varint(BigInt(buf.length))
    this.chunks.push(buf)
    return this
  }

  finish(): Buffer {
    return Buffer.concat(this.chunks)
  }
}

const utf8 = (b: Buffer): string => b.toString('utf8')

// ---- messages --------------------------------------------------------------------------------

/** CommApiData.ApiType */
export const ApiType = { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } as const

/** KeyValuePair: one request parameter of an OPEN_API call; value is JSON unless it is media. */
export interface KeyValuePair {
  key: string
  value: Buffer
  contentType?: string
  filename?: string
}

/** CommApiData: the `requestData` form field of every wx.openApi request. */
export interface CommApiData {
  apiType: number
  openapiPairs: KeyValuePair[]
  svrkit?: { apiName: string; reqData: Buffer }
  appid: string
}

export function decodeCommApiData(buf: Buffer): CommApiData {
  const out: CommApiData = { apiType: ApiType.OPEN_API, openapiPairs: [], appid: '' }
  const r = new Reader(buf)
  r.fields((field, wt) => {
    if (field === 1 && wt === 0) out.apiType = int32(r.varint())
    else if (field === 2 && wt === 2) out.openapiPairs.push(...decodeOpenApiData(r.bytes()))
    else if (field === 4 && wt === 2) out.svrkit = decodeSvrkitApiData(r.bytes())
    else if (field === 6 && wt === 2) out.appid = utf8(r.bytes())
    else return false
    return true
  })
  return out
}

function decodeOpenApiData(buf: Buffer): KeyValuePair[] {
  const pairs: KeyValuePair[] = []
  const r = new Reader(buf)
  r.fields((field, wt) => {
    if (field !== 1 || wt !== 2) return false
    const pair: KeyValuePair = { key: '', value: Buffer.alloc(0) }
    const p = new Reader(r.bytes())
    p.fields((f, w) => {
      if (w !== 2) return false
      if (f === 1) pair.key = utf8(p.bytes())
      else if (f === 2) pair.value = p.bytes()
      else if (f === 3) pair.contentType = utf8(p.bytes())
      else if (f === 4) pair.filename = utf8(p.bytes())
      else return false
      return true
    })
    pairs.push(pair)
    return true
  })
  return pairs
}

function decodeSvrkitApiData(buf: Buffer): { apiName: string; reqData: Buffer } {
  const out: { apiName: string; reqData: Buffer } = { apiName: '', reqData: Buffer.alloc(0) }
  const r = new Reader(buf)
  r.fields((field, wt) => {
    if (wt !== 2) return false
    if (field === 1) out.apiName = utf8(r.bytes())
    else if (field === 2) out.reqData = r.bytes()
    else return false
    return true
  })
  return out
}

/** CommOpenApiResp: the whole HTTP body of a successful wx.openApi reply. */
export interface CommOpenApiResp {
  respData?: Buffer
  contentType?: string
  /** Platform-level failure (the SDK throws it before looking at respData), e.g. -601006. */
  errorCode?: number
  httpCode?: number
  headers?: { key: string; value: string }[]
  /** Non-zero makes getOpenData & co. throw "internal svrkit error". */
  svrkitErrorCode?: number
}

export function encodeCommOpenApiResp(msg: CommOpenApiResp): Buffer {
  const w = new Writer()
    .bytes(1, msg.respData)
    .bytes(2, msg.contentType)
    .int(3, msg.errorCode)
    .int(4, msg.httpCode)
  for (const h of msg.headers ?? []) w.bytes(5, new Writer().bytes(1, h.key).bytes(2, h.value).finish())
  return w.int(6, msg.svrkitErrorCode).finish()
}

/** ApiGetOpenDataByCloudIdReq: field 2 repeated cloudid, field 3 appid. */
export function decodeGetOpenDataReq(buf: Buffer): { cloudidList: string[]; appid: string } {
  const out = { cloudidList: [] as string[], appid: '' }
  const r = new Reader(buf)
  r.fields((field, wt) => {
    if (wt !== 2) return false
    if (field === 2) out.cloudidList.push(utf8(r.bytes()))
    else if (field === 3) out.appid = utf8(r.bytes())
    else return false
    return true
  })
  return out
}

/** ApiGetOpenDataByCloudIdResp: repeated OpDataItem {1 cloudId, 2 json}. */
export function encodeGetOpenDataResp(items: { cloudId: string; json: string }[]): Buffer {
  const w = new Writer()
  for (const item of items) w.bytes(1, new Writer().bytes(1, item.cloudId).bytes(2, item.json).finish())
  return w.finish()
}
