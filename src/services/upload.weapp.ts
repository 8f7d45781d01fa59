/** weapp uploads: Taro.cloud.uploadFile to the environment's storage; the platform knows the uploader. */
import Taro from '@tarojs/taro'
import { initCloud } from './transport'
import { NETWORK_MESSAGE, ServiceError } from './service-error'
import { cloudPathFor } from './upload-path'
import type * as Upload from './upload'

interface UploadTask {
  onProgressUpdate?(listener: (res: { progress: number }) => void): void
}

export const uploadImage: typeof Upload.uploadImage = (filePath, purpose, onProgress) => {
  initCloud()
  return new Promise((resolve, reject) => {
    // The callback form returns the task, whose progress the caller shows.
    const task = Taro.cloud.uploadFile({
      cloudPath: cloudPathFor(purpose, filePath),
      filePath,
      success: (res: { fileID: string }) => resolve(res.fileID),
      fail: () => reject(new ServiceError('INTERNAL', NETWORK_MESSAGE)),
    } as unknown as Parameters<typeof Taro.cloud.uploadFile>[0]) as unknown as UploadTask | undefined
    task?.onProgressUpdate?.((res) => onProgress?.(res.progress))
  })
}

/** The Image component draws a cloud file ID itself. */
export const previewUrl: typeof Upload.previewUrl = async (fileId) => fileId
