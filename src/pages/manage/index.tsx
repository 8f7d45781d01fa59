import { Text, View } from '@tarojs/components'
import InviteCode from '@/components/InviteCode'
import LinkCell from '@/components/LinkCell'
import StaffGate from '@/components/StaffGate'
import TabPage from '@/components/TabPage'
import Pill from '@/components/Pill'
import { useMe } from '@/hooks/useMe'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { Cell, CellGroup } from '@/ui/nutui'
import './index.scss'

/** The admin screens (packages/admin), in the order the tab lists them. */
const TOOLS = [
  {
    title: '社群信息',
    description: '名称、口号与邀请码',
    extra: '查看',
    url: '/packages/admin/community/index',
  },
  {
    title: '打卡挑战',
    description: '发起挑战，查看参与率与持续参与率',
    extra: '管理',
    url: '/packages/admin/checkin/index',
  },
  {
    title: '积分与等级',
    description: '积分规则、调整积分、发补签卡、操作记录',
    extra: '管理',
    url: '/packages/admin/points/index',
  },
  {
    title: '排行榜',
    description: '管理员是否参与排名、月度 Top 3 奖励与往期结果',
    extra: '设置',
    url: '/packages/admin/rank/index',
  },
  {
    title: '成员分层',
    description: '每周活跃度分布、各层成员、给沉默成员发送唤醒通知',
    extra: '查看',
    url: '/packages/admin/tiers/index',
  },
  {
    title: '入群审核',
    description: '待审核的入群申请，3 天未处理自动过期',
    extra: '处理',
    url: '/packages/admin/onboarding/reviews/index',
  },
  {
    title: '新人手册与群规',
    description: '编辑手册、发布群规，查看谁还没确认',
    extra: '编辑',
    url: '/packages/admin/onboarding/handbook/index',
  },
  {
    title: '入群方式',
    description: '直接加入、管理员审核或入群答题；入群问卷',
    extra: '设置',
    url: '/packages/admin/onboarding/join/index',
  },
  {
    title: '内容审核',
    description: '待审核的成员内容与社群词表',
    extra: '审核',
    url: '/packages/admin/onboarding/moderation/index',
  },
  {
    title: '商城与订单',
    description: '上架商品、处理兑换订单、导出 CSV',
    extra: '管理',
    url: '/packages/admin/mall/index',
  },
  {
    title: '问卷',
    description: '创建与发布问卷、查看统计图、导出回答；入群问卷',
    extra: '管理',
    url: '/packages/admin/survey/index',
  },
]
const SOON = ['成员管理', '活动与日程', '数据看板']

/** The 管理 tab: a small hub; the admin screens live in the packages/admin subpackage. */
export default function ManagePage() {
  useRefreshOnShow(useMe())
  return (
    <TabPage current='manage'>
      <StaffGate>
        {(community, member) => (
          <View>
            <View className='qh-card manage-head'>
              <Text className='manage-head__name'>{community.name}</Text>
              <View className='manage-head__meta'>
                <Text className='qh-muted'>{community.memberCount} 位成员</Text>
                <Text className='qh-muted manage-head__dot'>·</Text>
                <Text className='qh-muted'>我的身份：</Text>
                <Pill>{member.roleName}</Pill>
              </View>
            </View>

            <View className='qh-card'>
              <Text className='qh-card__title'>邀请码</Text>
              <InviteCode code={community.inviteCode} />
              <Text className='qh-note manage-tip'>
                发给想加入的朋友，在小程序首页输入即可加入；也可以把小程序卡片分享到群里。
              </Text>
            </View>

            <Text className='qh-section-title'>管理工具</Text>
            <CellGroup>
              {TOOLS.map((tool) => (
                <LinkCell key={tool.url} {...tool} />
              ))}
              {SOON.map((title) => (
                <Cell key={title} title={title} extra='即将开放' className='manage-soon' />
              ))}
            </CellGroup>
          </View>
        )}
      </StaffGate>
    </TabPage>
  )
}
