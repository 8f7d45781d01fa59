/**
 * Member photos (check-in notes, square posts). On weapp they go to cloud storage
 * (Taro.cloud.uploadFile) and the note or post keeps their file IDs. The H5 dev build has no cloud
 * storage, so pages offer no picker there and say so.
 */
import Taro from '@tarojs/taro'

export const PHOTOS_SUPPORTED = process.env.TARO_ENV === 'weapp'

/** Pick up to `max - already` photos and upload them under `folder`; their file IDs. */
export async function pickAndUploadPhotos(already: number, max: number, folder: string): Promise<string[]> {
  const room = max - already
  if (!PHOTOS_SUPPORTED || room <= 0) return []
  const picked = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] })
  const ids: string[] = []
  for (const [i, file] of picked.tempFiles.entries()) {
    const res = await Taro.cloud.uploadFile({
      cloudPath: `${folder}/${Date.now()}-${i}-${Math.random().toString(36).slice(2, 8)}.jpg`,
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
