import type * as SaveImage from './save-image'

export const savePng: typeof SaveImage.savePng = async (base64, fileName) => {
  const link = document.createElement('a')
  link.href = `data:image/png;base64,${base64}`
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  return '已下载'
}

/** The browser shares files only through the system sheet, where it exists. */
export const sharePng: typeof SaveImage.sharePng = async (base64, fileName) => {
  const nav = navigator as Navigator & { canShare?: (data: { files: File[] }) => boolean }
  if (!nav.share || !nav.canShare) return false
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const file = new File([bytes], fileName, { type: 'image/png' })
  if (!nav.canShare({ files: [file] })) return false
  try {
    await nav.share({ files: [file] })
    return true
  } catch {
    return false
  }
}
