import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import LoadMore from '@/components/LoadMore'
import Pill from '@/components/Pill'
import { EmptyView, PendingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import { inventory, wearTitle } from '@/services/mall'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import OrderRow from '../OrderRow'
import '../mall.scss'

/** 我的背包: make-up cards, titles (wear one or none), and codes received. */
export default function InventoryPage() {
  const inv = useCursorPages((cursor?: string) => inventory(cursor).then((i) => ({ ...i, ...i.codes })), [])
  const data = inv.data

  const wear = async (title: string | null) => {
    try {
      const res = await wearTitle(title)
      inv.setData((d) => (d ? { ...d, title: res.title } : d))
      void Taro.showToast({ title: res.title ? `已佩戴「${res.title}」` : '已取下头衔', icon: 'none' })
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    }
  }

  if (!data)
    return (
      <View className='qh-page'>
        <PendingView loader={inv} />
      </View>
    )
  return (
    <View className='qh-page'>
      <View className='qh-card'>
        <Text className='qh-card__title'>补签卡</Text>
        <View className='pmall-count'>
          <Text className='pmall-big'>{data.makeupCards}</Text>
          <Text className='qh-muted'>张</Text>
        </View>
        <Text className='qh-note'>漏打卡时可在打卡日历里补签</Text>
      </View>

      <View className='qh-card'>
        <Text className='qh-card__title'>头衔</Text>
        {data.titles.length ? (
          <View>
            {data.titles.map((title) => (
              <View key={title} className='pmall-title-row'>
                <View className='pmall-title-row__name'>
                  <Text>「{title}」</Text>
                  {data.title === title && <Pill>佩戴中</Pill>}
                </View>
                {data.title === title ? (
                  <Button size='small' fill='outline' onClick={() => void wear(null)}>
                    取下
                  </Button>
                ) : (
                  <Button size='small' type='primary' onClick={() => void wear(title)}>
                    佩戴
                  </Button>
                )}
              </View>
            ))}
          </View>
        ) : (
          <Text className='qh-note'>还没有头衔，可以在商城兑换。</Text>
        )}
      </View>

      <View className='qh-card'>
        <Text className='qh-card__title'>兑换码与优惠券</Text>
        {inv.items.length ? (
          <View>
            {inv.items.map((order) => (
              <OrderRow key={order.id} order={order} />
            ))}
          </View>
        ) : (
          <EmptyView title='还没有收到兑换码' description='兑换优惠券后，管理员发放的兑换码会出现在这里。' />
        )}
        <LoadMore pages={inv} />
      </View>
    </View>
  )
}
