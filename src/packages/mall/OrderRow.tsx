import { Text, View } from '@tarojs/components'
import Pill from '@/components/Pill'
import type { OrderView } from '@/services/mall'
import { Button } from '@/ui/nutui'
import { dateTimeText } from '@/ui/dates'

/** One order: item, status pill, price and time, the code or shipping note, and 取消 while pending. */
export default function OrderRow({ order, onCancel }: { order: OrderView; onCancel?: () => void }) {
  return (
    <View className='pmall-order'>
      <View className='pmall-order__head'>
        <Text className='pmall-order__name'>{order.itemName}</Text>
        <Pill tone={order.status === 'pending' ? 'soft' : 'quiet'}>{order.statusName}</Pill>
      </View>
      <Text className='qh-note'>
        {order.kindName} · {order.price} 分 · {dateTimeText(order.createdAt)}
      </Text>
      {order.note && <Text className='pmall-note'>{order.note}</Text>}
      {order.status === 'pending' && onCancel && (
        <View className='pmall-actions'>
          <Button size='small' fill='outline' onClick={onCancel}>
            取消兑换
          </Button>
        </View>
      )}
    </View>
  )
}
