/**
 * Cloud storage from the client, one file per platform (Taro picks it by TARO_ENV; the pages' jest
 * project resolves `.h5.ts`):
 *   upload.weapp.ts: Taro.cloud.uploadFile, with its progress; the Image component draws cloud:// IDs
 *   upload.h5.ts:    POST /storage/upload and /storage/temp-urls on the local cloud (its storage stand-in)
 * What both must provide; each variant types its exports against it.
 */
import type { ImagePurpose } from '@core/images'

/** Upload the chosen file `filePath` for `purpose`; resolves to its `cloud://` file ID. */
export function uploadImage(
  filePath: string,
  purpose: ImagePurpose,
  onProgress?: (percent: number) => void,
): Promise<string>

/** A URL this platform's Image can draw for a file ID ('' when the file is gone). */
export function previewUrl(fileId: string): Promise<string>
