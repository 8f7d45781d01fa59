import { Text, View } from '@tarojs/components'
import InviteCode from '@/components/InviteCode'
import StaffGate from '@/components/StaffGate'
import { Cell, CellGroup } from '@/ui/nutui'
import './index.scss'

/** 社群信息: what the community looks like to members, and how people get in. */
export default function CommunityInfoPage() {
  return (
    <View className='qh-page'>
      <StaffGate>
        {(community) => (
          <View>
            <CellGroup title='基本信息'>
              <Cell title='社群名称' extra={community.name} />
              <Cell title='口号' extra={community.slogan || '还没有口号'} />
              <Cell title='成员人数' extra={`${community.memberCount} 人`} />
            </CellGroup>

            <View className='qh-card admin-block'>
              <Text className='qh-card__title'>邀请码</Text>
              <InviteCode code={community.inviteCode} />
              <Text className='qh-note admin-tip'>
                任何拿到邀请码的人都能加入本社群，请只发给想邀请的人。
              </Text>
            </View>

            <View className='qh-card'>
              <Text className='qh-card__title'>绑定的微信群</Text>
              <Text className='qh-note'>
                把小程序卡片分享到已绑定的群里，群成员点开卡片就会自动加入本社群。绑定群的列表与管理即将开放。
              </Text>
            </View>

            <View className='qh-card'>
              <Text className='qh-card__title'>成员</Text>
              <Text className='qh-note'>成员管理即将开放：搜索成员、调整角色、查看积分明细。</Text>
            </View>
          </View>
        )}
      </StaffGate>
    </View>
  )
}
