import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import LoadMore from '@/components/LoadMore'
import { EmptyView, PendingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import { cancelOrder, myOrders, type OrderView } from '@/services/mall'
import OrderRow from '../OrderRow'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import '../mall.scss'
import { confirmModal } from '@/ui/modal'

/** 兑换记录: the member's orders, newest first, with their status and the code or shipping note. */
export default function OrdersPage() {
  const orders = useCursorPages((cursor?: string) => myOrders(cursor), [])

  const cancel = async (order: OrderView) => {
    const { confirm } = await confirmModal({
      title: '取消这笔兑换？',
      content: `「${order.itemName}」的 ${order.price} 积分会退回你的账户。`,
      confirmText: '确认取消',
      cancelText: '再想想',
    })
    if (!confirm) return
    try {
      await cancelOrder(order.id)
      void Taro.showToast({ title: '已取消，积分已退回', icon: 'none' })
      await orders.refresh()
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    }
  }

  let body
  if (!orders.data) body = <PendingView loader={orders} />
  else if (!orders.items.length)
    body = (
      <EmptyView title='还没有兑换记录' description='去商城看看，用积分换点喜欢的东西吧。'>
        <Button size='small' type='primary' onClick={() => void Taro.switchTab({ url: '/pages/mall/index' })}>
          去商城
        </Button>
      </EmptyView>
    )
  else
    body = (
      <View className='qh-card'>
        {orders.items.map((order) => (
          <OrderRow key={order.id} order={order} onCancel={() => void cancel(order)} />
        ))}
        <LoadMore pages={orders} />
      </View>
    )
  return <View className='qh-page'>{body}</View>
}
