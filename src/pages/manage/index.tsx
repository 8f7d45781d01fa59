import { Text, View } from '@tarojs/components'
import InviteCode from '@/components/InviteCode'
import LinkCell from '@/components/LinkCell'
import StaffGate from '@/components/StaffGate'
import TabPage from '@/components/TabPage'
import Pill from '@/components/Pill'
import { useMe } from '@/hooks/useMe'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { CellGroup } from '@/ui/nutui'
import { useEffect } from 'react'
import { loadBadges, useBadges } from '@/hooks/badgeStore'
import { pendingOf, toolsFor } from './tools'
import './index.scss'

/** The 管理 tab: a small hub; the admin screens live in the packages/admin subpackage. */
export default function ManagePage() {
  const me = useMe()
  useRefreshOnShow(me)
  const badges = useBadges()
  const community = me.data?.community?.id
  // Pending work (join requests, held content, orders, reports, due SOP tasks, open alerts) on each visit.
  useEffect(() => {
    if (me.staff) void loadBadges()
  }, [me.staff, community, me.loading])
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
              {toolsFor(member.role, badges?.dashboard).map((tool) => {
                const pending = pendingOf(tool, badges?.counts ?? {})
                return (
                  <LinkCell
                    key={tool.url}
                    title={tool.title}
                    description={tool.description}
                    url={tool.url}
                    extra={pending ? `${pending} 待处理` : tool.extra}
                  />
                )
              })}
            </CellGroup>
          </View>
        )}
      </StaffGate>
    </TabPage>
  )
}
