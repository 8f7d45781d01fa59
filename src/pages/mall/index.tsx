import { Text, View } from '@tarojs/components'
import TabPage from '@/components/TabPage'
import { EmptyView } from '@/components/StateView'
import { useMe } from '@/hooks/useMe'
import { IconGift } from '@/ui/icons'
import './index.scss'

export default function MallPage() {
  const { data } = useMe()
  const member = data?.member
  return (
    <TabPage current='mall'>
      {member && (
        <View className='mall-balance'>
          <Text className='qh-muted'>我的积分</Text>
          <Text className='mall-balance__value'>{member.balance}</Text>
        </View>
      )}
      <EmptyView
        icon={<IconGift size={32} />}
        title='积分商城正在筹备中'
        description='管理员上架礼品后，你可以在这里用积分兑换。'
      />
    </TabPage>
  )
}
