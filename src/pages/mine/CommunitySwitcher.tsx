import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import Pill from '@/components/Pill'
import { meStore } from '@/hooks/meStore'
import { useLoader } from '@/hooks/useLoader'
import { useMe } from '@/hooks/useMe'
import * as member from '@/services/member'
import { toServiceError } from '@/services/service-error'
import { tabUrl } from '@/tabs'
import { Button } from '@/ui/nutui'

/**
 * 我的社群: shown when I belong to more than one. Switching makes the other one current on the server
 * (its answer's community is what every later call sends) and relaunches the tabs, so each loads
 * that community's data afresh.
 */
export default function CommunitySwitcher() {
  const me = useMe()
  const current = me.data?.community?.id
  const list = useLoader(() => member.myCommunities(), [current])
  const [switching, setSwitching] = useState<string | null>(null)
  const items = list.data?.items ?? []
  if (items.length < 2) return null

  async function switchTo(id: string) {
    setSwitching(id)
    try {
      meStore.replaced(await member.switchCommunity(id))
      await Taro.reLaunch({ url: tabUrl('mine') })
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    } finally {
      setSwitching(null)
    }
  }

  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>我的社群</Text>
      {items.map((c) => (
        <View key={c.id} className='mine-switch__item'>
          <View>
            <Text className='mine-switch__name'>{c.name}</Text>
            <Text className='qh-note'>
              {c.nickname} · {c.roleName} · {c.levelName}
            </Text>
          </View>
          {c.id === current ? (
            <Pill>当前</Pill>
          ) : (
            <Button
              size='small'
              fill='outline'
              loading={switching === c.id}
              onClick={() => void switchTo(c.id)}
            >
              切换
            </Button>
          )}
        </View>
      ))}
    </View>
  )
}
