import { Text, View } from '@tarojs/components'
import type { ChallengeSummary } from '@/services/checkin'
import { dayKeyText } from '@/ui/dates'

export const PHASE_NAMES = { upcoming: '未开始', running: '进行中', ended: '已结束' } as const

export function dayRange(c: ChallengeSummary): string {
  const short = dayKeyText
  return `${short(c.startDay)} – ${short(c.endDay)}`
}

/** A progress bar: days done of the target. */
export default function ChallengeProgress({ challenge }: { challenge: ChallengeSummary }) {
  const share = Math.min(100, Math.round((challenge.progress / challenge.days) * 100))
  return (
    <View className='challenge-progress'>
      <View className='challenge-progress__bar'>
        <View className='challenge-progress__fill' style={{ width: `${share}%` }} />
      </View>
      <Text className='challenge-progress__text'>{`${challenge.progress}/${challenge.days} 天`}</Text>
    </View>
  )
}
