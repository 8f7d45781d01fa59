import { uploadPath, type ImagePurpose } from '@core/images'

/** A fresh storage path for an upload, keeping the chosen file's extension. */
export function cloudPathFor(purpose: ImagePurpose, filePath: string): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(filePath.split('?')[0])?.[1] ?? 'jpg'
  const unique = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
  return uploadPath(purpose, unique, ext)
}
