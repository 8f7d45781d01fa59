import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { deliveryLines, shipmentText } from '@core/delivery'
import { ORDER_STATUS_NAMES, orderStatusName, type OrderStatus } from '@core/mall'
import LoadMore from '@/components/LoadMore'
import Pill from '@/components/Pill'
import { EmptyView, PendingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import { saveExport } from '@/services/csv'
import {
  cancelOrder,
  exportOrders,
  fulfil,
  orders,
  ship,
  type OrderChange,
  type OrderFilter,
  type OrderView,
} from '@/services/mall'
import { toServiceError } from '@/services/service-error'
import { Button, Input } from '@/ui/nutui'
import ManagerGate from '../ManagerGate'
import '../index.scss'
import { dateTimeText } from '@/ui/dates'
import { confirmModal } from '@/ui/modal'

const STATUS_FILTERS: (OrderStatus | 'all')[] = ['pending', 'shipped', 'fulfilled', 'cancelled', 'all']

/**
 * 订单队列: by status and item, a page at a time, each order with where it goes; ship a posted gift with
 * its courier and number, mark a pickup handed over or a parcel received, fulfil a code with a note,
 * cancel, export CSV.
 */
export default function OrderQueuePage() {
  const params = useRouter().params ?? {}
  return (
    <View className='qh-page'>
      <ManagerGate>
        {() => (
          <OrderQueue
            itemId={params.itemId ? decodeURIComponent(params.itemId) : undefined}
            itemName={params.itemName ? decodeURIComponent(params.itemName) : undefined}
          />
        )}
      </ManagerGate>
    </View>
  )
}

export function OrderQueue({ itemId: initialItem, itemName }: { itemId?: string; itemName?: string }) {
  const [status, setStatus] = useState<OrderStatus | 'all'>('pending')
  const [itemId, setItemId] = useState(initialItem)
  const [exporting, setExporting] = useState(false)
  const filter: OrderFilter = { status: status === 'all' ? undefined : status, itemId }
  const queue = useCursorPages((cursor?: string) => orders(filter, cursor), [status, itemId])

  const download = async () => {
    setExporting(true)
    try {
      const done = await saveExport((cursor) => exportOrders(filter, cursor))
      void Taro.showToast({ title: done.message, icon: 'none' })
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    } finally {
      setExporting(false)
    }
  }

  let list
  if (!queue.data) list = <PendingView loader={queue} />
  else if (!queue.items.length)
    list = <EmptyView title={status === 'pending' ? '没有待发放的订单' : '没有符合条件的订单'} />
  else
    list = (
      <View className='qh-card'>
        {queue.items.map((order) => (
          <QueueRow key={order.id} order={order} onChanged={() => void queue.refresh()} />
        ))}
        <LoadMore pages={queue} />
      </View>
    )

  return (
    <View>
      <View className='qh-card'>
        <View className='amall-filters'>
          {STATUS_FILTERS.map((s) => (
            <Button
              key={s}
              size='small'
              type={status === s ? 'primary' : 'default'}
              onClick={() => setStatus(s)}
            >
              {s === 'all' ? '全部' : ORDER_STATUS_NAMES[s]}
            </Button>
          ))}
        </View>
        {itemId && (
          <View className='amall-filters'>
            <Text className='qh-note'>仅看：{itemName ?? '所选商品'}</Text>
            <Button size='small' fill='none' onClick={() => setItemId(undefined)}>
              看全部商品
            </Button>
          </View>
        )}
        <Button size='small' fill='outline' loading={exporting} onClick={() => void download()}>
          导出 CSV
        </Button>
      </View>
      {list}
    </View>
  )
}

function QueueRow({ order, onChanged }: { order: OrderView; onChanged: () => void }) {
  const [note, setNote] = useState('')
  const [carrier, setCarrier] = useState('')
  const [trackingNo, setTrackingNo] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const act = async (work: () => Promise<OrderChange>) => {
    setBusy(true)
    setError('')
    try {
      const { order: changed, notified } = await work()
      const done =
        changed.status === 'cancelled' ? '已取消，积分已退回' : orderStatusName(changed.status, changed.route)
      void Taro.showToast({ title: notified ? `${done}，已通知成员` : done, icon: 'none' })
      onChanged()
    } catch (err) {
      const e = toServiceError(err)
      setError(Object.values(e.fields ?? {})[0] ?? e.message)
    } finally {
      setBusy(false)
    }
  }

  const cancel = async () => {
    const { confirm } = await confirmModal({
      title: '取消这笔订单？',
      content: `${order.nickname} 的「${order.itemName}」将取消，${order.price} 积分退回，库存加回 1。`,
      // Clear verbs, not 取消 / 确定 (取消 would read as "cancel the order").
      confirmText: '确认取消',
      cancelText: '再想想',
    })
    if (confirm) await act(() => cancelOrder(order.id))
  }

  const cancelButton = (
    <Button size='small' fill='outline' disabled={busy} onClick={() => void cancel()}>
      取消订单
    </Button>
  )

  let actions = null
  if (order.status === 'pending' && order.route === 'address')
    actions = (
      <View>
        <View className='amall-fulfil'>
          <Input
            className='amall-input amall-note'
            placeholder='快递公司，如 顺丰'
            value={carrier}
            onChange={setCarrier}
          />
          <Input
            className='amall-input amall-note'
            placeholder='快递单号'
            value={trackingNo}
            onChange={setTrackingNo}
          />
        </View>
        <View className='amall-actions'>
          <Button
            size='small'
            type='primary'
            loading={busy}
            onClick={() => void act(() => ship(order.id, carrier.trim(), trackingNo.trim()))}
          >
            标记已发货
          </Button>
          {cancelButton}
        </View>
      </View>
    )
  else if (order.status === 'pending' && order.route === 'pickup')
    actions = (
      <View className='amall-actions'>
        <Button size='small' type='primary' loading={busy} onClick={() => void act(() => fulfil(order.id))}>
          标记已领取
        </Button>
        {cancelButton}
      </View>
    )
  else if (order.status === 'shipped')
    actions = (
      <View className='amall-actions'>
        <Button size='small' fill='outline' loading={busy} onClick={() => void act(() => fulfil(order.id))}>
          标记已完成
        </Button>
      </View>
    )
  else if (order.status === 'pending')
    actions = (
      <View className='amall-fulfil'>
        <Input
          className='amall-input amall-note'
          placeholder='快递单号、兑换码或发放说明'
          value={note}
          onChange={setNote}
        />
        <Button
          size='small'
          type='primary'
          loading={busy}
          onClick={() => {
            if (!note.trim()) setError('请填写快递单号、兑换码或发放说明')
            else void act(() => fulfil(order.id, note.trim()))
          }}
        >
          发放
        </Button>
        {cancelButton}
      </View>
    )

  return (
    <View className='amall-item'>
      <View className='amall-item__head'>
        <Text className='amall-item__name'>{order.itemName}</Text>
        <Pill tone={order.status === 'pending' ? 'soft' : 'quiet'}>{order.statusName}</Pill>
      </View>
      <Text className='qh-note'>
        {order.nickname} · {order.price} 分 · {dateTimeText(order.createdAt)}
      </Text>
      {order.delivery &&
        deliveryLines(order.delivery).map((line) => (
          <Text key={line} className='amall-delivery'>
            {line}
          </Text>
        ))}
      {order.shipment && <Text className='qh-note'>快递：{shipmentText(order.shipment)}</Text>}
      {order.note && <Text className='qh-note'>发放说明：{order.note}</Text>}
      {actions}
      {error && <Text className='amall-error amall-error--inline'>{error}</Text>}
    </View>
  )
}
