import Taro from '@tarojs/taro'
import type * as SaveImage from './save-image'

function writeTemp(base64: string, fileName: string): string {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, base64, 'base64')
  return filePath
}

export const savePng: typeof SaveImage.savePng = async (base64, fileName) => {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: writeTemp(base64, fileName) })
    return '已保存到相册'
  } catch {
    return '没有保存：请在设置里允许保存到相册'
  }
}

export const sharePng: typeof SaveImage.sharePng = async (base64, fileName) => {
  try {
    await Taro.showShareImageMenu({ path: writeTemp(base64, fileName) })
    return true
  } catch {
    return false
  }
}
