/**
 * Member photos through the platform's media check (house rule 9). `security.mediaCheckAsync` (v2)
 * answers a trace_id at once; the verdict arrives later as a `wxa_media_check` message push to this
 * function (configure cloud development's message push for the event to the function that asks:
 * `checkin`). Until then, and unless it is pass, a photo is shown to its author only.
 *
 * Order-proof: the check is asked before the transaction (network); the transaction that stores the
 * photo records each trace_id with the document and photo it decides (`media_checks`); a verdict
 * that arrives first is kept on the same row and read by that transaction.
 */
import { errorOf, type ActionResult } from '../core/errors'
import { photoStatusOf, type PhotoStatus, type Verdict } from '../core/moderation'
import { getCloud, getDb, type Database } from './cloud'
import { inTransaction, txGetOrNull, type Transaction } from './db'
import { fail } from './errors'

export interface PhotoCheck {
  photo: string
  traceId: string
}

export interface MediaCheckDoc {
  _id: string
  /** Absent while only the verdict is known (it arrived before the photo's transaction). */
  communityId?: string
  collection?: string
  docId?: string
  /** The photo's position in the document's `photos` (and `photoStatus`). */
  index?: number
  openid?: string
  photo?: string
  status: PhotoStatus
  suggest?: Verdict
  createdAt?: Date
  decidedAt?: Date
}

/** The push event's fields we read. */
export interface MediaCheckPush {
  MsgType: 'event'
  Event: 'wxa_media_check'
  trace_id: string
  result?: { suggest?: string }
}

export function isMediaCheckPush(event: unknown): event is MediaCheckPush {
  const e = event as Partial<MediaCheckPush> | null
  return !!e && e.MsgType === 'event' && e.Event === 'wxa_media_check'
}

/** The media check's image type (1 is audio). */
const MEDIA_IMAGE = 2

/**
 * Ask the platform to check each photo: a `cloud://` file ID goes by its temp https URL (the API
 * takes no file IDs). Network: call it before the transaction, never inside one.
 */
export async function requestPhotoChecks(
  photos: readonly string[],
  options: { openid: string; scene: number },
): Promise<PhotoCheck[]> {
  if (!photos.length) return []
  const cloud = getCloud()
  const fileIds = photos.filter((p) => p.startsWith('cloud://'))
  const urls = new Map<string, string>()
  if (fileIds.length) {
    const res = (await cloud.getTempFileURL({ fileList: fileIds })) as {
      fileList: { fileID: string; tempFileURL: string; status: number }[]
    }
    for (const f of res.fileList) if (f.status === 0 && f.tempFileURL) urls.set(f.fileID, f.tempFileURL)
  }
  return Promise.all(
    photos.map(async (photo) => {
      const mediaUrl = photo.startsWith('cloud://') ? urls.get(photo) : photo
      if (!mediaUrl) return fail('INVALID_INPUT', '照片不存在或已过期，请重新上传', { photos: '照片不存在' })
      const res = (await cloud.openapi.security.mediaCheckAsync({
        mediaUrl,
        mediaType: MEDIA_IMAGE,
        version: 2,
        scene: options.scene,
        openid: options.openid,
      })) as { traceId?: string; trace_id?: string }
      const traceId = res.traceId ?? res.trace_id
      if (!traceId) throw new Error('mediaCheckAsync answered no trace_id')
      return { photo, traceId }
    }),
  )
}

/**
 * In the transaction that stores the photos: record which document and photo each check decides,
 * and answer each photo's status (a verdict already in stays).
 */
export async function recordPhotoChecks(
  tx: Transaction,
  checks: readonly PhotoCheck[],
  target: { communityId: string; collection: string; docId: string; openid: string; now: Date },
): Promise<PhotoStatus[]> {
  const statuses: PhotoStatus[] = []
  for (const [index, check] of checks.entries()) {
    const known = await txGetOrNull<MediaCheckDoc>(tx, 'media_checks', check.traceId)
    const status = known?.suggest ? photoStatusOf(known.suggest) : 'checking'
    const { _id, ...rest } = {
      ...(known ?? {}),
      _id: check.traceId,
      communityId: target.communityId,
      collection: target.collection,
      docId: target.docId,
      index,
      openid: target.openid,
      photo: check.photo,
      status,
      createdAt: target.now,
    }
    void _id
    await tx.collection('media_checks').doc(check.traceId).set({ data: rest })
    statuses.push(status)
  }
  return statuses
}

/** A verdict arrives: its row and the photo's status in the document change together. */
export async function applyMediaVerdict(db: Database, push: MediaCheckPush, now: Date): Promise<PhotoStatus> {
  const raw = push.result?.suggest
  const suggest: Verdict = raw === 'pass' || raw === 'review' ? raw : 'risky'
  const status = photoStatusOf(suggest)
  await inTransaction(db, async (tx) => {
    const row = await txGetOrNull<MediaCheckDoc>(tx, 'media_checks', push.trace_id)
    const { _id, ...rest } = { ...(row ?? { _id: push.trace_id }), status, suggest, decidedAt: now }
    void _id
    await tx.collection('media_checks').doc(push.trace_id).set({ data: rest })
    if (!row?.collection || !row.docId || row.index === undefined) return
    const doc = await txGetOrNull<{ communityId: string; photoStatus?: PhotoStatus[] }>(
      tx,
      row.collection,
      row.docId,
    )
    if (!doc || doc.communityId !== row.communityId) return
    const photoStatus = [...(doc.photoStatus ?? [])]
    photoStatus[row.index] = status
    await tx.collection(row.collection).doc(row.docId).update({ data: { photoStatus } })
  })
  return status
}

/**
 * The function's entry for the platform's push: only the platform may deliver it, and its calls
 * carry no OPENID (a member's call always does), so a member cannot pass their own photo.
 */
export async function onMediaCheckPush(
  push: MediaCheckPush,
  now: Date,
): Promise<ActionResult<{ status: PhotoStatus }>> {
  const context = getCloud().getWXContext() as { OPENID?: string }
  if (context.OPENID || typeof push.trace_id !== 'string' || !push.trace_id)
    return { ok: false, error: errorOf('FORBIDDEN') }
  return { ok: true, data: { status: await applyMediaVerdict(getDb(), push, now) } }
}
