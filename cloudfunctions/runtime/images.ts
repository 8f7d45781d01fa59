/**
 * Uploaded images (logos, avatars, item pictures, evidence). A client uploads to cloud storage and
 * hands the function a `cloud://` file ID; `acceptImage` decides whether that file may be used, and
 * sends it through the platform media check (runtime/media-check.ts). Each accepted file has a row
 * in `images` whose `photoStatus[0]` the check's verdict sets; others see an image only once it is
 * 'pass' (`visibleImageUrls`), its uploader sees it while it waits.
 */
import { createHash } from 'node:crypto'
import { IMAGE_MAX_BYTES, IMAGE_SCENE, imageTypeOf, type ImagePurpose } from '../core/images'
import type { PhotoStatus } from '../core/moderation'
import { getCloud, type Database } from './cloud'
import { getDocOrNull, inTransaction, txGetOrNull } from './db'
import { AppError } from './errors'
import { recordPhotoChecks, requestPhotoChecks } from './media-check'

export interface ImageUse {
  communityId: string
  openid: string
  /** The `cloud://` file ID the client uploaded. */
  fileId: string
  purpose: ImagePurpose
  now: Date
}

export interface ImageDoc {
  _id: string
  communityId: string
  /** Who uploaded and first used it: nobody else may claim the file. */
  openid: string
  fileId: string
  purpose: ImagePurpose
  /** One entry, the media check's outcome (the shape media-check.ts updates). */
  photoStatus: PhotoStatus[]
  createdAt: Date
}

const INVALID = () => new AppError('INVALID_INPUT', '图片无效或已过期，请重新上传')

/** The `images` row of a file ID (file IDs are long; the row id is their hash). */
export function imageIdOf(fileId: string): string {
  return createHash('sha256').update(fileId).digest('hex').slice(0, 32)
}

/** The environment this function runs in, as file IDs name it (`cloud://<env>.<bucket>/…`). */
function currentEnv(): string {
  const context = getCloud().getWXContext() as { ENV?: string }
  return context.ENV || process.env.TCB_ENV || process.env.SCF_NAMESPACE || ''
}

function isOwnFileId(fileId: string): boolean {
  const match = /^cloud:\/\/([^./]+)\.[^/]+\/.+$/.exec(fileId)
  return !!match && match[1] === currentEnv()
}

/**
 * Accept an uploaded image for a use: refuse a file of another environment, a file that is not
 * there or not an image, or one someone else uploaded; then screen it (media check) before others
 * see it. Accepting the same file again for its uploader changes nothing. Network: call it before
 * a transaction, never inside one.
 */
export async function acceptImage(db: Database, use: ImageUse): Promise<void> {
  if (!isOwnFileId(use.fileId)) throw INVALID()
  const id = imageIdOf(use.fileId)
  const known = await getDocOrNull<ImageDoc>(db, 'images', id)
  if (known) {
    if (known.openid !== use.openid || known.communityId !== use.communityId) throw INVALID()
    return
  }
  let bytes: Buffer
  try {
    const res = (await getCloud().downloadFile({ fileID: use.fileId })) as { fileContent?: Buffer }
    bytes = Buffer.from(res.fileContent ?? [])
  } catch {
    throw INVALID()
  }
  if (!bytes.length || !imageTypeOf(bytes))
    throw new AppError('INVALID_INPUT', '只能上传图片（JPG、PNG、GIF、WebP）')
  if (bytes.length > IMAGE_MAX_BYTES)
    throw new AppError('INVALID_INPUT', `图片不能超过 ${IMAGE_MAX_BYTES / 1024 / 1024} MB`)
  const checks = await requestPhotoChecks([use.fileId], {
    openid: use.openid,
    scene: IMAGE_SCENE[use.purpose],
  })
  await inTransaction(db, async (tx) => {
    const again = await txGetOrNull<ImageDoc>(tx, 'images', id)
    if (again) {
      if (again.openid !== use.openid || again.communityId !== use.communityId) throw INVALID()
      return
    }
    const row: Omit<ImageDoc, '_id'> = {
      communityId: use.communityId,
      openid: use.openid,
      fileId: use.fileId,
      purpose: use.purpose,
      photoStatus: ['checking'],
      createdAt: use.now,
    }
    await tx.collection('images').doc(id).set({ data: row })
    const [status] = await recordPhotoChecks(tx, checks, {
      communityId: use.communityId,
      collection: 'images',
      docId: id,
      openid: use.openid,
      now: use.now,
    })
    if (status !== 'checking')
      await tx
        .collection('images')
        .doc(id)
        .update({ data: { photoStatus: [status] } })
  })
}

/** Accept each cloud file among `images` (https links from before uploads pass through as they are). */
export async function acceptImages(db: Database, images: readonly string[], use: Omit<ImageUse, 'fileId'>) {
  for (const fileId of images) if (fileId.startsWith('cloud://')) await acceptImage(db, { ...use, fileId })
}

/**
 * What a viewer may see of `images`, as URLs any client can draw: cloud files once their check
 * passed (or the viewer's own while it waits) as temp URLs; https links as they are. In order; at
 * most two requests, none when there are no cloud files.
 */
export async function visibleImageUrls(
  db: Database,
  images: readonly string[],
  viewer: string,
): Promise<Map<string, string>> {
  const urls = new Map<string, string>()
  const fileIds = [...new Set(images.filter((i) => i.startsWith('cloud://')))]
  for (const i of images) if (i.startsWith('https://')) urls.set(i, i)
  if (!fileIds.length) return urls
  const _ = db.command
  const rows = (
    (await db
      .collection('images')
      .where({ _id: _.in(fileIds.map(imageIdOf)) })
      .limit(fileIds.length)
      .get()) as unknown as { data: ImageDoc[] }
  ).data
  const shown = new Set(
    rows
      .filter((r) => r.photoStatus[0] === 'pass' || (r.openid === viewer && r.photoStatus[0] === 'checking'))
      .map((r) => r.fileId),
  )
  const wanted = fileIds.filter((f) => shown.has(f))
  if (!wanted.length) return urls
  const res = (await getCloud().getTempFileURL({ fileList: wanted })) as {
    fileList: { fileID: string; tempFileURL: string; status: number }[]
  }
  for (const f of res.fileList) if (f.status === 0 && f.tempFileURL) urls.set(f.fileID, f.tempFileURL)
  return urls
}
