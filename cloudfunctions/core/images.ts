/**
 * Uploaded images: what counts as one, how large, and how each use is screened. Pure rules; the
 * storage and the media check are in runtime/images.ts.
 */

/** What an uploaded image is for: it decides the storage folder and the media check's scene. */
export const IMAGE_PURPOSES = ['logo', 'avatar', 'item', 'evidence', 'cover'] as const
export type ImagePurpose = (typeof IMAGE_PURPOSES)[number]

/** The media check takes images up to 10 MB; the client compresses, so 5 MB is plenty. */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024

/** security.mediaCheckAsync scene per use (1 profile, 3 forum, 4 social log). */
export const IMAGE_SCENE: Record<ImagePurpose, number> = {
  avatar: 1,
  logo: 1,
  item: 3,
  cover: 3,
  evidence: 4,
}

export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp'

/** The image type by the file's first bytes (never by its name), or null when it is not an image. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png'
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg'
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif'
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'webp'
  return null
}

/** Where a client puts an upload: one folder per use, a name nobody else picks. */
export function uploadPath(purpose: ImagePurpose, unique: string, extension: string): string {
  const ext = /^[a-z0-9]{1,5}$/i.test(extension) ? extension.toLowerCase() : 'jpg'
  return `uploads/${purpose}/${unique}.${ext}`
}
