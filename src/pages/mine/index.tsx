import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import LinkCell from '@/components/LinkCell'
import TabPage from '@/components/TabPage'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useMe } from '@/hooks/useMe'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { switchPersona } from '@/services/session'
import { tabUrl } from '@/tabs'
import { IconUserF } from '@/ui/icons'
import Pill from '@/components/Pill'
import { Avatar, Button, Cell, CellGroup } from '@/ui/nutui'
import { askSubscriptions } from '@/services/subscribe'
import { subscribeResultText } from '@/services/subscribe-templates'
import CommunitySwitcher from './CommunitySwitcher'
import './index.scss'

const PROFILE_URL = '/packages/me/profile/index'

/** Asked at the 消息提醒 tap: the wake-up message and violation notices. */
async function remindMe() {
  const { answers } = await askSubscriptions(['wakeUp', 'violationNotice'])
  void Taro.showToast({ title: subscribeResultText(answers), icon: 'none' })
}
import { dateText } from '@/ui/dates'
import { avatarText } from '@/ui/avatar'
import { confirmModal } from '@/ui/modal'
import { meStore } from '@/hooks/meStore'
import { forgetCommunity } from '@/services/community-context'
import { leave } from '@/services/member'
import { toServiceError } from '@/services/service-error'

/** Leave after a confirmation that says what happens; then back to the join screen. */
async function leaveCommunity(name: string) {
  const answer = await confirmModal({
    title: '退出社群',
    content: `退出后你将不再是「${name}」的成员：不能打卡和兑换，也不会出现在排行榜上，担任的管理职务也会取消。以后想回来，需要按社群的加入方式重新加入。`,
    confirmText: '确认退出',
  })
  if (!answer.confirm) return
  try {
    await leave()
  } catch (err) {
    void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    return
  }
  forgetCommunity()
  await meStore.refresh()
  void Taro.showToast({ title: '你已退出社群', icon: 'none' })
  await Taro.reLaunch({ url: tabUrl('home') })
}

export default function MinePage() {
  const me = useMe()
  useRefreshOnShow(me)
  const member = me.data?.member
  const community = me.data?.community

  let body
  if (!me.data && me.loading) {
    body = <LoadingView />
  } else if (!me.data && me.error) {
    body = <ErrorView message={me.error.message} onRetry={() => void me.refresh()} />
  } else if (!member || !community) {
    body = (
      <EmptyView
        icon={<IconUserF size={32} />}
        title='你还没有加入社群'
        description='加入后，这里会显示你的等级和积分。'
      >
        <Button
          className='mine-go'
          type='primary'
          size='small'
          onClick={() => void Taro.switchTab({ url: tabUrl('home') })}
        >
          去加入
        </Button>
      </EmptyView>
    )
  } else {
    body = (
      <View>
        <View className='qh-card mine-profile'>
          <Avatar size='64' background='#fff1e8' color='#c84a17'>
            {avatarText(member.nickname)}
          </Avatar>
          <View className='mine-profile__who'>
            <Text className='mine-profile__nickname'>
              {member.nickname}
              {member.title && <Text className='mine-profile__title'>{member.title}</Text>}
            </Text>
            <View className='mine-profile__tags'>
              <Pill>{member.levelName}</Pill>
              <Pill tone='quiet'>{member.roleName}</Pill>
            </View>
            <Text className='qh-note'>{community.name}</Text>
          </View>
        </View>

        {member.defaultNickname && (
          <View className='qh-card mine-nudge'>
            <Text className='mine-nudge__text'>
              你现在叫「{member.nickname}」，设置一个真实的昵称和头像，群友更容易认出你。
            </Text>
            <Button size='small' type='primary' onClick={() => void Taro.navigateTo({ url: PROFILE_URL })}>
              去设置
            </Button>
          </View>
        )}

        <CommunitySwitcher />

        <View className='qh-card mine-points'>
          <View className='mine-points__item'>
            <Text className='mine-points__value'>{member.balance}</Text>
            <Text className='mine-points__label'>积分余额</Text>
          </View>
          <View className='mine-points__item'>
            <Text className='mine-points__value'>{member.totalEarned}</Text>
            <Text className='mine-points__label'>累计获得</Text>
          </View>
        </View>

        <CellGroup>
          <Cell title='加入时间' extra={dateText(member.joinedAt)} />
          <LinkCell title='编辑资料' description='昵称和头像' extra='编辑' url={PROFILE_URL} />
          <LinkCell title='积分明细' extra='查看' url='/packages/points/ledger/index' />
          <LinkCell title='我的等级' extra='查看' url='/packages/points/level/index' />
          <LinkCell title='我的活跃度' extra='查看' url='/packages/standing/score/index' />
          <LinkCell
            title='入群问卷'
            description='职业、兴趣与习惯，成为你的资料标签'
            extra='填写'
            url='/packages/onboarding/profile/index'
          />
          <LinkCell
            title='活动日历'
            description='社群的活动安排，报名参加'
            extra='查看'
            url='/packages/activities/calendar/index'
          />
          <LinkCell title='邀请好友' extra='去邀请' url='/packages/invite/friends/index' />
          <LinkCell
            title='创建社群'
            description='自己当主理人'
            extra='去创建'
            url='/packages/onboarding/create/index'
          />
          <LinkCell title='兑换记录' extra='查看' url='/packages/mall/orders/index' />
          <LinkCell title='我的背包' extra='查看' url='/packages/mall/inventory/index' />
          <LinkCell
            title='问卷'
            description='完成问卷可得积分'
            extra='去填写'
            url='/packages/survey/list/index'
          />
          <Cell
            title='消息提醒'
            description='久未打卡时的唤醒和违规通知'
            extra='开启'
            onClick={() => void remindMe()}
          />
          <LinkCell
            title='我的违规记录'
            description='处罚记录与申诉'
            extra='查看'
            url='/packages/me/violations/index'
          />
          <LinkCell title='社群公告' extra='查看' url='/packages/me/notices/index' />
          <LinkCell
            title='我的数据'
            description='查看和导出社群保存的关于你的全部信息，或注销'
            extra='查看'
            url='/packages/me/data/index'
          />
        </CellGroup>

        {member.role !== 'owner' && (
          <View className='mine-leave'>
            <Button fill='outline' size='small' onClick={() => void leaveCommunity(community.name)}>
              退出社群
            </Button>
          </View>
        )}
      </View>
    )
  }

  return (
    <TabPage current='mine'>
      {body}
      {process.env.TARO_ENV === 'h5' && (
        <View className='mine-dev'>
          <Button fill='outline' size='small' onClick={switchPersona}>
            切换身份
          </Button>
          <Text className='qh-note'>本地体验：换一个身份看看</Text>
        </View>
      )}
    </TabPage>
  )
}
