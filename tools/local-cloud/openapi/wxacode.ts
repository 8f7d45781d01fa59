/**
 * wxacode.getUnlimited stand-in: answers a real PNG, as WeChat answers the code's image bytes. The
 * picture is QR-shaped (three finder squares, modules from a hash of the scene) rather than a
 * scannable code: no QR encoder is among the project's packages. What it encodes is readable from
 * its tEXt chunks (`scene`, `page`), so tests and the dev UI can "scan" it: scanCode(png).
 */
import { createHash } from 'node:crypto'
import { encodePng, pngText } from '../png'
import type { WxJson } from './wx-json'

const MODULES = 29
const QUIET = 4

/** WeChat's rules: scene up to 32 visible ASCII characters; width 280–1280 px (default 430). */
export function getUnlimited(params: Record<string, unknown>): { png: Buffer } | { refused: WxJson } {
  const scene = params.scene
  if (typeof scene !== 'string' || !scene || scene.length > 32 || !/^[\x21-\x7e]+$/.test(scene))
    return { refused: { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' } }
  const page = typeof params.page === 'string' ? params.page : ''
  if (page.startsWith('/'))
    return { refused: { errcode: 41030, errmsg: 'invalid page rule: page must not start with /' } }
  const asked = Number(params.width ?? 430)
  const width = Math.min(1280, Math.max(280, Number.isFinite(asked) ? Math.round(asked) : 430))
  return { png: drawCode(scene, page, width) }
}

function drawCode(scene: string, page: string, width: number): Buffer {
  const bits = createHash('sha256').update(`${page}\n${scene}`).digest()
  const cell = width / (MODULES + 2 * QUIET)
  const finder = (x: number, y: number): boolean | null => {
    for (const [fx, fy] of [
      [0, 0],
      [MODULES - 7, 0],
      [0, MODULES - 7],
    ]) {
      const dx = x - fx
      const dy = y - fy
      if (dx >= 0 && dx < 7 && dy >= 0 && dy < 7) {
        const ring = Math.min(dx, dy, 6 - dx, 6 - dy)
        return ring !== 1
      }
      if (dx >= -1 && dx <= 7 && dy >= -1 && dy <= 7) return false
    }
    return null
  }
  return encodePng(
    width,
    width,
    (px, py) => {
      const x = Math.floor(px / cell) - QUIET
      const y = Math.floor(py / cell) - QUIET
      if (x < 0 || y < 0 || x >= MODULES || y >= MODULES) return 255
      const fixed = finder(x, y)
      const n = y * MODULES + x
      const dark = fixed ?? ((bits[n % 32] >> (n % 8)) & 1) === 1
      return dark ? 0 : 255
    },
    { scene, page, Software: 'qunhuo-local-cloud wxacode' },
  )
}

/** What a scan of a stand-in code reads: its scene and page; null for any other image. */
export function scanCode(png: Buffer): { scene: string; page: string } | null {
  const text = pngText(png)
  return text.scene ? { scene: text.scene, page: text.page ?? '' } : null
}
