import { Text, View } from '@tarojs/components'
import { deliveryLines, shipmentText } from '@core/delivery'
import Pill from '@/components/Pill'
import type { OrderView } from '@/services/mall'
import { Button } from '@/ui/nutui'
import { dateTimeText } from '@/ui/dates'

/** Pending or on its way: the states a member waits in. */
function waiting(order: OrderView): boolean {
  return order.status === 'pending' || order.status === 'shipped'
}

/**
 * One order: item, status pill, price and time, where it goes (address or pickup), the courier and
 * tracking number once shipped, the code or note, and 取消 while pending.
 */
export default function OrderRow({ order, onCancel }: { order: OrderView; onCancel?: () => void }) {
  return (
    <View className='pmall-order'>
      <View className='pmall-order__head'>
        <Text className='pmall-order__name'>{order.itemName}</Text>
        <Pill tone={waiting(order) ? 'soft' : 'quiet'}>{order.statusName}</Pill>
      </View>
      <Text className='qh-note'>
        {order.kindName} · {order.price} 分 · {dateTimeText(order.createdAt)}
      </Text>
      {order.delivery &&
        deliveryLines(order.delivery).map((line) => (
          <Text key={line} className='pmall-ship'>
            {line}
          </Text>
        ))}
      {order.shipment && <Text className='pmall-note'>快递：{shipmentText(order.shipment)}</Text>}
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
