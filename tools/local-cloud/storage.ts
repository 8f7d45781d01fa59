/**
 * Cloud storage stand-in: files on disk under <dataDir>/storage/<path>, spoken to the way the real
 * wx-server-sdk and the mini-program speak to cloud storage.
 *   storage.getUploadMetadata   (cloud.uploadFile, step 1) a signed PUT URL on this server
 *   PUT  /_storage/<path>        (cloud.uploadFile, step 2) the bytes, as COS takes them; empty body back
 *   storage.batchGetDownloadUrl (cloud.getTempFileURL) signed GET URLs that expire with the local clock
 *   storage.batchDeleteFile     (cloud.deleteFile)
 *   GET  /_storage/<path>?sign=&t=  the temp URL itself: the bytes, 403 once expired or forged
 *   POST /storage/upload?cloudPath=  the client's wx.cloud.uploadFile (H5 build, tests): raw bytes
 *   POST /storage/temp-urls {fileList} the client's wx.cloud.getTempFileURL
 * A file ID is `cloud://<envId>.<bucket>/<path>`; a file ID of another environment is not found here.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type http from 'node:http'
import type { LocalClock } from './clock'
import { readBody, sendJson } from './http-util'

interface FileRequest {
  fileid?: unknown
  max_age?: unknown
}

const DEFAULT_MAX_AGE = 7200
/** How long an upload URL from getUploadMetadata stays good (the platform's are short too). */
const UPLOAD_URL_SECONDS = 600
/** Cloud storage takes files up to 5 GB; locally a stand-in has no use for more than this. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
}

export class LocalStorage {
  private readonly root: string
  /** Signs temp and upload URLs; a restart makes earlier URLs stale, as expiry would. */
  private readonly secret = randomBytes(32)
  readonly bucket: string
  /** The server's own URL, known once it listens. */
  baseUrl = ''

  constructor(private readonly options: { dataDir: string; envId: string; clock: LocalClock }) {
    this.root = path.join(options.dataDir, 'storage')
    this.bucket = `7162-${options.envId}-local`
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.options.envId}.${this.bucket}/${cloudPath}`
  }

  /** The path of one of our file IDs, or null (malformed, another environment, or escaping the root). */
  pathOf(fileId: string): string | null {
    const match = /^cloud:\/\/([^/]+)\/(.+)$/.exec(fileId)
    if (!match || match[1] !== `${this.options.envId}.${this.bucket}`) return null
    return cleanPath(match[2])
  }

  private fileOf(cloudPath: string): string {
    return path.join(this.root, cloudPath)
  }

  private sign(method: string, cloudPath: string, expires: number): string {
    return createHmac('sha256', this.secret)
      .update(`${method}\n${cloudPath}\n${expires}`)
      .digest('hex')
      .slice(0, 32)
  }

  private signedUrl(method: string, cloudPath: string, seconds: number): { url: string; expires: number } {
    const expires = Math.floor(this.options.clock.now().getTime() / 1000) + seconds
    const encoded = cloudPath.split('/').map(encodeURIComponent).join('/')
    return {
      url: `${this.baseUrl}/_storage/${encoded}?sign=${this.sign(method, cloudPath, expires)}&t=${expires}`,
      expires,
    }
  }

  private verify(method: string, cloudPath: string, url: URL): 'ok' | 'expired' | 'forged' {
    const expires = Number(url.searchParams.get('t'))
    const given = Buffer.from(url.searchParams.get('sign') ?? '')
    const wanted = Buffer.from(this.sign(method, cloudPath, expires))
    if (!Number.isInteger(expires) || given.length !== wanted.length || !timingSafeEqual(given, wanted))
      return 'forged'
    return this.options.clock.now().getTime() / 1000 > expires ? 'expired' : 'ok'
  }

  private async exists(cloudPath: string): Promise<boolean> {
    try {
      return (await fs.stat(this.fileOf(cloudPath))).isFile()
    } catch {
      return false
    }
  }

  /** Write a file and answer its file ID (the client upload and the PUT both end here). */
  async put(cloudPath: string, bytes: Buffer): Promise<string> {
    const file = this.fileOf(cloudPath)
    await fs.mkdir(path.dirname(file), { recursive: true })
    await fs.writeFile(file, bytes)
    return this.fileIdOf(cloudPath)
  }

  getUploadMetadata(params: Record<string, unknown>): unknown {
    const cloudPath = typeof params.path === 'string' ? cleanPath(params.path) : null
    if (!cloudPath) return { code: 'INVALID_PARAM', message: 'path is invalid' }
    const { url } = this.signedUrl('PUT', cloudPath, UPLOAD_URL_SECONDS)
    const token = randomBytes(16).toString('hex')
    return {
      requestId: randomBytes(8).toString('hex'),
      data: {
        url,
        token,
        authorization: `q-sign-algorithm=sha1&local=${token}`,
        fileId: this.fileIdOf(cloudPath),
        cosFileId: randomBytes(12).toString('hex'),
      },
    }
  }

  async batchGetDownloadUrl(params: Record<string, unknown>): Promise<unknown> {
    const list = Array.isArray(params.file_list) ? (params.file_list as FileRequest[]) : null
    if (!list) return { code: 'INVALID_PARAM', message: 'file_list must be an array' }
    return {
      requestId: randomBytes(8).toString('hex'),
      data: { download_list: await Promise.all(list.map((f) => this.tempUrlOf(f))) },
    }
  }

  private async tempUrlOf(f: FileRequest) {
    const fileID = typeof f.fileid === 'string' ? f.fileid : ''
    const maxAge = typeof f.max_age === 'number' && f.max_age > 0 ? f.max_age : DEFAULT_MAX_AGE
    const cloudPath = this.pathOf(fileID)
    if (!cloudPath || !(await this.exists(cloudPath)))
      return { fileID, code: 'STORAGE_FILE_NONEXIST', tempFileURL: '', maxAge }
    return { fileID, code: 'SUCCESS', tempFileURL: this.signedUrl('GET', cloudPath, maxAge).url, maxAge }
  }

  async batchDeleteFile(params: Record<string, unknown>): Promise<unknown> {
    const list = Array.isArray(params.fileid_list) ? (params.fileid_list as unknown[]) : null
    if (!list) return { code: 'INVALID_PARAM', message: 'fileid_list must be an array' }
    const deleted = await Promise.all(
      list.map(async (id) => {
        const fileID = typeof id === 'string' ? id : ''
        const cloudPath = this.pathOf(fileID)
        if (!cloudPath || !(await this.exists(cloudPath))) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
        await fs.rm(this.fileOf(cloudPath))
        return { fileID, code: 'SUCCESS' }
      }),
    )
    return { requestId: randomBytes(8).toString('hex'), data: { delete_list: deleted } }
  }

  /** Admin API actions this stand-in answers, or null when `action` is not a storage one. */
  async handleAdmin(action: string, params: Record<string, unknown>): Promise<unknown> {
    if (action === 'storage.getUploadMetadata') return this.getUploadMetadata(params)
    if (action === 'storage.batchGetDownloadUrl') return this.batchGetDownloadUrl(params)
    if (action === 'storage.batchDeleteFile') return this.batchDeleteFile(params)
    return null
  }

  /** HTTP routes: the signed URLs (/_storage/…) and the client's calls (/storage/…). False if not ours. */
  async handleHttp(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname.startsWith('/_storage/')) {
      const cloudPath = cleanPath(decodeURIComponent(url.pathname.slice('/_storage/'.length)))
      const method =
        req.method === 'PUT' ? 'PUT' : req.method === 'GET' || req.method === 'HEAD' ? 'GET' : null
      if (!cloudPath || !method) return (cosError(res, 400, 'InvalidRequest', 'bad path or method'), true)
      const verdict = this.verify(method, cloudPath, url)
      if (verdict !== 'ok')
        return (
          cosError(
            res,
            403,
            'AccessDenied',
            verdict === 'expired' ? 'Request has expired' : 'Signature does not match',
          ),
          true
        )
      if (method === 'PUT') {
        const body = await readBody(req)
        if (body.length > MAX_UPLOAD_BYTES)
          return (cosError(res, 400, 'EntityTooLarge', 'file too large'), true)
        await this.put(cloudPath, body)
        // COS answers an empty body on success; the SDK reads it as XML.
        res.writeHead(200, { 'content-length': 0 })
        res.end()
        return true
      }
      let bytes: Buffer
      try {
        bytes = await fs.readFile(this.fileOf(cloudPath))
      } catch {
        return (cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.'), true)
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream',
        'content-length': bytes.length,
      })
      res.end(req.method === 'HEAD' ? undefined : bytes)
      return true
    }
    if (req.method === 'POST' && url.pathname === '/storage/upload') {
      // The client's upload: the platform knows who uploads; locally the caller must say (x-wx-openid).
      if (!req.headers['x-wx-openid'])
        return (sendJson(res, 401, { errMsg: 'uploadFile:fail not logged in' }), true)
      const cloudPath = cleanPath(url.searchParams.get('cloudPath') ?? '')
      if (!cloudPath) return (sendJson(res, 400, { errMsg: 'uploadFile:fail invalid cloudPath' }), true)
      const body = await readBody(req)
      if (!body.length || body.length > MAX_UPLOAD_BYTES)
        return (sendJson(res, 400, { errMsg: 'uploadFile:fail file is empty or too large' }), true)
      sendJson(res, 200, {
        fileID: await this.put(cloudPath, body),
        statusCode: 200,
        errMsg: 'uploadFile:ok',
      })
      return true
    }
    if (req.method === 'POST' && url.pathname === '/storage/temp-urls') {
      const { fileList } = JSON.parse((await readBody(req)).toString('utf8') || '{}') as {
        fileList?: unknown
      }
      if (!Array.isArray(fileList))
        return (sendJson(res, 400, { errMsg: 'getTempFileURL:fail fileList' }), true)
      const list = await Promise.all(fileList.map((fileid) => this.tempUrlOf({ fileid })))
      sendJson(res, 200, {
        fileList: list.map((f) => ({
          fileID: f.fileID,
          tempFileURL: f.tempFileURL,
          maxAge: f.maxAge,
          status: f.code === 'SUCCESS' ? 0 : -1,
          errMsg: f.code === 'SUCCESS' ? 'ok' : f.code,
        })),
      })
      return true
    }
    return false
  }
}

/** A relative path inside the bucket, or null when it is empty or climbs out. */
function cleanPath(raw: string): string | null {
  const parts = raw.split('/').filter((p) => p && p !== '.')
  if (!parts.length || parts.some((p) => p === '..' || p.includes('\\') || p.includes('\0'))) return null
  return parts.join('/')
}

function cosError(res: http.ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>`
  res.writeHead(status, { 'content-type': 'application/xml' })
  res.end(body)
}
