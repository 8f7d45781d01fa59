import { View } from '@tarojs/components'
import type { ReactElement } from 'react'
import { EmptyView, PendingView } from '@/components/StateView'
import type { UseMe } from '@/hooks/useMe'
import type { Loaded } from '@/hooks/useLoader'
import type { OnboardingView } from '@/services/community'

/**
 * What an onboarding page shows until it has its data: a note for someone who belongs to no community
 * (when the page names one), else loading or the error with a retry. Null once the data is there.
 */
export function onboardingPlaceholder(
  me: UseMe,
  onboarding: Loaded<OnboardingView>,
  notMemberTitle?: string,
): ReactElement | null {
  if (notMemberTitle && !me.data?.member && !me.loading)
    return (
      <View className='qh-page'>
        <EmptyView title={notMemberTitle} />
      </View>
    )
  if (!onboarding.data)
    return (
      <View className='qh-page'>
        <PendingView loader={onboarding} />
      </View>
    )
  return null
}

/** The onboarding data of my current membership. */
export function currentMembership(me: UseMe): { communityId?: string; joinedAt?: string } {
  return { communityId: me.data?.community?.id, joinedAt: me.data?.member?.joinedAt }
}
