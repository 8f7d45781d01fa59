import { Text } from '@tarojs/components'
import './index.scss'

/** A small rounded label: a level, a role. `soft` is warm orange on cream; `quiet` is grey. */
export default function Pill({ children, tone = 'soft' }: { children: string; tone?: 'soft' | 'quiet' }) {
  return <Text className={`qh-pill qh-pill--${tone}`}>{children}</Text>
}
