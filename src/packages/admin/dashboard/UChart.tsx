/**
 * One uCharts chart on a Canvas 2D: `<Canvas type='2d'>` in the mini-program (its node from a selector
 * query), a plain `<canvas>` in H5. uCharts (docs/ARCHITECTURE.md says why this library) draws with the
 * context it is given, at the device's pixel ratio, without animation. Where no 2D context exists (jsdom
 * page tests) nothing is drawn and the text beside the chart still says what it shows.
 */
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import { createElement, useEffect, useRef } from 'react'
import uCharts from '@qiun/ucharts'

export interface UChartOptions {
  type: 'line' | 'funnel'
  categories?: string[]
  series: { name: string; data: unknown[]; color?: string }[]
  [key: string]: unknown
}

interface Surface {
  ctx: CanvasRenderingContext2D
  width: number
  height: number
  pix: number
}

function pixelRatio(): number {
  try {
    return Taro.getSystemInfoSync().pixelRatio || 2
  } catch {
    return 2
  }
}

function prepare(canvas: HTMLCanvasElement | null, width: number, height: number): Surface | null {
  // Not laid out (jsdom lays nothing out): nothing to draw on.
  if (!canvas || !width || !height) return null
  const ctx = canvas.getContext?.('2d') as CanvasRenderingContext2D | null | undefined
  if (!ctx) return null
  const pix = pixelRatio()
  canvas.width = width * pix
  canvas.height = height * pix
  return { ctx, width: width * pix, height: height * pix, pix }
}

function surfaceOf(id: string, h5Canvas: HTMLCanvasElement | null): Promise<Surface | null> {
  if (process.env.TARO_ENV === 'h5') {
    const rect = h5Canvas?.getBoundingClientRect()
    return Promise.resolve(prepare(h5Canvas, rect?.width ?? 0, rect?.height ?? 0))
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: HTMLCanvasElement; width: number; height: number }[] | null) => {
        const found = res?.[0]
        resolve(found ? prepare(found.node ?? null, found.width, found.height) : null)
      })
  })
}

export default function UChart({
  id,
  options,
  height = 160,
}: {
  id: string
  options: UChartOptions
  height?: number
}) {
  const h5Canvas = useRef<HTMLCanvasElement | null>(null)
  const key = JSON.stringify(options)
  useEffect(() => {
    let cancelled = false
    // After the canvas is laid out (the next tick in the mini-program).
    const timer = setTimeout(() => {
      void surfaceOf(id, h5Canvas.current).then((surface) => {
        if (!surface || cancelled) return
        new uCharts({
          ...options,
          context: surface.ctx,
          width: surface.width,
          height: surface.height,
          pixelRatio: surface.pix,
          pix: surface.pix,
          animation: false,
          background: '#FFFFFF',
          fontSize: 11,
          legend: { show: false },
          dataLabel: false,
        })
      })
    }, 0)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, key])
  const style = { width: '100%', height: `${height}px`, display: 'block' }
  return (
    <View className='dash-chart'>
      {process.env.TARO_ENV === 'h5' ? (
        createElement('canvas', { id, ref: h5Canvas, style, 'data-chart': options.type })
      ) : (
        <Canvas type='2d' id={id} canvasId={id} style={style} />
      )}
    </View>
  )
}
