import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { checkinStore } from '@/hooks/useCheckin'
import * as checkin from '@/services/checkin'
import { toServiceError } from '@/services/service-error'
import { askSubscriptions } from '@/services/subscribe'
import { subscribeResultText } from '@/services/subscribe-templates'

const DEFAULT_TIME = '20:00'

/**
 * 每日提醒: the member picks a time (tap the time to change it); the tap that saves it also asks for the one-time subscription
 * the reminder is sent with (WeChat grants one message per acceptance, so 续订 asks again).
 */
export default function Reminder({ time }: { time: string | null }) {
  // The time picker is drawn only while choosing (its wheel is heavy, and on H5 it is DOM).
  const [choosing, setChoosing] = useState(false)
  const [picked, setPicked] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function save(next: string | null) {
    if (busy) return
    setBusy(true)
    try {
      // Asked first, inside the tap: WeChat only shows the prompt from a tap.
      const answers = next ? (await askSubscriptions(['checkinReminder'])).answers : null
      const result = await checkin.setReminder(next)
      checkinStore.patch((data) => ({ ...data, reminder: result.time }))
      setPicked(null)
      setChoosing(false)
      void Taro.showToast({
        title: next ? `每天 ${next} 提醒你打卡 · ${subscribeResultText(answers!)}` : '已关闭打卡提醒',
        icon: 'none',
      })
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (choosing)
    return (
      <View className='checkin-reminder'>
        <Picker
          mode='time'
          value={picked ?? time ?? DEFAULT_TIME}
          onChange={(e) => setPicked(String(e.detail.value))}
        >
          <Text className='checkin-reminder__time'>{picked ?? time ?? DEFAULT_TIME}</Text>
        </Picker>
        <Text className='checkin-card__link' onClick={() => void save(picked ?? time ?? DEFAULT_TIME)}>
          {`每天 ${picked ?? time ?? DEFAULT_TIME} 提醒我打卡`}
        </Text>
        <Text
          className='qh-muted'
          onClick={() => {
            setPicked(null)
            setChoosing(false)
          }}
        >
          先不设置
        </Text>
      </View>
    )
  return (
    <View className='checkin-reminder'>
      <Text className='checkin-card__link' onClick={() => setChoosing(true)}>
        {time ? `每日提醒 ${time} ›` : '设置每日打卡提醒 ›'}
      </Text>
      {time && (
        <>
          <Text className='checkin-card__link' onClick={() => void save(time)}>
            续订
          </Text>
          <Text className='qh-muted' onClick={() => void save(null)}>
            关闭
          </Text>
        </>
      )}
    </View>
  )
}
