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

/** One numbered file of an export, as every export action answers it (core/csv ExportPart). */
export interface ExportFile {
  csv: string
  fileName: string
  rows: number
  part: number
  nextCursor: string | null
}

export interface ExportProgress {
  /** Files saved so far. */
  files: number
  /** Rows saved so far. */
  rows: number
}

/**
 * Every export's download: asks for the numbered files one after another (`fetchPart(cursor)`),
 * saves each as it comes and reports progress after each; answers what was saved and the totals.
 */
export async function saveExport(
  fetchPart: (cursor?: string) => Promise<ExportFile>,
  onProgress?: (progress: ExportProgress) => void,
): Promise<ExportProgress & { saved: CsvSaved; message: string }> {
  let cursor: string | undefined
  let saved: CsvSaved = 'downloaded'
  const progress: ExportProgress = { files: 0, rows: 0 }
  do {
    const part = await fetchPart(cursor)
    saved = await saveCsv(part.fileName, part.csv)
    progress.files += 1
    progress.rows += part.rows
    onProgress?.({ ...progress })
    cursor = part.nextCursor ?? undefined
  } while (cursor)
  const files = progress.files > 1 ? `，共 ${progress.files} 个文件` : ''
  return { ...progress, saved, message: `${CSV_SAVED_MESSAGE[saved]}（${progress.rows} 条${files}）` }
}

/** A running export's progress, for the button: 「导出中 2 个文件 · 4000 条」. */
export function exportProgressText(progress: ExportProgress | null): string {
  return progress ? `导出中 ${progress.files} 个文件 · ${progress.rows} 条` : '导出中…'
}
