import { Text, View } from '@tarojs/components'
import './index.scss'

export interface Bar {
  label: string
  value: number
  /** What to print at the end of the bar; defaults to the value. */
  display?: string
  /** Colour family: `primary` (default), `good`, `warn`, `bad`, `quiet`. */
  tone?: 'primary' | 'good' | 'warn' | 'bad' | 'quiet'
  /** An optional target band drawn behind the bar, as fractions of the scale (0–1). */
  band?: [number, number]
}

/** Rough printed width in Chinese characters (digits and Latin letters are about half as wide). */
function textWidth(text: string): number {
  let width = 0
  for (const ch of text) width += ch.charCodeAt(0) < 0x2000 ? 0.6 : 1
  return width
}

/**
 * Horizontal bars drawn with plain views, so the same chart renders in the mini-program and in
 * H5 without a canvas library. `max` fixes the scale (e.g. 100 for percentages); by default the
 * longest bar fills the row. Short labels sit in a column beside the bars; when any label is too long
 * for that column every label goes above its bar instead, so none is cut off and all bars keep one
 * length to compare. The value column is as wide as the longest value, so it never wraps.
 */
export default function BarChart({ bars, max, title }: { bars: Bar[]; max?: number; title?: string }) {
  const scale = max ?? Math.max(1, ...bars.map((b) => b.value))
  const shown = bars.map((b) => b.display ?? String(b.value))
  const stacked = bars.some((b) => textWidth(b.label) > 6.5)
  const valueWidth = Math.max(0, ...shown.map(textWidth))
  const valueColumn = valueWidth > 6 ? ' qh-bars--wide-value' : valueWidth > 4 ? ' qh-bars--mid-value' : ''
  const layout = `${stacked ? ' qh-bars--stacked' : ''}${valueColumn}`
  return (
    <View className={`qh-bars${layout}`} aria-label={title}>
      {title && <Text className='qh-bars__title'>{title}</Text>}
      {bars.map((bar, i) => (
        <View key={bar.label} className='qh-bars__row'>
          <Text className='qh-bars__label'>{bar.label}</Text>
          <View className='qh-bars__track'>
            {bar.band && (
              <View
                className='qh-bars__band'
                style={{ left: `${bar.band[0] * 100}%`, width: `${(bar.band[1] - bar.band[0]) * 100}%` }}
              />
            )}
            <View
              className={`qh-bars__fill qh-bars__fill--${bar.tone ?? 'primary'}`}
              style={{ width: `${Math.min(100, (Math.max(0, bar.value) / scale) * 100)}%` }}
            />
          </View>
          <Text className='qh-bars__value'>{shown[i]}</Text>
        </View>
      ))}
    </View>
  )
}
