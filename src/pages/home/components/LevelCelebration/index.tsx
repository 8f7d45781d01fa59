import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { usePointsSummary } from '@/hooks/usePoints'
import { ackLevelChange } from '@/services/points'
import { Button } from '@/ui/nutui'
import './index.scss'

/**
 * A level-up celebration, shown once on the member's next visit (for the home page). It loads the
 * points summary, which also records the visit, and draws nothing unless there is an unseen
 * promotion; 知道了 acknowledges it so it never shows again.
 */
export default function LevelCelebration() {
  const summary = usePointsSummary()
  const [closed, setClosed] = useState(false)
  const celebration = summary.data?.celebration
  if (!celebration || closed) return null

  const close = () => {
    setClosed(true)
    // Best effort: if it fails, the celebration simply shows again next time.
    void ackLevelChange(celebration.id).catch(() => undefined)
  }

  return (
    <View className='qh-card level-celebration' role='dialog' aria-label='升级庆祝'>
      <Text className='level-celebration__emoji'>🎉</Text>
      <Text className='level-celebration__title'>恭喜升级为{celebration.toName}！</Text>
      <Text className='qh-muted'>{celebration.reason}</Text>
      <Text className='qh-note'>新权益：{summary.data?.rights.map((r) => r.name).join('、')}</Text>
      <View className='level-celebration__actions'>
        <Button
          size='small'
          fill='outline'
          onClick={() => {
            close()
            void Taro.navigateTo({ url: '/packages/points/level/index' })
          }}
        >
          查看等级
        </Button>
        <Button size='small' type='primary' onClick={close}>
          知道了
        </Button>
      </View>
    </View>
  )
}
