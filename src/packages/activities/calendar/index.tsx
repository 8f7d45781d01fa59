import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { addMonths, shanghaiMonthKey } from '@core/time'
import ActivityMonth from '@/components/ActivityMonth'
import { PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import * as activities from '@/services/activities'

/** 活动日历: the community's activities by month, each opening its detail page (sign-up). */
export default function ActivityCalendarPage() {
  const [month, setMonth] = useState(() => shanghaiMonthKey(new Date()))
  const loaded = useLoader(() => activities.calendar(month), [month])
  return (
    <View className='qh-page'>
      {loaded.data ? (
        <ActivityMonth
          month={loaded.data.month}
          activities={loaded.data.activities}
          onMonth={(by) => setMonth(addMonths(month, by))}
          onOpen={(a) =>
            void Taro.navigateTo({ url: `/packages/activities/detail/index?id=${encodeURIComponent(a.id)}` })
          }
        />
      ) : (
        <PendingView loader={loaded} />
      )}
    </View>
  )
}
