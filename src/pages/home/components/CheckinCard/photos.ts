/**
 * Check-in photos. On weapp they go to cloud storage (Taro.cloud.uploadFile) and the check-in keeps
 * their file IDs. The H5 dev build has no cloud storage, so it offers no picker and says so.
 */
import Taro from '@tarojs/taro'
import { CHECKIN_PHOTOS_MAX } from '@core/checkin'

export const PHOTOS_SUPPORTED = process.env.TARO_ENV === 'weapp'

export async function pickAndUploadPhotos(already: number): Promise<string[]> {
  const room = CHECKIN_PHOTOS_MAX - already
  if (!PHOTOS_SUPPORTED || room <= 0) return []
  const picked = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] })
  const ids: string[] = []
  for (const [i, file] of picked.tempFiles.entries()) {
    const res = await Taro.cloud.uploadFile({
      cloudPath: `checkins/${Date.now()}-${i}-${Math.random().toString(36).slice(2, 8)}.jpg`,
      filePath: file.tempFilePath,
    })
    ids.push(res.fileID)
  }
  return ids
}

/** Whether this build can draw a stored photo (weapp draws cloud:// file IDs itself). */
export function canShowPhoto(src: string): boolean {
  return src.startsWith('https://') || (PHOTOS_SUPPORTED && src.startsWith('cloud://'))
}
