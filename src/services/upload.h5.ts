/**
 * H5 uploads go to the local cloud's storage stand-in, which stands in for wx.cloud.uploadFile:
 * POST /storage/upload?cloudPath=… with the bytes (the persona's openid says who uploads).
 */
import { currentPersona } from './session'
import { NETWORK_MESSAGE, ServiceError } from './service-error'
import { cloudPathFor } from './upload-path'
import type * as Upload from './upload'

const UPLOAD_FAILED = '图片上传失败，请重试'

export const uploadImage: typeof Upload.uploadImage = async (filePath, purpose, onProgress) => {
  let bytes: Blob
  let res: Response
  try {
    // chooseImage gives the picked file as a blob: URL.
    bytes = await (await fetch(filePath)).blob()
    onProgress?.(10)
    const headers: Record<string, string> = { 'content-type': bytes.type || 'application/octet-stream' }
    const openid = currentPersona()
    if (openid) headers['x-wx-openid'] = openid
    const cloudPath = cloudPathFor(purpose, bytes.type ? `x.${bytes.type.split('/')[1]}` : filePath)
    res = await fetch(`/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers,
      body: bytes,
    })
  } catch {
    throw new ServiceError('INTERNAL', NETWORK_MESSAGE)
  }
  if (res.status !== 200) throw new ServiceError('INTERNAL', UPLOAD_FAILED)
  const { fileID } = (await res.json()) as { fileID?: string }
  if (!fileID) throw new ServiceError('INTERNAL', UPLOAD_FAILED)
  onProgress?.(100)
  return fileID
}

export const previewUrl: typeof Upload.previewUrl = async (fileId) => {
  try {
    const res = await fetch('/storage/temp-urls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileList: [fileId] }),
    })
    const { fileList } = (await res.json()) as { fileList?: { tempFileURL: string; status: number }[] }
    return fileList?.[0]?.status === 0 ? fileList[0].tempFileURL : ''
  } catch {
    return ''
  }
}
