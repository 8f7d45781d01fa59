/**
 * Painting the poster and keeping it, one file per platform:
 *   render.weapp.ts: the page's <Canvas type='2d' id='poster-canvas'>, canvasToTempFilePath, then
 *                    saveImageToPhotosAlbum
 *   render.h5.ts:    an offscreen HTML canvas, a PNG data URL, downloaded as a file
 */
import type { PosterLayout } from './layout'

/** The canvas the page renders (weapp draws on it; H5 draws offscreen and shows the image). */
export const POSTER_CANVAS_ID: string
export const USES_PAGE_CANVAS: boolean

/** Paint the layout; resolves to an image source for the preview (and for saving). */
export function renderPoster(layout: PosterLayout): Promise<string>

/** Keep the painted image; resolves to what happened, for the toast. */
export function savePoster(image: string, fileName: string): Promise<string>
