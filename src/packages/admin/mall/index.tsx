import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import LinkCell from '@/components/LinkCell'
import LoadMore from '@/components/LoadMore'
import Pill from '@/components/Pill'
import { EmptyView, PendingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { adminItems, setShelf, type ItemView } from '@/services/mall'
import { toServiceError } from '@/services/service-error'
import { Button, CellGroup } from '@/ui/nutui'
import ManagerGate from './ManagerGate'
import './index.scss'
import { confirmModal } from '@/ui/modal'

/** 商城管理: every item (on and off the shelf), new item, the order queue. */
export default function MallAdminPage() {
  return (
    <View className='qh-page'>
      <ManagerGate>{() => <ItemsBody />}</ManagerGate>
    </View>
  )
}

function ItemsBody() {
  const items = useCursorPages((cursor?: string) => adminItems(cursor), [])
  // Back from the editor: show what was saved.
  useRefreshOnShow(items)

  const toggle = async (item: ItemView) => {
    if (item.onShelf) {
      const { confirm } = await confirmModal({
        title: `下架「${item.name}」？`,
        content: '下架后成员在商城里看不到它，已有的订单不受影响，随时可以重新上架。',
        confirmText: '下架',
      })
      if (!confirm) return
    }
    try {
      const saved = await setShelf(item.id, !item.onShelf)
      void Taro.showToast({ title: saved.onShelf ? '已上架' : '已下架', icon: 'none' })
      await items.refresh()
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    }
  }

  let list
  if (!items.data) list = <PendingView loader={items} />
  else if (!items.items.length)
    list = <EmptyView title='还没有商品' description='上架书籍、书签、补签卡或头衔，让积分有处可用。' />
  else
    list = (
      <View className='qh-card'>
        {items.items.map((item) => (
          <View key={item.id} className='amall-item'>
            <View className='amall-item__head'>
              <Text className='amall-item__name'>{item.name}</Text>
              <Pill tone={item.onShelf && item.stock > 0 ? 'soft' : 'quiet'}>
                {!item.onShelf ? '已下架' : item.stock > 0 ? '在售' : '已兑完'}
              </Pill>
            </View>
            <Text className='qh-note'>
              {[
                item.kindName,
                `${item.price} 分`,
                `库存 ${item.stock}`,
                item.limitText,
                item.minLevel === 'newcomer' ? '不限等级' : `${item.minLevelName}及以上`,
              ].join(' · ')}
            </Text>
            <View className='amall-actions'>
              <Button
                size='small'
                fill='outline'
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/packages/admin/mall/orders/index?itemId=${encodeURIComponent(item.id)}&itemName=${encodeURIComponent(item.name)}`,
                  })
                }
              >
                订单
              </Button>
              <Button size='small' fill='outline' onClick={() => void toggle(item)}>
                {item.onShelf ? '下架' : '上架'}
              </Button>
              <Button
                size='small'
                type='primary'
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/packages/admin/mall/edit/index?id=${encodeURIComponent(item.id)}`,
                  })
                }
              >
                编辑
              </Button>
            </View>
          </View>
        ))}
        <LoadMore pages={items} />
      </View>
    )

  return (
    <View>
      <CellGroup>
        <LinkCell
          title='订单队列'
          description='发放或取消待处理的兑换'
          extra='处理'
          url='/packages/admin/mall/orders/index'
        />
        <LinkCell
          title='新建商品'
          description='实物、补签卡、头衔或优惠券'
          extra='新建'
          url='/packages/admin/mall/edit/index'
        />
      </CellGroup>
      {list}
    </View>
  )
}
