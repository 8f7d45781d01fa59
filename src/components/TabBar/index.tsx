import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ComponentType } from 'react'
import { useBadges } from '@/hooks/badgeStore'
import { useMe } from '@/hooks/useMe'
import { TABS, tabUrl, type TabKey } from '@/tabs'
import {
  IconHome,
  IconHomeF,
  IconSetting,
  IconSettingF,
  IconStar,
  IconStarF,
  IconStore,
  IconStoreF,
  IconUser,
  IconUserF,
} from '@/ui/icons'
import './index.scss'

type Icon = ComponentType<{ size?: string | number; color?: string }>

const ICONS: Record<TabKey, [Icon, Icon]> = {
  home: [IconHome, IconHomeF],
  rank: [IconStar, IconStarF],
  mall: [IconStore, IconStoreF],
  mine: [IconUser, IconUserF],
  manage: [IconSetting, IconSettingF],
}

/**
 * The bottom tab bar, drawn by every tab page on weapp and H5 alike. The 管理 tab appears only for
 * owners, admins and organisers.
 */
export default function TabBar({ current }: { current: TabKey }) {
  const { staff } = useMe()
  // Pending work on 管理 (loaded by the 管理 page; the dashboard's open alerts among it).
  const pending = useBadges()?.total ?? 0
  const tabs = TABS.filter((tab) => !tab.staffOnly || staff)

  function go(key: TabKey) {
    if (key === current) return
    void Taro.switchTab({ url: tabUrl(key) })
  }

  return (
    <View className='qh-tabbar'>
      {tabs.map((tab) => {
        const selected = tab.key === current
        const [Plain, Filled] = ICONS[tab.key]
        const Glyph = selected ? Filled : Plain
        return (
          <View
            key={tab.key}
            className={`qh-tabbar__item${selected ? ' qh-tabbar__item--on' : ''}`}
            onClick={() => go(tab.key)}
          >
            <Glyph size={22} />
            <Text className='qh-tabbar__text'>{tab.text}</Text>
            {tab.key === 'manage' && staff && pending > 0 && (
              <Text className='qh-tabbar__badge' aria-label={`${pending} 项待处理`}>
                {pending > 99 ? '99+' : pending}
              </Text>
            )}
          </View>
        )
      })}
    </View>
  )
}
