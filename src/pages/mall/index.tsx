import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import TabPage from '@/components/TabPage'
import LoadMore from '@/components/LoadMore'
import { EmptyView, PendingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import { useMe } from '@/hooks/useMe'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { shelf, type ItemView } from '@/services/mall'
import { IconCoupon, IconGift, IconOrder, IconStarF } from '@/ui/icons'
import './index.scss'

/** The mall tab: balance, the shelf a page at a time; details and redeeming live in packages/mall. */
export default function MallPage() {
  const { data: me } = useMe()
  const member = me?.member
  const items = useCursorPages((cursor?: string) => shelf(cursor), [])
  // Back from a redemption or another tab: fresh balance and stock.
  useRefreshOnShow(items)

  let body
  if (!items.data) body = <PendingView loader={items} />
  else if (!items.items.length)
    body = (
      <EmptyView
        icon={<IconGift size={32} />}
        title='商城还没有上架商品'
        description='管理员上架礼品后，你可以在这里用积分兑换。'
      />
    )
  else
    body = (
      <View>
        <View className='mall-grid'>
          {items.items.map((item) => (
            <ItemCard key={item.id} item={item} />
          ))}
        </View>
        <LoadMore pages={items} />
      </View>
    )

  return (
    <TabPage current='mall'>
      {member && (
        <View className='mall-balance'>
          <View>
            <Text className='mall-balance__label'>我的积分</Text>
            <Text className='mall-balance__value'>{items.data?.balance ?? member.balance}</Text>
          </View>
          <View className='mall-links'>
            <Text
              className='mall-link'
              onClick={() => void Taro.navigateTo({ url: '/packages/mall/orders/index' })}
            >
              兑换记录
            </Text>
            <Text
              className='mall-link'
              onClick={() => void Taro.navigateTo({ url: '/packages/mall/inventory/index' })}
            >
              我的背包
            </Text>
          </View>
        </View>
      )}
      {body}
    </TabPage>
  )
}

function ItemCard({ item }: { item: ItemView }) {
  const soldOut = item.stock < 1
  return (
    <View
      className={`mall-card ${soldOut ? 'mall-card--out' : ''}`}
      onClick={() =>
        void Taro.navigateTo({ url: `/packages/mall/item/index?id=${encodeURIComponent(item.id)}` })
      }
    >
      {item.imageUrls[0] ? (
        <Image className='mall-card__image' src={item.imageUrls[0]} mode='aspectFill' />
      ) : (
        <View className={`mall-card__image mall-card__image--blank mall-card__image--${item.kind}`}>
          <KindIcon kind={item.kind} />
        </View>
      )}
      <Text className='mall-card__name'>{item.name}</Text>
      <View className='mall-card__meta'>
        <Text className='mall-card__price'>{item.price} 分</Text>
        <Text className='qh-note'>{soldOut ? '已兑完' : `剩 ${item.stock} 件`}</Text>
      </View>
      {item.minLevel !== 'newcomer' && <Text className='mall-card__level'>{item.minLevelName}及以上</Text>}
    </View>
  )
}

/** An item without a photo shows what kind of thing it is. */
function KindIcon({ kind }: { kind: ItemView['kind'] }) {
  if (kind === 'makeup_card') return <IconOrder size={28} />
  if (kind === 'title') return <IconStarF size={28} />
  if (kind === 'coupon') return <IconCoupon size={28} />
  return <IconGift size={28} />
}
