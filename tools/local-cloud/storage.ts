/**
 * Cloud storage, as far as functions use it: `cloud.getTempFileURL` (`storage.batchGetDownloadUrl`)
 * turns a `cloud://` file ID into a temporary https URL, as the platform does (the media check needs
 * one). The URL is not served locally; it carries the file's path, so stand-ins can read it.
 */
import { randomBytes } from 'node:crypto'

interface FileRequest {
  fileid?: unknown
  max_age?: unknown
}

const DEFAULT_MAX_AGE = 7200

export function batchGetDownloadUrl(params: Record<string, unknown>, envId: string, now: Date): unknown {
  const list = Array.isArray(params.file_list) ? (params.file_list as FileRequest[]) : null
  if (!list) return { code: 'INVALID_PARAM', message: 'file_list must be an array' }
  return {
    requestId: randomBytes(8).toString('hex'),
    data: {
      download_list: list.map((f) => {
        const fileID = typeof f.fileid === 'string' ? f.fileid : ''
        const maxAge = typeof f.max_age === 'number' ? f.max_age : DEFAULT_MAX_AGE
        const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)
        if (!match) return { fileID, code: 'STORAGE_FILE_NONEXIST', tempFileURL: '', maxAge }
        const expires = Math.floor(now.getTime() / 1000) + maxAge
        const sign = randomBytes(8).toString('hex')
        return {
          fileID,
          code: 'SUCCESS',
          tempFileURL: `https://${envId}.tcb.local/${match[1]}?sign=${sign}&t=${expires}`,
          maxAge,
        }
      }),
    },
  }
}
