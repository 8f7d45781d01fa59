import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { daysBetween, monthRange, weekdayOf } from '@core/time'
import type { ActivityView } from '@/services/activities'
import { dayKeyText, timeText } from '@/ui/dates'
import './index.scss'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

export function monthTitle(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/**
 * The community calendar: a month grid marking the days with activities, and the list below it
 * (one day's when a day is picked). Members and staff share it; staff also get drafts.
 */
export default function ActivityMonth({
  month,
  activities,
  onMonth,
  onOpen,
}: {
  month: string
  activities: ActivityView[]
  onMonth: (by: -1 | 1) => void
  onOpen: (activity: ActivityView) => void
}) {
  const [picked, setPicked] = useState<string | null>(null)
  const { first, last } = monthRange(month)
  const days = Array.from(
    { length: daysBetween(first, last) + 1 },
    (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`,
  )
  const byDay = new Map<string, number>()
  for (const a of activities) if (a.stage !== 'cancelled') byDay.set(a.day, (byDay.get(a.day) ?? 0) + 1)
  const shown = picked ? activities.filter((a) => a.day === picked) : activities
  const go = (by: -1 | 1) => {
    setPicked(null)
    onMonth(by)
  }
  return (
    <View>
      <View className='qh-card'>
        <View className='am-head'>
          <Text className='am-head__nav' onClick={() => go(-1)}>
            ‹ 上月
          </Text>
          <Text className='am-head__title'>{monthTitle(month)}</Text>
          <Text className='am-head__nav' onClick={() => go(1)}>
            下月 ›
          </Text>
        </View>
        <View className='am-grid'>
          {WEEKDAYS.map((w) => (
            <Text key={w} className='am-weekday'>
              {w}
            </Text>
          ))}
          {Array.from({ length: weekdayOf(first) }, (_, i) => (
            <View key={`lead-${i}`} className='am-day am-day--blank' />
          ))}
          {days.map((day) => (
            <View
              key={day}
              className={`am-day${byDay.get(day) ? ' am-day--busy' : ''}${picked === day ? ' am-day--picked' : ''}`}
              onClick={() => setPicked(picked === day ? null : day)}
            >
              <Text className='am-day__date'>{Number(day.slice(8))}</Text>
              {byDay.get(day) ? <Text className='am-day__count'>{byDay.get(day)}</Text> : null}
            </View>
          ))}
        </View>
      </View>
      <View className='qh-card'>
        <Text className='qh-card__title'>{picked ? `${dayKeyText(picked)}的活动` : '本月活动'}</Text>
        {shown.length === 0 && (
          <Text className='qh-muted'>{picked ? '这一天没有活动' : '这个月还没有活动'}</Text>
        )}
        {shown.map((a) => (
          <View key={a.id} className={`am-item am-item--${a.stage}`} onClick={() => onOpen(a)}>
            <View className='am-item__when'>
              <Text className='am-item__day'>{dayKeyText(a.day)}</Text>
              <Text className='am-item__time'>{timeText(a.startAt)}</Text>
            </View>
            <View className='am-item__body'>
              <Text className='am-item__title'>{a.title}</Text>
              <Text className='am-item__meta'>
                {`${a.kindName} · ${a.sizeName}${a.stage === 'published' ? '' : ` · ${a.stageName}`}`}
              </Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
