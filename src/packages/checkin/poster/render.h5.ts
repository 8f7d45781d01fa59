/** H5: paint on an offscreen canvas and offer the PNG as a download. */
import type * as Render from './render'
import { drawPoster, type PosterContext } from './layout'

export const POSTER_CANVAS_ID = 'poster-canvas'
export const USES_PAGE_CANVAS = false

export const renderPoster: typeof Render.renderPoster = async (layout) => {
  const canvas = document.createElement('canvas')
  const ratio = Math.max(1, Math.min(window.devicePixelRatio || 1, 3))
  canvas.width = layout.width * ratio
  canvas.height = layout.height * ratio
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  ctx.scale(ratio, ratio)
  drawPoster(ctx as unknown as PosterContext, layout)
  return canvas.toDataURL('image/png')
}

export const savePoster: typeof Render.savePoster = async (image, fileName) => {
  const link = document.createElement('a')
  link.href = image
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  return '海报已下载'
}
