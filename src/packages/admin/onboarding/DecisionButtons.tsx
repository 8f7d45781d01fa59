import { View } from '@tarojs/components'
import { Button } from '@/ui/nutui'

/** 通过 / 拒绝 for one queued item; `busy` while its decision is on the way. */
export default function DecisionButtons({
  busy,
  onDecide,
}: {
  busy: boolean
  onDecide: (approve: boolean) => void
}) {
  return (
    <View className='ao-row__actions'>
      <Button type='primary' size='small' loading={busy} onClick={() => onDecide(true)}>
        通过
      </Button>
      <Button size='small' disabled={busy} onClick={() => onDecide(false)}>
        拒绝
      </Button>
    </View>
  )
}
