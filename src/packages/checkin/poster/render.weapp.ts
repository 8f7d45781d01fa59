/** weapp: paint on the page's canvas 2d node, export a temp file, save it to the album. */
import Taro from '@tarojs/taro'
import type * as Render from './render'
import { drawPoster, type PosterContext } from './layout'

export const POSTER_CANVAS_ID = 'poster-canvas'
export const USES_PAGE_CANVAS = true

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): PosterContext & { scale(x: number, y: number): void }
}

function canvasNode(): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${POSTER_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasNode }[]) => {
        const node = res?.[0]?.node
        if (node) resolve(node)
        else reject(new Error('poster canvas not ready'))
      })
  })
}

export const renderPoster: typeof Render.renderPoster = async (layout) => {
  const canvas = await canvasNode()
  const ratio = Taro.getSystemInfoSync().pixelRatio || 2
  canvas.width = layout.width * ratio
  canvas.height = layout.height * ratio
  const ctx = canvas.getContext('2d')
  ctx.scale(ratio, ratio)
  drawPoster(ctx, layout)
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas } as never)
  return tempFilePath
}

export const savePoster: typeof Render.savePoster = async (image) => {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: image })
    return '海报已保存到相册'
  } catch {
    return '没有保存：请在设置里允许保存到相册'
  }
}
