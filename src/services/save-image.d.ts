/**
 * Keeping a generated image (the community QR code), one file per platform:
 *   save-image.weapp.ts: write it to the user data folder, then saveImageToPhotosAlbum / showShareImageMenu
 *   save-image.h5.ts:    download it as a file; sharing is the browser's own
 */

/** Save a base64 PNG; resolves to what happened, for the toast. */
export function savePng(base64: string, fileName: string): Promise<string>

/** Offer the PNG to share (weapp: the share-image menu); false where the platform cannot. */
export function sharePng(base64: string, fileName: string): Promise<boolean>
