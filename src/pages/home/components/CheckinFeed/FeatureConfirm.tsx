import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useSaving } from '@/hooks/useSaving'
import type { FeaturePolicy, FeedItem } from '@/services/checkin'
import { Button } from '@/ui/nutui'

/** The amounts offered: SPEC's ends, a step between, and the community's default. */
function choices(policy: FeaturePolicy): number[] {
  const set = new Set([policy.min, 80, policy.max, policy.points])
  return [...set].filter((n) => n >= policy.min && n <= policy.max).sort((a, b) => a - b)
}

/** Staff confirm featuring a note (精选) and pick what it pays its author. */
export default function FeatureConfirm({
  item,
  policy,
  onConfirm,
  onCancel,
}: {
  item: FeedItem
  policy: FeaturePolicy
  onConfirm: (points: number) => Promise<unknown>
  onCancel: () => void
}) {
  const paying = policy.points > 0
  const [points, setPoints] = useState(paying ? policy.points : 0)
  const { saving, error, run } = useSaving()
  return (
    <View className='checkin-feed__confirm'>
      <Text className='checkin-feed__confirm-text'>
        {paying
          ? `把 ${item.nickname} 的这篇日记设为精选，奖励 ${points} 积分？设为精选后不能撤销。`
          : `把 ${item.nickname} 的这篇日记设为精选？「优质内容」积分已停用，不发积分。`}
      </Text>
      {paying && (
        <View className='checkin-feed__amounts'>
          {choices(policy).map((n) => (
            <Text
              key={n}
              className={`checkin-feed__amount${n === points ? ' checkin-feed__amount--on' : ''}`}
              onClick={() => setPoints(n)}
            >
              {n} 分
            </Text>
          ))}
        </View>
      )}
      {error && <Text className='checkin-feed__error'>{error}</Text>}
      <View className='checkin-feed__confirm-actions'>
        <Button size='small' fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button
          size='small'
          type='primary'
          loading={saving}
          onClick={() => void run(() => onConfirm(points), '已设为精选')}
        >
          确认精选
        </Button>
      </View>
    </View>
  )
}
