import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import TabBar from '@/components/TabBar'
import type { TabKey } from '@/tabs'
import './index.scss'

/** A tab page's frame: its content, room at the bottom, and the tab bar. */
export default function TabPage({ current, children }: { current: TabKey; children: ReactNode }) {
  return (
    <View className='qh-page qh-tab-page'>
      {children}
      <TabBar current={current} />
    </View>
  )
}
