import type { ReactNode } from 'react'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useMe } from '@/hooks/useMe'
import type { CommunitySummary, MemberProfile } from '@/services/member'
import { IconSettingF } from '@/ui/icons'

/**
 * Management screens: shown to owners, admins and organisers only. The server checks every staff
 * action again; this only keeps members from landing on a screen that is not for them.
 */
export default function StaffGate({
  children,
}: {
  children: (community: CommunitySummary, member: MemberProfile) => ReactNode
}) {
  const me = useMe()
  const community = me.data?.community
  const member = me.data?.member
  if (!me.data && me.loading) return <LoadingView />
  if (!me.data && me.error) return <ErrorView message={me.error.message} onRetry={() => void me.refresh()} />
  if (!community || !member || !me.staff) {
    return (
      <EmptyView
        icon={<IconSettingF size={32} />}
        title='这里是社群管理'
        description='只有主理人、管理员和活动官可以使用管理功能。'
      />
    )
  }
  return <>{children(community, member)}</>
}
