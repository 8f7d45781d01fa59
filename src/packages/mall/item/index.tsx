import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import Pill from '@/components/Pill'
import { PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { meStore } from '@/hooks/meStore'
import {
  askOrderUpdates,
  item as loadItem,
  redeem,
  type ItemDetail,
  type RedeemResult,
} from '@/services/mall'
import { newRequestId } from '@/services/points'
import { toServiceError } from '@/services/service-error'
import { needsDelivery } from '@core/delivery'
import { IconGift } from '@/ui/icons'
import { Button } from '@/ui/nutui'
import DeliveryForm, { EMPTY_DELIVERY, deliveryOf, draftProblems, type DeliveryDraft } from '../DeliveryForm'
import '../mall.scss'

/** What the member reads once the order is made, by how it reaches them. */
function submittedText(order: RedeemResult['order']): string {
  if (order.status === 'fulfilled') return order.note ?? '已发放'
  if (order.route === 'address') return '订单已提交，发货后会通知你快递单号。'
  if (order.route === 'pickup') return '订单已提交，领取时找管理员即可。'
  return '订单已提交，管理员发放后会通知你。'
}

/** 商品详情 and the redeem confirmation. */
export default function ItemPage() {
  const id = decodeURIComponent(useRouter().params?.id ?? '')
  return (
    <View className='qh-page'>
      <ItemDetailView id={id} />
    </View>
  )
}

export function ItemDetailView({ id }: { id: string }) {
  const detail = useLoader(() => loadItem(id), [id])
  if (!detail.data) return <PendingView loader={detail} />
  return <ItemBody detail={detail.data} onRedeemed={() => void detail.refresh()} />
}

function ItemBody({ detail, onRedeemed }: { detail: ItemDetail; onRedeemed: () => void }) {
  const { item } = detail
  // Made when the confirmation opens: a retried 确认 sends the same id, so it makes one order.
  const [requestId, setRequestId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState<RedeemResult | null>(null)
  const travels = needsDelivery(item.kind)
  const [delivery, setDelivery] = useState<DeliveryDraft>(EMPTY_DELIVERY)
  const [problems, setProblems] = useState<Record<string, string>>({})
  const limitLine = item.limit ? `${item.limitText}（已兑 ${detail.used} 次）` : item.limitText

  const confirm = async () => {
    if (!requestId) return
    const wrong = travels ? draftProblems(delivery) : null
    setProblems(wrong ?? {})
    if (wrong) return
    setBusy(true)
    setError('')
    void askOrderUpdates()
    try {
      const res = await redeem(item.id, requestId, travels ? deliveryOf(delivery) : undefined)
      setDone(res)
      setRequestId(null)
      void meStore.refresh()
      void Taro.showToast({ title: '兑换成功', icon: 'success' })
      onRedeemed()
    } catch (err) {
      const e = toServiceError(err)
      // The server's field messages (delivery.phone…) go beside the fields they name.
      const fields = Object.entries(e.fields ?? {}).filter(([k]) => k.startsWith('delivery.'))
      setProblems(Object.fromEntries(fields.map(([k, v]) => [k.slice('delivery.'.length), v])))
      setError(fields.length ? '' : e.message)
      // A definite refusal needs a new request (a delivery to correct keeps the sheet open); a lost
      // answer keeps the id so a retry stays safe.
      if (fields.length) setRequestId(newRequestId())
      else if (e.code !== 'INTERNAL') setRequestId(null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <View className='qh-card'>
        {item.imageUrls[0] ? (
          <Image className='pmall-hero' src={item.imageUrls[0]} mode='aspectFill' />
        ) : (
          <View className='pmall-hero pmall-hero--blank'>
            <IconGift size={40} />
          </View>
        )}
        <Text className='pmall-title'>{item.name}</Text>
        <View className='pmall-facts'>
          <Text className='pmall-price'>{item.price} 分</Text>
          <Pill tone='quiet'>{item.kindName}</Pill>
          {item.minLevel === 'newcomer' ? (
            <Pill tone='quiet'>不限等级</Pill>
          ) : (
            <Pill>{`${item.minLevelName}及以上`}</Pill>
          )}
        </View>
        <View className='pmall-line'>
          <Text className='qh-muted'>库存</Text>
          <Text>{item.stock > 0 ? `剩 ${item.stock} 件` : '已兑完'}</Text>
        </View>
        <View className='pmall-line'>
          <Text className='qh-muted'>限兑</Text>
          <Text>{limitLine}</Text>
        </View>
        {item.description && <Text className='pmall-desc qh-note'>{item.description}</Text>}
      </View>

      <View className='qh-card'>
        {done ? (
          <View>
            <Text className='qh-card__title'>兑换成功</Text>
            <Text className='pmall-desc'>{submittedText(done.order)}</Text>
            <Text className='qh-note'>当前积分 {done.balance} 分</Text>
            <View className='pmall-actions'>
              <Button
                size='small'
                fill='outline'
                onClick={() => void Taro.navigateTo({ url: '/packages/mall/orders/index' })}
              >
                查看兑换记录
              </Button>
            </View>
          </View>
        ) : requestId ? (
          <View>
            <Text className='qh-card__title'>确认兑换「{item.name}」？</Text>
            <View className='pmall-line'>
              <Text className='qh-muted'>消耗积分</Text>
              <Text>{item.price} 分</Text>
            </View>
            <View className='pmall-line'>
              <Text className='qh-muted'>兑换后余额</Text>
              <Text>{detail.balance - item.price} 分</Text>
            </View>
            <View className='pmall-line'>
              <Text className='qh-muted'>限兑</Text>
              <Text>{limitLine}</Text>
            </View>
            <View className='pmall-line'>
              <Text className='qh-muted'>等级要求</Text>
              <Text>
                {item.minLevelName}及以上（你是{detail.levelName}）
              </Text>
            </View>
            {travels && <DeliveryForm draft={delivery} problems={problems} onChange={setDelivery} />}
            {error && <Text className='pmall-error'>{error}</Text>}
            <View className='pmall-actions'>
              <Button size='small' fill='outline' onClick={() => setRequestId(null)}>
                再想想
              </Button>
              <Button size='small' type='primary' loading={busy} onClick={() => void confirm()}>
                确认兑换
              </Button>
            </View>
          </View>
        ) : (
          <View>
            <View className='pmall-line'>
              <Text className='qh-muted'>我的积分</Text>
              <Text>{detail.balance} 分</Text>
            </View>
            {(error || detail.refusal) && <Text className='pmall-error'>{error || detail.refusal}</Text>}
            <Button
              block
              type='primary'
              disabled={!!detail.refusal}
              onClick={() => {
                setError('')
                setRequestId(newRequestId())
              }}
            >
              {detail.refusal ? '暂不可兑换' : '立即兑换'}
            </Button>
          </View>
        )}
      </View>
    </View>
  )
}
