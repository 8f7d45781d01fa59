/**
 * Handing an exported CSV (built by a cloud function with core/csv) to the person who asked for it.
 *   h5:    a file download
 *   weapp: written to the user data folder and opened for sharing; falls back to the clipboard
 */
import Taro from '@tarojs/taro'

export type CsvSaved = 'downloaded' | 'shared' | 'copied'

export async function saveCsv(fileName: string, csv: string): Promise<CsvSaved> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
    return 'downloaded'
  }
  try {
    const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
    Taro.getFileSystemManager().writeFileSync(filePath, csv, 'utf8')
    await Taro.shareFileMessage({ filePath, fileName })
    return 'shared'
  } catch {
    await Taro.setClipboardData({ data: csv })
    return 'copied'
  }
}

export const CSV_SAVED_MESSAGE: Record<CsvSaved, string> = {
  downloaded: '已下载 CSV 文件',
  shared: '已生成 CSV 文件',
  copied: '已复制到剪贴板，可粘贴到表格中',
}
