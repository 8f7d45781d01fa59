import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import TabPage from '@/components/TabPage'
import { ErrorView, LoadingView } from '@/components/StateView'
import { useMe } from '@/hooks/useMe'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { IconWarning } from '@/ui/icons'
import HomeSkeleton from './HomeSkeleton'
import JoinPanel from './JoinPanel'
import MemberHome from './MemberHome'
import './index.scss'

export default function HomePage() {
  const me = useMe()
  useRefreshOnShow(me)
  const community = me.data?.community ?? null
  const member = me.data?.member ?? null

  usePullDownRefresh(() => {
    void me.refresh().finally(() => Taro.stopPullDownRefresh())
  })

  // Shared into a group, the card carries a shareTicket: whoever opens it joins this community.
  useShareAppMessage(() => ({
    title: community ? `一起加入「${community.name}」` : '群活：让社群更有活力',
    path: '/pages/home/index',
  }))

  let body
  if (me.joiningGroup) {
    body = <LoadingView text='正在加入群里的社群…' />
  } else if (!me.data && me.loading) {
    body = <HomeSkeleton />
  } else if (!me.data && me.error) {
    body = <ErrorView message={me.error.message} onRetry={() => void me.refresh()} />
  } else if (community && member) {
    body = <MemberHome community={community} member={member} />
  } else {
    body = <JoinPanel />
  }

  return (
    <TabPage current='home'>
      {me.groupError && !me.joiningGroup && (
        <View className='home-notice'>
          <IconWarning size={16} />
          <Text className='home-notice__text'>{me.groupError.message}</Text>
        </View>
      )}
      {body}
    </TabPage>
  )
}
