import { AppError } from './errors'
import type { Database } from './cloud'

export interface ImageUse {
  communityId: string
  openid: string
  /** The `cloud://` file ID the client uploaded. */
  fileId: string
  purpose: 'logo' | 'avatar' | 'item' | 'evidence' | 'cover'
  now: Date
}

/**
 * Accept an uploaded image for a use: refuse what is not a file of this environment, and screen it
 * (media check) before others see it. (Stub: format only, until the storage stand-in lands.)
 */
export async function acceptImage(_db: Database, use: ImageUse): Promise<void> {
  if (!/^cloud:\/\/[^/]+\/.+/.test(use.fileId))
    throw new AppError('INVALID_INPUT', '图片文件无效，请重新上传')
}
